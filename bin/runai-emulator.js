#!/usr/bin/env node
// Thin wrapper: the CLI lives in src/emulator/cli.ts (compiled to dist/emulator).
"use strict";
const path = require("node:path");

const cli = path.join(__dirname, "..", "dist", "emulator", "index.js");
if (!require("node:fs").existsSync(cli)) {
  // Only in a clone of the repository: installed packages always hold dist/.
  process.stderr.write("runai-emulator: dist/ is not built in this clone: run `npm run build` first\n");
  process.exit(1);
}
require(cli).runCli(process.argv.slice(2));
