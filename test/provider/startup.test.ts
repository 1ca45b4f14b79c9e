import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { RESOURCE_TYPES } from "../../src/provider";

// The provider host loads the implementation before its first call, on every `pulumi` command, and
// building zod schemas is most of that time: a host serving one kind must build that kind's schemas
// only (plus the ones every asset call needs), not those of every kind in the registry.
const repoRoot = path.resolve(__dirname, "../..");

/** What every asset provider loads: the shared asset and error shapes, and the token answer. */
const SHARED_SCHEMAS = ["asset", "common", "application"];
/** The schema module of each asset kind (the organisation kinds load the organisation's schemas). */
const OWN_SCHEMAS: Record<string, string[]> = {
  ConfigMapAsset: ["configmap"],
  EnvironmentAsset: ["environment", "environment-enums"],
  NfsAsset: ["nfs"],
  HostPathAsset: ["host-path"],
  ComputeAsset: ["compute"],
  PvcAsset: ["pvc"],
  S3Asset: ["s3"],
  GitAsset: ["git"],
  SecretVolumeAsset: ["secret-volume"],
  AccessKeyCredential: ["credentials", "secret-fields"],
  PasswordCredential: ["credentials", "secret-fields"],
  DockerRegistryCredential: ["credentials", "secret-fields"],
  GenericSecretCredential: ["credentials", "secret-fields"],
};

/** The built provider, as the dynamic-provider host loads it (a fresh process), set up for one type. */
async function schemaModulesLoadedFor(type: string): Promise<string[]> {
  const script = `
    const entry = require.resolve(${JSON.stringify(path.join(repoRoot, "dist/provider"))});
    require(entry).installProvider({ type: ${JSON.stringify(type)} });
    const schemas = path.join(path.dirname(path.dirname(entry)), "schemas");
    console.log(JSON.stringify(Object.keys(require.cache).filter((f) => path.dirname(f) === schemas).map((f) => path.basename(f, ".js"))));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", `const path = require("node:path");${script}`], { cwd: repoRoot });
  return (JSON.parse(stdout) as string[]).sort();
}

describe("the provider loaded for one kind", () => {
  const assetTypes = RESOURCE_TYPES.filter((type) => type in OWN_SCHEMAS);

  it("covers every asset and credential kind of the registry", () => {
    expect(RESOURCE_TYPES.filter((type) => type.endsWith("Asset") || type.endsWith("Credential"))).toEqual(assetTypes);
  });

  it.each(assetTypes)("%s builds its own schemas and no other kind's", async (type) => {
    expect(await schemaModulesLoadedFor(type)).toEqual([...SHARED_SCHEMAS, ...OWN_SCHEMAS[type]].sort());
  });

  it("the organisation kinds build the schemas they use", async () => {
    expect(await schemaModulesLoadedFor("Project")).toEqual(expect.arrayContaining(["org-unit"]));
    expect(await schemaModulesLoadedFor("Project")).not.toContain("environment");
  });
});
