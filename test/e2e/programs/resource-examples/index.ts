// Every kind's TypeScript example in one stack, as the docs show it: the test copies
// examples/resources/<Kind>/ into examples/ next to this file, and each example module declares its
// resources when it is loaded. The examples' resource names differ, so one stack holds them all.
import * as fs from "node:fs";
import * as path from "node:path";

const dir = path.join(__dirname, "examples");

/** Each example's exports, under its kind's name. */
export const examples: Record<string, unknown> = Object.fromEntries(
  fs
    .readdirSync(dir)
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .map((kind) => [kind, require(path.join(dir, kind, "index.ts")) as unknown]),
);
