#!/usr/bin/env node
// Thin wrapper: the CLI lives in src/export/cli.ts (compiled to dist/export).
"use strict";
const path = require("node:path");

const cli = path.join(__dirname, "..", "dist", "export", "index.js");
if (!require("node:fs").existsSync(cli)) {
  // Only in a clone of the repository: installed packages always hold dist/.
  process.stderr.write("runai-export: dist/ is not built in this clone: run `npm run build` first\n");
  process.exit(1);
}
require(cli)
  .runExport(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stderr: (text) => process.stderr.write(text) })
  .then((code) => {
    process.exitCode = code;
  });
