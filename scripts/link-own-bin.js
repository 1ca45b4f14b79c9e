#!/usr/bin/env node
// npm links the bins of dependencies into node_modules/.bin, never the project's own. In a clone of
// this repository `npx runai-emulator` should work like it does where pulumi-runai is installed, so
// `npm run build` links it once dist/ holds what the bin runs. (Not an install script: those would be
// published and run, or warned about, on every user's install.)
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const { bin } = require(path.join(root, "package.json"));

fs.mkdirSync(binDir, { recursive: true });
for (const [name, target] of Object.entries(bin)) {
  const link = path.join(binDir, name);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, path.join(root, target)), link);
}
