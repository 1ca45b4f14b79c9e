// Two resources of one program that would own the same Run:ai object fail the second one's check,
// naming the field, the other resource and the rule; the same resource checked again, or one whose
// key is still unknown, claims nothing new. Both hosts: the dynamic classes' hidden input, taken out
// of the checked inputs, and the plugin's URN.
import { clearTokenCache } from "../../src/client";
import { PluginConfig } from "../../src/plugin/configuration";
import { RunaiPluginProvider } from "../../src/plugin/provider";
import { providerFor } from "../../src/provider";
import { UniqueClaims } from "../../src/provider/unique-claims";
import { UNKNOWN } from "../../src/provider/validation";
import { dynamicClassInputs } from "../../src/resources/common";
import { EmulatorHarness } from "../support/emulator";

const CLUSTER_ID = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
const POOL_RULE = "a node pool's name is unique in its cluster";
type Json = Record<string, unknown>;

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
});
afterAll(async () => {
  clearTokenCache();
  await emulator?.stop();
});

/** What the engine hands the dynamic provider's check for a resource class: its inputs as JSON. */
const declared = (type: string, name: string, args: Json): Json => JSON.parse(JSON.stringify(dynamicClassInputs(type, name, args)));

describe("dynamic host: the classes' hidden input", () => {
  const pools = providerFor("NodePool") as Required<ReturnType<typeof providerFor>>;
  const apps = providerFor("Application") as Required<ReturnType<typeof providerFor>>;
  const departments = providerFor("Department") as Required<ReturnType<typeof providerFor>>;
  const check = (provider: typeof pools, type: string, name: string, args: Json) => provider.check({}, declared(type, name, args));

  beforeAll(async () => {
    const config = emulator.adminSettings();
    for (const p of [pools, apps, departments]) await p.configure({ config: { get: (key: string) => config[key] } } as never);
  });

  it("refuses a second node pool with the same name in the cluster, naming the first; the first checked again passes", async () => {
    const first = await check(pools, "NodePool", "pool-a", { name: "gpu-a", clusterId: CLUSTER_ID });
    expect(first.failures).toEqual([]);
    // The hidden input never reaches what the engine stores, diffs or creates from.
    expect(first.inputs).toEqual({ name: "gpu-a", clusterId: CLUSTER_ID });

    const second = await check(pools, "NodePool", "pool-b", { name: "gpu-a", clusterId: CLUSTER_ID, labelKey: "k" });
    expect(second.failures).toEqual([
      { property: "", reason: "labelValue: is required with labelKey (the node label is labelKey=labelValue: give both)" },
      { property: "", reason: `name: "gpu-a" is also declared by resource "pool-a" (${POOL_RULE})` },
    ]);
    expect(second.inputs).not.toHaveProperty("__declaredBy");

    expect((await check(pools, "NodePool", "pool-a", { name: "gpu-a", clusterId: CLUSTER_ID })).failures).toEqual([]);
    expect((await check(pools, "NodePool", "pool-c", { name: "gpu-c", clusterId: CLUSTER_ID })).failures).toEqual([]);
  });

  it("claims nothing while a part of the key is unknown (a preview)", async () => {
    expect((await check(pools, "NodePool", "pool-u", { name: "gpu-u", clusterId: UNKNOWN })).failures).toEqual([]);
    expect((await check(pools, "NodePool", "pool-v", { name: "gpu-u", clusterId: CLUSTER_ID })).failures).toEqual([]);
  });

  it("claims nothing for a check that says no resource (an older caller)", async () => {
    expect((await pools.check({}, { name: "gpu-a", clusterId: CLUSTER_ID })).failures).toEqual([]);
  });

  it("applies to applications (unique in the tenant) and departments (unique in their cluster), each kind on its own", async () => {
    expect((await check(apps, "Application", "ci", { name: "gpu-a" })).failures).toEqual([]);
    expect((await check(apps, "Application", "ci-copy", { name: "gpu-a" })).failures).toEqual([
      { property: "", reason: 'name: "gpu-a" is also declared by resource "ci" (an application\'s name is unique in the tenant)' },
    ]);
    const quota = { resources: [{ nodePool: { name: "default" }, gpu: { deserved: 1 } }] };
    expect((await check(departments, "Department", "research", { name: "research", clusterId: CLUSTER_ID, ...quota })).failures).toEqual(
      [],
    );
    expect((await check(departments, "Department", "research-2", { name: "research", clusterId: CLUSTER_ID, ...quota })).failures).toEqual([
      { property: "", reason: `name: "research" is also declared by resource "research" (a department's name is unique in its cluster)` },
    ]);
  });

  it("applies to workload policies: one per type and scope, the tenant's too", async () => {
    const policies = providerFor("WorkloadPolicy") as Required<ReturnType<typeof providerFor>>;
    const config = emulator.adminSettings();
    await policies.configure({ config: { get: (key: string) => config[key] } } as never);
    const policy = (scope: string, scopeId?: string) => ({ type: "trainings", scope, ...(scopeId ? { scopeId } : {}) });
    expect((await check(policies, "WorkloadPolicy", "research", policy("department", "101"))).failures).toEqual([]);
    expect((await check(policies, "WorkloadPolicy", "research-again", policy("department", "101"))).failures).toEqual([
      { property: "", reason: 'type: "trainings" is also declared by resource "research" (department 101 has one policy of each type)' },
    ]);
    // Another scope, or another type in the same scope, is another policy.
    expect((await check(policies, "WorkloadPolicy", "platform", policy("department", "102"))).failures).toEqual([]);
    expect(
      (await check(policies, "WorkloadPolicy", "research-ws", { ...policy("department", "101"), type: "workspaces" })).failures,
    ).toEqual([]);
    expect((await check(policies, "WorkloadPolicy", "tenant", policy("tenant"))).failures).toEqual([]);
    expect((await check(policies, "WorkloadPolicy", "tenant-again", policy("tenant"))).failures).toEqual([
      { property: "", reason: 'type: "trainings" is also declared by resource "tenant" (the tenant has one policy of each type)' },
    ]);
  });

  it("starts afresh when the provider is configured (a new deployment's provider)", async () => {
    const config = emulator.adminSettings();
    await pools.configure({ config: { get: (key: string) => config[key] } } as never);
    expect((await check(pools, "NodePool", "pool-b", { name: "gpu-a", clusterId: CLUSTER_ID })).failures).toEqual([]);
  });
});

