// Summarises the CPU profiles written by `npm run bench:engine -- --profile <dir>`: for every
// subject and phase, the CPU time of each process (the engine, the program's language host, the
// provider) and where each Node process spent it (by package, then the top functions). The engine's
// own profile is summarised with `go tool pprof` when Go is installed.
//
//   node bench/profile-summary.js <dir> [--top 12]
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { parseArgs } = require("node:util");

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "12" } } });
const [root] = positionals;
if (!root || !fs.existsSync(root)) {
  console.error("usage: node bench/profile-summary.js <dir written by bench:engine --profile> [--top 12]");
  process.exit(2);
}
const top = Number(values.top);

/** Where a frame's code lives: a package, this project, Node itself, or the V8 pseudo-frames. */
function bucketOf(frame) {
  const url = frame.url || "";
  if (!url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (/\/(dist|src)\//.test(url)) return "pulumi-runai";
  return "program";
}

/** Which process wrote a profile, from the scripts it ran. */
function roleOf(nodes) {
  const urls = new Set(nodes.map((n) => n.callFrame.url));
  const has = (part) => [...urls].some((u) => u.includes(part));
  if (has("dynamic-provider")) return "dynamic provider";
  if (has("/plugin/main.js") || has("pulumi-resource-")) return "plugin";
  if (has("cmd/run/")) return "language host";
  return "other node";
}

function summariseNodeProfile(file) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const buckets = new Map();
  const functions = new Map();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id).callFrame;
    const bucket = bucketOf(frame);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    if (bucket !== "(idle)") busyUs += us;
    const name = `${frame.functionName || "(anonymous)"} ${path.basename(frame.url || "")}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  return { role: roleOf(profile.nodes), busyMs: busyUs / 1000, buckets, functions };
}

const ms = (us) => `${(us / 1000).toFixed(0)} ms`;

function printNode(summary) {
  console.log(`    ${summary.role}: ${summary.busyMs.toFixed(0)} ms busy`);
  const sorted = (map) => [...map].filter(([k]) => k !== "(idle)").sort((a, b) => b[1] - a[1]);
  for (const [bucket, us] of sorted(summary.buckets).slice(0, top)) console.log(`      ${ms(us).padStart(8)}  ${bucket}`);
  console.log("      top functions:");
  for (const [name, us] of sorted(summary.functions).slice(0, top)) console.log(`      ${ms(us).padStart(8)}  ${name}`);
}

function printEngine(file) {
  try {
    const text = execFileSync("go", ["tool", "pprof", "-top", `-nodecount=${top}`, file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    console.log("    engine (go tool pprof -top):");
    for (const line of text.split("\n").filter((l) => l.trim())) console.log(`      ${line}`);
  } catch {
    console.log(`    engine: ${file} (install Go for a summary: go tool pprof -top ${file})`);
  }
}

for (const subject of fs.readdirSync(root).sort()) {
  const subjectDir = path.join(root, subject);
  if (!fs.statSync(subjectDir).isDirectory()) continue;
  for (const phase of fs.readdirSync(subjectDir).sort()) {
    const dir = path.join(subjectDir, phase);
    console.log(`\n${subject} / ${phase}`);
    const files = fs.readdirSync(dir).sort();
    const summaries = files.filter((f) => f.endsWith(".cpuprofile")).map((f) => summariseNodeProfile(path.join(dir, f)));
    const total = summaries.reduce((sum, s) => sum + s.busyMs, 0);
    console.log(`  Node processes: ${summaries.length}, ${total.toFixed(0)} ms busy in all`);
    for (const summary of summaries.sort((a, b) => b.busyMs - a.busyMs)) printNode(summary);
    for (const f of files.filter((f) => /^engine\.\d+\.cpu$/.test(f))) printEngine(path.join(dir, f));
  }
}
