#!/usr/bin/env node
// Thin wrapper: the CLI lives in src/emulator/cli.ts (compiled to dist/emulator).
require("../dist/emulator/index.js").runCli(process.argv.slice(2));
