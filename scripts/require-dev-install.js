#!/usr/bin/env node
// `npm pack` and `npm publish` build dist/ first (prepack), with the dev dependencies. In a checkout
// where they are not installed the build would stop at "tsc: not found"; say what to run instead.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
try {
  require.resolve("typescript/package.json", { paths: [root] });
} catch {
  process.stderr.write("pulumi-runai: packing builds dist/ with the dev dependencies, which are not installed here: run `npm ci` first\n");
  process.exit(1);
}
