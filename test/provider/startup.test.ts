import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { RESOURCE_TYPES } from "../../src/provider";
import type { AssetContract } from "../../src/schemas/asset";
import { assetCollections } from "../support/asset-kinds";

// The provider host loads the implementation before its first call, on every `pulumi` command, and
// building zod schemas is most of that time: a host serving one kind must build that kind's schemas
// only (plus the ones every asset call needs), not those of every kind in the registry. A kind's own
// schemas are derived: the module holding its contract (found by its collection path) and the schema
// modules that one loads.
const repoRoot = path.resolve(__dirname, "../..");

/** What every asset provider loads: the shared asset and error shapes, and the token answer. */
const SHARED_SCHEMAS = ["asset", "common", "application"];
const schemasDir = path.join(repoRoot, "src/schemas");

/** The schema module that holds the contract of each asset collection path, e.g. "/api/v1/asset/compute" → "compute". */
function contractModules(): Map<string, string> {
  const byPath = new Map<string, string>();
  // index.ts re-exports every module's contracts.
  for (const file of fs.readdirSync(schemasDir).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
    const name = path.basename(file, ".ts");
    // By file name, to learn which module holds which contract.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const value of Object.values(require(path.join(schemasDir, file)) as Record<string, unknown>)) {
      const contract = value as Partial<AssetContract> | null;
      if (typeof contract?.path === "string" && contract.spec) byPath.set(contract.path, name);
    }
  }
  return byPath;
}

/** The schema module of each asset kind's contract, by kind. */
const OWN_MODULE: Record<string, string | undefined> = (() => {
  const modules = contractModules();
  return Object.fromEntries(assetCollections().map(({ type, path: collection }) => [type, modules.get(collection)]));
})();

/** The schema modules a fresh process has built after running `script` (with `path` and `dist` defined). */
async function schemaModulesLoadedBy(script: string): Promise<string[]> {
  const prelude = `const path = require("node:path"); const dist = ${JSON.stringify(path.join(repoRoot, "dist"))};`;
  const report = `console.log(JSON.stringify(Object.keys(require.cache).filter((f) => path.dirname(f) === path.join(dist, "schemas")).map((f) => path.basename(f, ".js"))));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", `${prelude}${script};${report}`], { cwd: repoRoot });
  return (JSON.parse(stdout) as string[]).sort();
}

/** The built provider, as the dynamic-provider host loads it (a fresh process), set up for one type. */
function schemaModulesLoadedFor(type: string): Promise<string[]> {
  return schemaModulesLoadedBy(`require(path.join(dist, "provider")).installProvider({ type: ${JSON.stringify(type)} })`);
}

/** A kind's own schemas: its contract's module and the schema modules that one builds on. */
function ownSchemas(type: string): Promise<string[]> {
  return schemaModulesLoadedBy(`require(path.join(dist, "schemas", ${JSON.stringify(OWN_MODULE[type] ?? type)}))`);
}

describe("the provider loaded for one kind", () => {
  const assetTypes = Object.keys(OWN_MODULE);

  it("covers every asset and credential kind of the registry, each with its contract in a schema module", () => {
    expect(RESOURCE_TYPES.filter((type) => type.endsWith("Asset") || type.endsWith("Credential"))).toEqual(assetTypes);
    for (const type of assetTypes) expect({ type, module: OWN_MODULE[type] }).toEqual({ type, module: expect.any(String) });
  });

  it.each(assetTypes)("%s builds its own schemas and no other kind's", async (type) => {
    const own = await ownSchemas(type);
    expect(own).toContain(OWN_MODULE[type] ?? type);
    expect(await schemaModulesLoadedFor(type)).toEqual([...new Set([...SHARED_SCHEMAS, ...own])].sort());
  });

  it("the organisation kinds build the schemas they use", async () => {
    expect(await schemaModulesLoadedFor("Project")).toEqual(expect.arrayContaining(["org-unit"]));
    expect(await schemaModulesLoadedFor("Project")).not.toContain("environment");
  });
});
