// Names resolved against the control plane (the emulator): at check time, a project's or
// department's node pools and department and an access rule's role; and the look-ups. Each name that
// does not exist fails with an exact message naming what was searched and what exists, and writes
// nothing.
import * as pulumi from "@pulumi/pulumi";
import { clearTokenCache } from "../../src/client";
import { getCluster } from "../../src/resources/lookups";
import { createContext, findCluster, findDepartment, findNodePool, findProject, findRole, providerFor } from "../../src/provider";
import { lookupNamed, runLookup } from "../../src/provider/lookups";
import type { LookupArgs } from "../../src/provider/lookups";
import { caught } from "../support/async";
import { EmulatorHarness } from "../support/emulator";

const CLUSTER = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
type Json = Record<string, any>;

let emulator: EmulatorHarness;
let config: Record<string, string>;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  config = emulator.adminSettings();
});
afterAll(() => emulator?.stop());
afterEach(() => clearTokenCache());

async function check(type: string, news: Json): Promise<{ inputs: Json; reasons: string[] }> {
  const provider = providerFor(type) as Required<ReturnType<typeof providerFor>>;
  await provider.configure({ config: { get: (key: string) => config[key] } } as never);
  const result = (await provider.check({}, news)) as { inputs: Json; failures: { reason: string }[] };
  return { inputs: result.inputs, reasons: result.failures.map((f) => f.reason) };
}
const client = () => createContext({ get: (key: string) => config[key] }).client;
const POOLS = 'node pools there: "default", "a100"';

describe("names resolved at check time", () => {
  it("fills in node pool ids and names, and a role's id", async () => {
    const project = await check("Project", {
      name: "team-x",
      clusterId: CLUSTER,
      departmentId: "101",
      resources: [{ nodePool: { name: "a100" }, gpu: { deserved: 1 } }],
    });
    expect(project).toEqual({
      inputs: expect.objectContaining({ resources: [{ nodePool: { id: "2", name: "a100" }, gpu: { deserved: 1 } }] }),
      reasons: [],
    });
    const rule = await check("AccessRule", {
      subjectType: "user",
      subjectId: "a@example.com",
      role: "ML engineer",
      scopeType: "project",
      scopeId: "1001",
    });
    expect(rule).toEqual({ inputs: expect.objectContaining({ roleId: 7, role: "ML engineer" }), reasons: [] });
  });

  it.each<[string, string, Json, string[]]>([
    [
      "a node pool name",
      "Project",
      { resources: [{ nodePool: { name: "h100" }, gpu: { deserved: 1 } }] },
      [`resources[0].nodePool.name: no node pool is named "h100" in cluster ${CLUSTER} (${POOLS})`],
    ],
    [
      "a node pool id",
      "Department",
      { resources: [{ nodePool: { id: "9" }, gpu: { deserved: 1 } }] },
      [`resources[0].nodePool.id: no node pool has id "9" in cluster ${CLUSTER} (${POOLS})`],
    ],
    [
      "a node pool's id and a name that disagree",
      "Project",
      { resources: [{ nodePool: { id: "2", name: "v100" }, gpu: { deserved: 1 } }] },
      ['resources[0].nodePool.name: node pool 2 is named "a100", not "v100"'],
    ],
    [
      "a default node pool",
      "Department",
      { defaultNodePools: ["a100", "h100"] },
      [`defaultNodePools[1]: no node pool is named "h100" in cluster ${CLUSTER} (${POOLS})`],
    ],
    [
      "a department",
      "Project",
      { departmentId: "999" },
      ['departmentId: no department has id "999" in Run:ai; getDepartment({ name, clusterId }) gives a department\'s id by its name'],
    ],
  ])("reports %s that does not exist", async (_case, type, extra, reasons) => {
    const base = type === "Project" ? { name: "team-x", clusterId: CLUSTER, departmentId: "101" } : { name: "dept-x", clusterId: CLUSTER };
    expect((await check(type, { ...base, ...extra })).reasons).toEqual(reasons);
  });

  it("reports a role name or id that does not exist, with the roles there are", async () => {
    const rule = { subjectType: "user", subjectId: "a@example.com", scopeType: "project", scopeId: "1001" };
    const byName = await check("AccessRule", { ...rule, role: "ML enginer" });
    expect(byName.reasons).toEqual([
      expect.stringMatching(/^role: no role is named "ML enginer"; roles: "System administrator", .*"ML engineer", "Viewer"/),
    ]);
    expect((await check("AccessRule", { ...rule, roleId: 99 })).reasons).toEqual(["roleId: no role has id 99"]);
  });

  it("wrote nothing", async () => {
    expect(await emulator.writeCount()).toBe(0);
  });
});

