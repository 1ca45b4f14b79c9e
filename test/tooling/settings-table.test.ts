// One settings table (src/provider/settings.ts): config resolution reads exactly its keys and
// variables, the plugin schema and `runai.Provider` declare exactly them, and the README's table is
// what `npm run gen:settings` writes from it.
import * as fs from "node:fs";
import { README, withSettingsTable } from "../../scripts/gen-settings-table";
import { buildSchema } from "../../src/plugin/schema";
import { resolveSettings } from "../../src/provider/config";
import { SETTINGS } from "../../src/provider/settings";

const keys = SETTINGS.map((entry) => entry.key).sort();

it("the README's settings table is what `npm run gen:settings` writes", () => {
  const readme = fs.readFileSync(README, "utf8");
  expect(withSettingsTable(readme) === readme).toBe(true);
});

it("config resolution asks for every key of the table, and for no other", () => {
  const asked = new Set<string>();
  resolveSettings(
    { get: (key) => (asked.add(key), key === "runai:url" ? "https://acme.run.ai" : key === "runai:token" ? "t" : undefined) },
    {},
  );
  expect([...asked].sort()).toEqual(keys.map((key) => `runai:${key}`));
});

it("every key falls back to its environment variable", () => {
  const env = Object.fromEntries(
    SETTINGS.map((entry) => [entry.env, entry.type === "boolean" ? "true" : entry.type === "number" ? "7" : "x"]),
  );
  env.RUNAI_URL = "https://acme.run.ai";
  env.RUNAI_CA_BUNDLE = "-----BEGIN CERTIFICATE-----";
  const settings = resolveSettings(undefined, env);
  expect({ waitForSync: settings.waitForSync, timeoutSeconds: settings.timeoutSeconds, adoptExisting: settings.adoptExisting }).toEqual({
    waitForSync: true,
    timeoutSeconds: 7,
    adoptExisting: true,
  });
  expect(settings.client).toMatchObject({ url: "https://acme.run.ai", auth: { clientId: "x", clientSecret: "x" }, timeoutMs: 7000 });
});

it("the plugin schema's config variables and provider inputs are the table's keys, secrets marked", () => {
  const schema = buildSchema("0.0.0");
  expect(Object.keys(schema.config.variables).sort()).toEqual(keys);
  expect(Object.keys(schema.provider.inputProperties).sort()).toEqual(keys);
  const secret = Object.entries(schema.config.variables)
    .filter(([, spec]) => spec.secret)
    .map(([key]) => key)
    .sort();
  expect(secret).toEqual(["clientSecret", "token"]);
  expect(schema.config.variables.timeoutSeconds).toEqual({
    type: "number",
    description: "How long to wait for sync or deletion, in seconds.",
    default: 300,
    defaultInfo: { environment: ["RUNAI_TIMEOUT_SECONDS"] },
  });
});
