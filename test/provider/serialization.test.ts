import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider";

const repoRoot = path.resolve(__dirname, "../..");
// Every kind in the registry: a new kind is checked here without an edit.
const TYPES = [...RESOURCE_TYPES];
// Written twice per resource (inputs and outputs) into a checkpoint the engine rewrites after every
// step: the shim used to be 1.7 KB, and was most of a ConfigMap asset's state.
const BUDGET_BYTES = 1024;

// The module the dynamic-provider host itself uses to load `__provider` (a dependency of @pulumi/pulumi).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString = require("require-from-string") as (code: string) => unknown;

type Serialized = Record<string, { text: string; containsSecrets: boolean; again: string }>;

// Serialized (and the package loaded) in a child process: see serialize-providers.ts.
let serialized: Serialized;
let exportedClasses: string[];
beforeAll(() => {
  const out = execFileSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(__dirname, "../support/serialize-providers.ts"), ...TYPES],
    {
      cwd: repoRoot,
      encoding: "utf8",
      // Credentials in the environment must not find their way into the text.
      env: { ...process.env, RUNAI_URL: "https://tenant.example.run.ai", RUNAI_CLIENT_SECRET: "s3cr3t-value-123" },
    },
  );
  ({ providers: serialized, exportedClasses } = JSON.parse(out) as { providers: Serialized; exportedClasses: string[] });
}, 60_000);

describe("the provider serialized into every resource's __provider", () => {
  it.each(TYPES)("%s stays within the 1 KB budget", (type) => {
    expect(Buffer.byteLength(serialized[type].text)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it.each(TYPES)("%s holds no URL, token or secret, and is not marked secret", (type) => {
    const { text, containsSecrets } = serialized[type];
    expect(containsSecrets).toBe(false);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toContain("tenant.example");
    expect(text).not.toContain("s3cr3t-value-123");
    expect(text).not.toMatch(/Bearer|clientSecret|accessToken/);
  });

  it.each(TYPES)("%s is the same text for every resource of the type", (type) => {
    expect(serialized[type].again).toBe(serialized[type].text);
  });

  it("differs between types only by the type name", () => {
    const normalise = (type: string) => serialized[type].text.split(JSON.stringify(type)).join('"<type>"');
    expect(normalise("EnvironmentAsset")).toBe(normalise("ConfigMapAsset"));
    expect(normalise("Application")).toBe(normalise("ConfigMapAsset"));
  });

  it("loads the implementation at call time, the way the dynamic-provider host does", async () => {
    type Loaded = { configure(req: unknown): Promise<void>; check(o: unknown, n: unknown): Promise<unknown> };
    const provider = (requireFromString(serialized.ConfigMapAsset.text) as { handler(): Loaded }).handler();
    // The host's getProvider: configure first (with the stack config), then the operations.
    await provider.configure({ config: { get: () => undefined } });
    const result = await provider.check({}, { meta: { scope: "project" }, spec: { configMap: "c", mountPath: "/m" } });
    expect(result).toEqual({
      inputs: { meta: { scope: "project" }, spec: { configMap: "c", mountPath: "/m" } },
      // The settings come first: without runai:url nothing can be checked against Run:ai.
      failures: [
        {
          property: "",
          reason:
            "missing Run:ai URL: set it with `pulumi config set runai:url https://<tenant>.run.ai` or the RUNAI_URL environment variable",
        },
        { property: "", reason: "meta.name: is required" },
        { property: "", reason: 'meta.projectId: required when meta.scope is "project"' },
      ],
    });
  });
});

describe("shims serialized by earlier versions (in the state of existing stacks)", () => {
  it("the 0.1 shim still loads this version's implementation, so refresh and destroy keep working", async () => {
    // Its text as `pulumi.dynamic.Resource` wrote it, with the repository as its fallback path (no
    // `pulumi-runai` is installed here); it calls `providerFor` of `pulumi-runai/provider`.
    const text = fs
      .readFileSync(path.join(repoRoot, "test/fixtures/provider-shim-0.1.txt"), "utf8")
      .replace('__provider.fallbackPath = "";', `__provider.fallbackPath = ${JSON.stringify(repoRoot)};`);
    type Loaded = { configure(req: unknown): Promise<void>; check(o: unknown, n: unknown): Promise<{ failures: unknown[] }> };
    const provider = (requireFromString(text) as { handler(): Loaded }).handler();
    await provider.configure({ config: { get: () => undefined } });
    const result = await provider.check({}, { meta: { scope: "project" }, spec: { configMap: "c", mountPath: "/m" } });
    expect(result.failures).toContainEqual({ property: "", reason: "meta.name: is required" });
  });
});

describe("the kind registry and the package's exports", () => {
  it("export a resource class for every registered kind, and register every exported resource class", () => {
    expect([...exportedClasses].sort()).toEqual([...RESOURCE_TYPES].sort());
  });
});
