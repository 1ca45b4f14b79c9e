#!/usr/bin/env node
// Writes dist/plugin/schema.json, the runai plugin's Pulumi package schema, from the compiled kind
// registry and zod schemas (src/plugin/schema.ts), property descriptions included (the schemas'
// zod metadata). Run by `npm run build` after tsc.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { buildSchema } = require(path.join(root, "dist/plugin/schema.js"));
const { version } = require(path.join(root, "package.json"));

const out = path.join(root, "dist/plugin/schema.json");
fs.writeFileSync(out, JSON.stringify(buildSchema(version), null, 2) + "\n");
console.log(`wrote ${path.relative(root, out)}`);