describe("plugin host: the URN", () => {
  const urn = (name: string) => `urn:pulumi:test::project::runai:index:NodePool::${name}`;
  let provider: RunaiPluginProvider;
  beforeAll(() => {
    const config = PluginConfig.fromConfigure(
      { url: emulator.url, clientId: emulator.emulator.adminClientId, clientSecret: emulator.emulator.adminClientSecret },
      new Map(),
    );
    provider = new RunaiPluginProvider(
      "9.9.9",
      () => config,
      async () => "{}",
    );
  });

  it("refuses a second node pool with the same name in the cluster; the same URN checked again passes", async () => {
    const first = await provider.check(urn("plugin-a"), {}, { name: "gpu-p", clusterId: CLUSTER_ID });
    expect(first).toEqual({ inputs: { name: "gpu-p", clusterId: CLUSTER_ID }, failures: [] });
    expect((await provider.check(urn("plugin-b"), {}, { name: "gpu-p", clusterId: CLUSTER_ID })).failures).toEqual([
      { property: "", reason: `name: "gpu-p" is also declared by resource "plugin-a" (${POOL_RULE})` },
    ]);
    expect((await provider.check(urn("plugin-a"), {}, { name: "gpu-p", clusterId: CLUSTER_ID })).failures).toEqual([]);
  });

  it("defaults the name to the resource's before claiming it", async () => {
    expect((await provider.check(urn("gpu-q"), {}, { clusterId: CLUSTER_ID })).failures).toEqual([]);
    expect((await provider.check(urn("other"), {}, { name: "gpu-q", clusterId: CLUSTER_ID })).failures).toEqual([
      { property: "", reason: `name: "gpu-q" is also declared by resource "gpu-q" (${POOL_RULE})` },
    ]);
  });
});

describe("UniqueClaims", () => {
  it("gives up a resource's old key when its key changes or becomes unknown", () => {
    const claims = new UniqueClaims();
    const a = { id: "a", name: "a" };
    const b = { id: "b", name: "b" };
    expect(claims.claim("k1", a)).toBeUndefined();
    expect(claims.claim("k1", b)).toEqual(a);
    expect(claims.claim("k2", a)).toBeUndefined();
    expect(claims.claim("k1", b)).toBeUndefined();
    expect(claims.claim(undefined, b)).toBeUndefined();
    expect(claims.claim("k1", a)).toBeUndefined();
  });
});
