// Writes the settings table of the README (between its `settings-table` markers) from the settings
// table of the provider (src/provider/settings.ts), the one place a setting is described; the docs
// generator (gen-docs.ts) renders the same table.
//
//   npm run gen:settings    rewrites the README's table
//   test/tooling/settings-table.test.ts fails when it is stale
import * as fs from "node:fs";
import * as path from "node:path";
import { SETTINGS } from "../src/provider/settings";
import type { Setting } from "../src/provider/settings";

export const README = path.resolve(__dirname, "../README.md");
const START = "<!-- settings-table: generated from src/provider/settings.ts by `npm run gen:settings` -->";
const END = "<!-- /settings-table -->";

/** The markdown table of every setting (the README's and docs/installation-configuration.md's). */
export function settingsTable(): string {
  const rows = (SETTINGS as readonly Setting[]).map((entry) => {
    const fallback = entry.defaultText ?? (entry.default === undefined ? undefined : String(entry.default));
    const description = entry.description.replace(/\|/g, "\\|");
    return `| \`runai:${entry.key}\` | \`${entry.env}\` | ${entry.type} | ${fallback ? `\`${fallback}\`` : ""} | ${entry.secret ? "yes" : ""} | ${description} |`;
  });
  return ["| stack config | environment | type | default | secret | description |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

/** `text` with the table between the markers replaced by today's. */
export function withSettingsTable(text: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`the README has no ${START} … ${END} block`);
  return `${text.slice(0, start + START.length)}\n${settingsTable()}\n${text.slice(end)}`;
}

if (require.main === module) {
  fs.writeFileSync(README, withSettingsTable(fs.readFileSync(README, "utf8")));
  console.log(`wrote the settings table of ${path.relative(process.cwd(), README)}`);
}
