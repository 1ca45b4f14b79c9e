// Bad inputs of the asset family's newer kinds through a real `pulumi preview`: the engine stops at
// the first resource whose check fails, so each kind gets one preview of its case with the most
// problems. Every reason is reported, exactly as check gives it (the unit tests hold the whole
// table), and nothing is written. Then two node pools with one name in one cluster, refused the same way,
// and the settings whose check asks the tenant: an unknown key, a value of the wrong type, and
// autoRedirectSSO turned on while the tenant has no identity provider.
import * as path from "node:path";
import { BAD_INPUTS } from "../fixtures/bad-inputs";
import type { EmulatorHarness } from "../support/emulator";
import { startEmulatorStack, stopEmulatorStack } from "../support/emulator-stack";
import type { TestStack } from "../support/pulumi-stack";
import { reportedProblems, reportedProblemsOf } from "../support/preview-problems";

const program = path.join(__dirname, "programs/lifecycle");

/** Per kind, the bad input with the most reasons. */
const worstPerKind = [...new Map(BAD_INPUTS.map((c) => [c[1], c] as const)).keys()].map(
  (type) => BAD_INPUTS.filter((c) => c[1] === type).sort((a, b) => b[3].length - a[3].length)[0],
);

let emulator: EmulatorHarness;
let stack: TestStack;
/** A preview of the program declaring `resources`, set by the preview itself (no `config set` process first). */
const previewOf = (resources: Record<string, { type: string; args: Record<string, unknown> }>) =>
  stack.preview({ extra: ["--config", `lifecycle:resources=${JSON.stringify(resources)}`] }, { allowFailure: true });

beforeAll(async () => {
  ({ emulator, stack } = await startEmulatorStack(program));
});
afterAll(() => stopEmulatorStack({ emulator, stack }));

it.each(worstPerKind)("%s (%s): every reason at preview, nothing written", async (_case, type, args, reasons) => {
  const preview = await previewOf({ bad: { type, args } });
  expect(preview.code).not.toBe(0);
  expect(reportedProblems(preview, `pulumi-nodejs:dynamic/runai:${type}`, "bad")).toEqual(reasons);
  expect(await emulator.writeCount()).toBe(0);
});

it("two NodePools with one name in one cluster: the second is refused at preview naming the first, nothing written", async () => {
  const pool = { name: "gpu-twice", clusterId: "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31", labelKey: "pool", labelValue: "gpu" };
  const preview = await previewOf({ "pool-a": { type: "NodePool", args: pool }, "pool-b": { type: "NodePool", args: pool } });
  expect(preview.code).not.toBe(0);
  const reported = reportedProblemsOf(preview, "pulumi-nodejs:dynamic/runai:NodePool", ["pool-a", "pool-b"]).map(
    ({ resource, reason }) => `${resource}: ${reason}`,
  );
  // Whichever of the two the engine checks second is refused, naming the other.
  const refused = reported[0]?.startsWith("pool-a") ? "pool-a" : "pool-b";
  const other = refused === "pool-a" ? "pool-b" : "pool-a";
  expect(reported).toEqual([
    `${refused}: name: "gpu-twice" is also declared by resource "${other}" (a node pool's name is unique in its cluster)`,
  ]);
  expect(await emulator.writeCount()).toBe(0);
});

/** The reasons a preview of `resources` reports, per resource and type. */
async function previewReasons(resources: Record<string, { type: string; args: Record<string, unknown> }>): Promise<string[]> {
  const preview = await previewOf(resources);
  expect(preview.code).not.toBe(0);
  const pattern = /^\s*error: pulumi-nodejs:dynamic\/runai:(\w+) resource '([\w-]+)' has a problem: (.*)$/gm;
  return [
    ...new Set([...`${preview.stdout}\n${preview.stderr}`.matchAll(pattern)].map(([, type, name, reason]) => `${type} ${name}: ${reason}`)),
  ];
}

const TENANT_KEYS = '"department.use", "overQuota.use", "workloadTemplates.use", "gpuIdleTimeout.minutes", "login.banner"';

it.each([
  [
    "a tenant setting the tenant does not have",
    { type: "TenantSetting", args: { key: "departments.use", value: true } },
    `TenantSetting bad: key: "departments.use" is not a setting of this tenant (its keys: ${TENANT_KEYS})`,
  ],
  [
    "a tenant setting's value of the wrong type",
    { type: "TenantSetting", args: { key: "gpuIdleTimeout.minutes", value: "two hours" } },
    'TenantSetting bad: value: must be a number for the key "gpuIdleTimeout.minutes" (its type is Number), got "two hours"',
  ],
  [
    "autoRedirectSSO on while the tenant has no identity provider",
    { type: "SecuritySetting", args: { key: "autoRedirectSSO", value: { enabled: true, idpAlias: "corp-oidc" } } },
    "SecuritySetting bad: value.enabled: cannot turn autoRedirectSSO on: the tenant has no identity provider, so every login would be redirected to a single sign-on that does not exist (add an identity provider first)",
  ],
])("%s: refused at preview with the tenant's answer, nothing written", async (_case, resource, reason) => {
  expect(await previewReasons({ bad: resource })).toEqual([reason]);
  expect(await emulator.writeCount()).toBe(0);
});

it("two TenantSettings for one key: the second is refused at preview naming the first, nothing written", async () => {
  const banner = (value: string) => ({ type: "TenantSetting", args: { key: "login.banner", value } });
  const reported = await previewReasons({ "banner-a": banner("a"), "banner-b": banner("b") });
  const refused = reported[0]?.includes("banner-a:") ? "banner-a" : "banner-b";
  const other = refused === "banner-a" ? "banner-b" : "banner-a";
  expect(reported).toEqual([
    `TenantSetting ${refused}: key: "login.banner" is also declared by resource "${other}" (a tenant setting has one value: one resource per key)`,
  ]);
  expect(await emulator.writeCount()).toBe(0);
});
