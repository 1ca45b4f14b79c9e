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
    const config: Record<string, string> = {
      "runai:url": admin.url,
      "runai:clientId": admin.emulator.adminClientId,
      "runai:clientSecret": admin.emulator.adminClientSecret,
    };
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