describe("look-ups", () => {
  it("find exactly one by name", async () => {
    expect(await findCluster(client(), { name: "research-cluster" })).toMatchObject({ id: CLUSTER, uuid: CLUSTER });
    expect(await findDepartment(client(), { name: "research", clusterId: CLUSTER })).toMatchObject({ id: "101" });
    expect(await findProject(client(), { name: "team-b", clusterId: CLUSTER })).toMatchObject({
      id: "1002",
      status: { namespace: "runai-team-b" },
    });
    expect(await findNodePool(client(), { name: "default", clusterId: CLUSTER })).toMatchObject({ id: "1", isDefault: true });
    expect(await findRole(client(), { name: "ML engineer" })).toMatchObject({ id: 7 });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    [
      "a cluster",
      () => findCluster(client(), { name: "production" }),
      'getCluster: no cluster is named "production"; there: "research-cluster"',
    ],
    [
      "a department",
      () => findDepartment(client(), { name: "ops", clusterId: CLUSTER }),
      `getDepartment: no department is named "ops" in cluster ${CLUSTER}; there: "research", "platform"`,
    ],
    [
      "a project",
      () => findProject(client(), { name: "team-z", clusterId: CLUSTER }),
      `getProject: no project is named "team-z" in cluster ${CLUSTER}; there: "team-a", "team-b", "team-c"`,
    ],
    [
      "a node pool",
      () => findNodePool(client(), { name: "h100", clusterId: CLUSTER }),
      `getNodePool: no node pool is named "h100" in cluster ${CLUSTER}; there: "default", "a100"`,
    ],
    ["an empty name", () => findRole(client(), { name: "" }), "getRole: name is required"],
  ])("fail for %s that does not exist, naming what does", async (_case, lookup, message) => {
    expect(((await caught(lookup())) as Error).message).toBe(message);
  });

  // Through runLookup, as the TypeScript look-ups and the plugin's invokes run them.
  const list = (name: string, args: object) => runLookup(lookupNamed(name)!, client(), args as LookupArgs);

  it("list every department, project or node pool of the cluster, or a department's projects", async () => {
    const names = (answer: Record<string, unknown>, key: string) => (answer[key] as { name: string }[]).map((entry) => entry.name);
    expect(names(await list("getDepartments", { clusterId: CLUSTER }), "departments")).toEqual(["research", "platform"]);
    expect(names(await list("getProjects", { clusterId: CLUSTER }), "projects")).toEqual(["team-a", "team-b", "team-c"]);
    const platform = await list("getProjects", { clusterId: CLUSTER, departmentId: "102" });
    expect(platform.projects).toEqual([expect.objectContaining({ id: "1003", name: "team-c", parentId: "102" })]);
    expect(names(await list("getNodePools", { clusterId: CLUSTER }), "nodePools")).toEqual(["default", "a100"]);
  });

  it("list nothing of a cluster that does not exist, and ask for a cluster", async () => {
    expect(await list("getProjects", { clusterId: "00000000-0000-4000-8000-000000000000" })).toEqual({ projects: [] });
    expect(((await caught(list("getNodePools", {}))) as Error).message).toBe("getNodePools: clusterId is required");
  });

  it("fail in a program as a pulumi.RunError, which the CLI prints as its message alone", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      RUNAI_URL: emulator.url,
      RUNAI_CLIENT_ID: emulator.emulator.adminClientId,
      RUNAI_CLIENT_SECRET: emulator.emulator.adminClientSecret,
    });
    try {
      const error = await caught(getCluster({ name: "production" }));
      expect(pulumi.RunError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe('getCluster: no cluster is named "production"; there: "research-cluster"');
      // No frames: the SDK formats the error whole in color, and Node 20 loops on some SDK frames.
      expect((error as Error).stack).toBe('Error: getCluster: no cluster is named "production"; there: "research-cluster"');
      expect(await getCluster({ name: "research-cluster" })).toMatchObject({ id: CLUSTER });
    } finally {
      process.env = saved;
    }
  });
});

describe("a project's namespace", () => {
  it("is waited for, is an output, and a NotReady phase fails the write with the phase message", async () => {
    const provider = providerFor("Project") as Required<ReturnType<typeof providerFor>>;
    await provider.configure({ config: { get: (key: string) => config[key] } } as never);
    const inputs = {
      name: "team-nr",
      clusterId: CLUSTER,
      departmentId: "101",
      resources: [{ nodePool: { id: "1", name: "default" }, gpu: { deserved: 1 } }],
    };
    const { id, outs } = await provider.create(inputs);
    expect(outs).toMatchObject({ phase: "Ready", namespace: "runai-team-nr", departmentId: "101" });

    await emulator.forceProjectPhase(id, { phase: "NotReady", message: "the namespace runai-team-nr is stuck terminating" });
    const more = { ...inputs, resources: [{ ...inputs.resources[0], gpu: { deserved: 2 } }] };
    const error = (await caught(provider.update(id, outs, more))) as Error;
    expect(error.message).toBe(
      `Project "team-nr" (${id}): the cluster reported "NotReady": the namespace runai-team-nr is stuck terminating`,
    );
    await emulator.clearProjectPhase(id);
    await provider.delete(id, outs);
    expect((await emulator.api("GET", `/api/v1/org-unit/projects/${id}`)).status).toBe(404);
  });
});
