#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (each prints its own table).
"use strict";
const { execFileSync } = require("node:child_process");
const path = require("node:path");

for (const script of ["emulator.js", "provider.js"]) {
  execFileSync(process.execPath, [path.join(__dirname, script)], { stdio: "inherit" });
}
