// Preloaded (`NODE_OPTIONS=--require …`) into every Node process of a profiled bench:engine command:
// Node 20 refuses `--cpu-prof` in NODE_OPTIONS, so this starts V8's profiler through the inspector
// and writes `<pid>.cpuprofile` into BENCH_CPU_PROFILE_DIR when the process exits or is told to
// stop (the engine ends its plugins with a signal). The same-thread inspector session answers
// synchronously, so the profile is written within the exit handler.
"use strict";
const fs = require("node:fs");
const inspector = require("node:inspector");
const path = require("node:path");

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      write();
      process.exit(0);
    });
  }
}
