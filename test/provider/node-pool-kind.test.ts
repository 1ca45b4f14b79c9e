// The NodePool kind: check messages and diff rules, then its provider called directly against the
// real emulator: phases waited for, labels changed in place, the default node pool adopted and kept.
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor } from "../../src/provider/registry";
import { EmulatorHarness } from "../support/emulator";

const provider = providerFor("NodePool") as Required<ReturnType<typeof providerFor>>;
const departments = providerFor("Department") as Required<ReturnType<typeof providerFor>>;
const nodePool = kindFor("NodePool");
const CLUSTER_ID = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
const LABEL_RULE = "the node label is labelKey=labelValue: give both";

describe("NodePool check", () => {
  it("lists every problem at once: a label value without key, a clusterId that is no UUID, a strategy outside its enum", () => {
    expect(
      checkInputs(nodePool, { name: "h100", clusterId: "gpu-east", labelValue: "h100", placementStrategy: { gpu: "pack" } }).failures,
    ).toEqual([
      { property: "", reason: "clusterId: must be a UUID" },
      { property: "", reason: 'placementStrategy.gpu: must be one of "spread", "binpack"' },
      { property: "", reason: `labelKey: is required with labelValue (${LABEL_RULE})` },
    ]);
    expect(checkInputs(nodePool, { name: "h100", clusterId: CLUSTER_ID, labelKey: "gpu", overProvisioningRatio: 6 }).failures).toEqual([
      { property: "", reason: "overProvisioningRatio: must be at most 5" },
      { property: "", reason: `labelValue: is required with labelKey (${LABEL_RULE})` },
    ]);
  });

  it("changes labels and settings in place, and replaces for a new name or cluster", () => {
    const state = { name: "h100", clusterId: CLUSTER_ID, labelKey: "gpu", labelValue: "h100", overProvisioningRatio: 1, phase: "Empty" };
    const same = { name: "h100", clusterId: CLUSTER_ID, labelKey: "gpu", labelValue: "h100" };
    expect(diffInputs(nodePool, state, same).changes).toBe(false);
    expect(diffInputs(nodePool, state, { ...same, labelValue: "h200" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffInputs(nodePool, state, { ...same, placementStrategy: { gpu: "spread" } }).replaces).toEqual([]);
    expect(diffInputs(nodePool, state, { ...same, name: "h200" }).replaces).toEqual(["name"]);
  });
});

describe("NodePool CRUD against the emulator", () => {
  let admin: EmulatorHarness;

  beforeAll(async () => {
    admin = await EmulatorHarness.start({ checkContract: true });
    const config = admin.adminSettings();
    for (const p of [provider, departments]) await p.configure({ config: { get: (key: string) => config[key] } } as never);
  });
  afterAll(async () => {
    clearTokenCache();
    await admin?.stop();
  });

  const checked = async (p: typeof provider, news: Record<string, unknown>) => {
    const { inputs, failures } = await p.check({}, news);
    expect(failures).toEqual([]);
    return inputs as Record<string, unknown>;
  };

  it("reports a clusterId that names no cluster at check", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const { failures } = await provider.check({}, { name: "x", clusterId: missing, labelKey: "k", labelValue: "v" });
    expect((failures ?? []).map((f) => f.reason)).toEqual([expect.stringContaining(`clusterId: no cluster has id "${missing}"`)]);
  });

  it("creates a node pool, waiting until it leaves Creating; changes its label in place; deletes it, waiting until it is gone", async () => {
    const { id, outs } = await provider.create(
      await checked(provider, { name: "crud-pool", clusterId: CLUSTER_ID, labelKey: "gpu", labelValue: "h100" }),
    );
    expect(outs).toMatchObject({ name: "crud-pool", labelKey: "gpu", labelValue: "h100", isDefault: false, phase: "Empty", nodes: [] });
    const news = await checked(provider, { name: "crud-pool", clusterId: CLUSTER_ID, labelKey: "gpu", labelValue: "h200" });
    const { outs: updated } = await provider.update(id, outs, news);
    expect(updated).toMatchObject({ labelValue: "h200", phase: "Empty" });
    expect((await admin.api("GET", `/api/v1/node-pools/${id}`)).body.labelValue).toBe("h200");
    await provider.delete(id, updated);
    expect((await admin.api("GET", `/api/v1/node-pools/${id}`)).status).toBe(404);
  });

  it("lets a department name a new node pool by name, and refuses to delete a node pool its quota uses", async () => {
    const pool = await provider.create(
      await checked(provider, { name: "quota-pool", clusterId: CLUSTER_ID, labelKey: "gpu", labelValue: "a10" }),
    );
    const unit = await checked(departments, {
      name: "pool-users",
      clusterId: CLUSTER_ID,
      resources: [{ nodePool: { name: "quota-pool" }, gpu: { deserved: 2 } }],
    });
    expect(unit.resources).toEqual([{ nodePool: { id: pool.id, name: "quota-pool" }, gpu: { deserved: 2 } }]);
    const department = await departments.create(unit);
    await expect(provider.delete(pool.id, pool.outs)).rejects.toThrow('node pool "quota-pool" is still used by the quotas of "pool-users"');
    await departments.delete(department.id, department.outs);
    await provider.delete(pool.id, pool.outs);
  });

  it("moves a department's quota to a replacement node pool: the old pool's entry is dropped, then the old pool can be deleted", async () => {
    const make = async (name: string) =>
      provider.create(await checked(provider, { name, clusterId: CLUSTER_ID, labelKey: "gpu", labelValue: name }));
    const [old, replacement] = [await make("old-pool"), await make("new-pool")];
    const unit = await departments.create(
      await checked(departments, {
        name: "movers",
        clusterId: CLUSTER_ID,
        resources: [{ nodePool: { name: "old-pool" }, gpu: { deserved: 2 } }],
      }),
    );
    expect(unit.outs.managedNodePoolIds).toEqual([old.id]);
    // A quota someone else gave the default node pool: the program never listed it, so it stays.
    const held = (await admin.api("GET", `/api/v1/org-unit/departments/${unit.id}`)).body;
    const others = [{ nodePool: { id: "1" }, gpu: { deserved: 1 } }, ...held.resources];
    expect((await admin.api("PUT", `/api/v1/org-unit/departments/${unit.id}`, { ...held, resources: others })).status).toBe(200);
    const refreshed = await departments.read(unit.id, unit.outs);
    expect(refreshed.props?.managedNodePoolIds).toEqual([old.id]);

    const moved = await checked(departments, {
      name: "movers",
      clusterId: CLUSTER_ID,
      resources: [{ nodePool: { name: "new-pool" }, gpu: { deserved: 2 } }],
    });
    await expect(departments.diff(unit.id, refreshed.props!, moved)).resolves.toMatchObject({ changes: true, replaces: [] });
    const { outs } = await departments.update(unit.id, refreshed.props!, moved);
    expect(outs?.managedNodePoolIds).toEqual([replacement.id]);
    const pools = (await admin.api("GET", `/api/v1/org-unit/departments/${unit.id}`)).body.resources.map(
      (r: { nodePool: { id: string } }) => r.nodePool.id,
    );
    expect(pools.sort()).toEqual(["1", replacement.id].sort());
    await provider.delete(old.id, old.outs);
    expect((await admin.api("GET", `/api/v1/node-pools/${old.id}`)).status).toBe(404);

    // Dropping a listed pool alone is a change too: its entry goes, the default pool's stays.
    const none = await checked(departments, { name: "movers", clusterId: CLUSTER_ID, resources: [] });
    expect(await departments.diff(unit.id, outs!, none)).toMatchObject({ changes: true });
    const emptied = await departments.update(unit.id, outs!, none);
    expect(emptied.outs?.managedNodePoolIds).toEqual([]);
    expect(
      (await admin.api("GET", `/api/v1/org-unit/departments/${unit.id}`)).body.resources.map(
        (r: { nodePool: { id: string } }) => r.nodePool.id,
      ),
    ).toEqual(["1"]);
    await departments.delete(unit.id, emptied.outs!);
    await provider.delete(replacement.id, replacement.outs);
  });

  it("takes the default node pool over only with adoptExisting, and leaves it in place when the resource is deleted", async () => {
    const inputs = await checked(provider, { name: "default", clusterId: CLUSTER_ID, placementStrategy: { gpu: "spread" } });
    await expect(provider.create(inputs)).rejects.toThrow(`Node pool "default" already exists in cluster ${CLUSTER_ID} (id 1,`);
    const { id, outs } = await provider.create({ ...inputs, adoptExisting: true });
    expect(id).toBe("1");
    expect(outs).toMatchObject({ isDefault: true, labelKey: "run.ai/node-pool", placementStrategy: { gpu: "spread" } });
    await provider.delete(id, outs);
    expect((await admin.api("GET", "/api/v1/node-pools/1")).status).toBe(200);
  });
});
