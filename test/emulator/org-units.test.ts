// Departments and projects over HTTP: the seed served by the routes, CRUD, 409s, the quota and
// reference rules with their exact 400 texts, the contract's defaults, filterBy, and assets in a
// project created by the API. Every response is checked against the contract (test/support/contract.ts).
// Phases over time are in project-phases.test.ts.
import { CONFIG_MAPS, DEPARTMENTS, ENVIRONMENTS, PROJECTS, useEmulator } from "../support/emulator";
import { SEED_ORGANISATION } from "../../src/emulator";
import { configMapBody, environmentBody } from "./helpers";

const CLUSTER = SEED_ORGANISATION.clusterId;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ZERO = { gpu: 0, cpu: 0, memory: 0 };
const EMPTY_QUOTA_STATUS = { allocated: ZERO, allocatedNonPreemptible: ZERO, requested: ZERO };

const t = useEmulator({ syncDelayMs: 0, checkContract: true });

const departmentBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  clusterId: CLUSTER,
  resources: [{ nodePool: { id: "1" }, gpu: { deserved: 4 } }],
  ...extra,
});

const projectBody = (name: string, parentId = "101", extra: Record<string, unknown> = {}) => ({
  name,
  clusterId: CLUSTER,
  parentId,
  resources: [{ nodePool: { id: "1", name: "default" }, gpu: { deserved: 1 } }],
  ...extra,
});

async function createProject(name: string, parentId = "101", extra: Record<string, unknown> = {}) {
  const res = await t.call("POST", PROJECTS, { body: projectBody(name, parentId, extra) });
  expect(res.status).toBe(201);
  return res.body;
}

describe("the seed, served by the routes", () => {
  test("departments 101 research and 102 platform", async () => {
    const list = await t.call("GET", DEPARTMENTS);
    expect(list.status).toBe(200);
    expect(list.body.departments.map((d: any) => [d.id, d.name, d.clusterId])).toEqual([
      ["101", "research", CLUSTER],
      ["102", "platform", CLUSTER],
    ]);
    expect(list.body).not.toHaveProperty("next");
    const research = await t.call("GET", `${DEPARTMENTS}/101`);
    expect(research.body).toMatchObject({
      id: "101",
      name: "research",
      description: "",
      resources: [{ nodePool: { id: "1", name: "default" }, gpu: { deserved: 8 } }],
      totalResources: { gpuQuota: 8, cpuQuota: null, memoryQuota: null },
      projectsAggregatedResources: [{ nodePool: { id: "1", name: "default" }, gpu: { deserved: 8 } }],
      createdBy: "system",
    });
  });

  test("projects 1001 team-a, 1002 team-b (department 101) and 1003 team-c (department 102), Ready", async () => {
    const list = await t.call("GET", PROJECTS);
    expect(list.status).toBe(200);
    expect(list.body.projects.map((p: any) => [p.id, p.name, p.parentId, p.status.phase, p.status.namespace])).toEqual([
      ["1001", "team-a", "101", "Ready", "runai-team-a"],
      ["1002", "team-b", "101", "Ready", "runai-team-b"],
      ["1003", "team-c", "102", "Ready", "runai-team-c"],
    ]);
    const teamA = await t.call("GET", `${PROJECTS}/1001`);
    expect(teamA.body).toMatchObject({ id: "1001", clusterId: CLUSTER, enforceRunaiScheduler: true, requestedNamespace: null });
  });

  test("unknown ids answer 404", async () => {
    expect((await t.call("GET", `${PROJECTS}/9999`)).body).toEqual({ code: 404, message: 'project "9999" not found' });
    expect((await t.call("GET", `${DEPARTMENTS}/999`)).body).toEqual({ code: 404, message: 'department "999" not found' });
    expect((await t.call("PUT", `${PROJECTS}/9999`, { body: { resources: [] } })).status).toBe(404);
    expect((await t.call("DELETE", `${DEPARTMENTS}/999`)).status).toBe(404);
  });
});

describe("departments", () => {
  test("create 201 with the next id, get, update 200 (name and clusterId fixed), delete 204", async () => {
    const created = await t.call("POST", DEPARTMENTS, { body: departmentBody("vision", { description: "computer vision" }) });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: "103",
      name: "vision",
      clusterId: CLUSTER,
      description: "computer vision",
      schedulingRules: null,
      defaultNodePools: null,
      resources: [{ nodePool: { id: "1", name: "default" }, gpu: { deserved: 4 } }],
      totalResources: { gpuQuota: 4, cpuQuota: null, memoryQuota: null },
      createdAt: expect.stringMatching(ISO_DATE),
      createdBy: "runai-admin",
      updatedAt: created.body.createdAt,
      updatedBy: "runai-admin",
      projectsAggregatedResources: [],
      status: {
        nodePoolQuotaStatuses: [{ nodePoolId: "1", nodePoolName: "default", ...EMPTY_QUOTA_STATUS }],
        quotaStatus: EMPTY_QUOTA_STATUS,
      },
    });
    expect((await t.call("GET", `${DEPARTMENTS}/103`)).body).toEqual(created.body);
    expect((await t.call("POST", DEPARTMENTS, { body: departmentBody("audio") })).body.id).toBe("104");

    const updated = await t.call("PUT", `${DEPARTMENTS}/103`, {
      body: {
        name: "ignored",
        clusterId: "00000000-0000-4000-8000-000000000000",
        description: "vision and video",
        schedulingRules: { trainingJobTimeLimitSeconds: 3600 },
        defaultNodePools: ["a100", "default"],
        resources: [
          { nodePool: { id: "1" }, gpu: { deserved: 2 } },
          { nodePool: { id: "2" }, gpu: { deserved: 6, limit: 8 }, cpu: { deserved: 4000 }, memory: { deserved: 2, units: "GB" } },
        ],
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: "103",
      name: "vision",
      clusterId: CLUSTER,
      description: "vision and video",
      schedulingRules: { trainingJobTimeLimitSeconds: 3600 },
      defaultNodePools: ["a100", "default"],
      resources: [
        { nodePool: { id: "1", name: "default" }, gpu: { deserved: 2 } },
        {
          nodePool: { id: "2", name: "a100" },
          gpu: { deserved: 6, limit: 8 },
          cpu: { deserved: 4000 },
          memory: { deserved: 2, units: "GB" },
        },
      ],
      totalResources: { gpuQuota: 8, cpuQuota: 4000, memoryQuota: 2000 },
    });

    // A PUT replaces: what it leaves out is unset.
    const replaced = await t.call("PUT", `${DEPARTMENTS}/103`, { body: { resources: [] } });
    expect(replaced.body).toMatchObject({ description: "", schedulingRules: null, defaultNodePools: null, resources: [] });
    expect(replaced.body.totalResources).toEqual({ gpuQuota: 0, cpuQuota: null, memoryQuota: null });

    const deleted = await t.call("DELETE", `${DEPARTMENTS}/103`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await t.call("GET", `${DEPARTMENTS}/103`)).status).toBe(404);
    // Ids are never handed out twice.
    expect((await t.call("POST", DEPARTMENTS, { body: departmentBody("vision") })).body.id).toBe("105");
  });

  test("a duplicate name in the cluster answers 409", async () => {
    const res = await t.call("POST", DEPARTMENTS, { body: departmentBody("research") });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ code: 409, message: `department named "research" already exists in cluster ${CLUSTER}` });
  });

  test("deleting a department that still has projects answers 400 naming them", async () => {
    const res = await t.call("DELETE", `${DEPARTMENTS}/101`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: 'department "research" still has projects team-a, team-b; delete them first' });
    await t.call("DELETE", `${PROJECTS}/1003`);
    expect((await t.call("DELETE", `${DEPARTMENTS}/102`)).status).toBe(204);
  });

  test("the list filters by name and clusterId (comma-joined) and pages", async () => {
    const byName = await t.call("GET", `${DEPARTMENTS}?filterBy=name==platform`);
    expect(byName.body.departments.map((d: any) => d.id)).toEqual(["102"]);
    const both = await t.call("GET", `${DEPARTMENTS}?filterBy=${encodeURIComponent(`clusterId==${CLUSTER},name!=platform`)}`);
    expect(both.body.departments.map((d: any) => d.id)).toEqual(["101"]);
    expect((await t.call("GET", `${DEPARTMENTS}?filterBy=clusterId==00000000-0000-4000-8000-000000000000`)).body.departments).toEqual([]);
    const paged = await t.call("GET", `${DEPARTMENTS}?limit=1`);
    expect(paged.body).toMatchObject({ departments: [{ id: "101" }], next: 1 });
    expect((await t.call("GET", `${DEPARTMENTS}?limit=1&offset=1`)).body.departments.map((d: any) => d.id)).toEqual(["102"]);
    expect((await t.call("GET", `${DEPARTMENTS}?sortBy=name&sortOrder=desc`)).body.departments.map((d: any) => d.name)).toEqual([
      "research",
      "platform",
    ]);
    expect((await t.call("GET", `${DEPARTMENTS}?verbosity=verbose`)).body.departments[0].status).toEqual({
      quotaStatus: EMPTY_QUOTA_STATUS,
    });
    expect((await t.call("GET", DEPARTMENTS)).body.departments[0]).not.toHaveProperty("status");
  });

  test.each([
    ["filterBy=colour==red", "query.filterBy[0]: must match pattern"],
    ["filterBy=avgGpuAllocation24h>=1", 'query.filterBy: filtering on "avgGpuAllocation24h" is not supported by the emulator'],
  ])("?%s answers 400", async (query, message) => {
    const res = await t.call("GET", `${DEPARTMENTS}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.message.startsWith(message)).toBe(true);
  });

  test("bodies are validated against the contract, then the cluster, node pools and names", async () => {
    const noResources = await t.call("POST", DEPARTMENTS, { body: { name: "x", clusterId: CLUSTER } });
    expect(noResources.status).toBe(400);
    expect(noResources.body.message).toBe("resources: is required");
    const badCluster = await t.call("POST", DEPARTMENTS, {
      body: departmentBody("x", { clusterId: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(badCluster.body).toMatchObject({
      code: 400,
      message: 'clusterId: cluster "00000000-0000-4000-8000-000000000000" does not exist',
    });
    const pools = await t.call("POST", DEPARTMENTS, {
      body: departmentBody("x", {
        defaultNodePools: ["h100"],
        resources: [{ nodePool: { id: "9" } }, { nodePool: { id: "2", name: "v100" } }, { nodePool: { id: "2" } }],
      }),
    });
    expect(pools.status).toBe(400);
    expect(pools.body.message).toBe(
      'defaultNodePools[0]: node pool "h100" does not exist; resources[0].nodePool.id: node pool "9" does not exist; ' +
        'resources[1].nodePool.name: node pool "2" is named "a100", not "v100"; resources[2].nodePool.id: node pool "2" is given more than once',
    );
    expect((await t.call("POST", DEPARTMENTS, { body: departmentBody(" ") })).body.message).toBe("name: must not be empty");
    const badPut = await t.call("PUT", `${DEPARTMENTS}/101`, { body: { resources: [{ nodePool: { id: "7" } }] } });
    expect(badPut.body).toMatchObject({ code: 400, message: 'resources[0].nodePool.id: node pool "7" does not exist' });
  });
});

describe("projects", () => {
  test("create 201 with the next id, the response fields and the contract's defaults filled in", async () => {
    const created = await t.call("POST", PROJECTS, {
      body: projectBody("team-d", "101", { resources: [{ nodePool: { id: "2" }, gpu: {} }, {}] }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: "1004",
      name: "team-d",
      clusterId: CLUSTER,
      parentId: "101",
      description: "",
      schedulingRules: null,
      defaultNodePools: null,
      requestedNamespace: null,
      enforceRunaiScheduler: true, // the contract's default on create
      resources: [
        { nodePool: { id: "2", name: "a100" }, gpu: { deserved: 0 } }, // gpu.deserved's default
        { nodePool: { id: "1", name: "default" }, gpu: { deserved: 0 } }, // no node pool: the default one, no gpu: 0
      ],
      totalResources: { gpuQuota: 0, cpuQuota: null, memoryQuota: null },
      createdAt: expect.stringMatching(ISO_DATE),
      createdBy: "runai-admin",
      updatedAt: created.body.createdAt,
      updatedBy: "runai-admin",
      status: {
        namespace: "runai-team-d",
        phase: "Ready", // syncDelayMs 0 in this file
        phaseMessage: null,
        lastUpdatedTime: created.body.createdAt,
        nodePoolQuotaStatuses: [
          { nodePoolId: "2", nodePoolName: "a100", ...EMPTY_QUOTA_STATUS },
          { nodePoolId: "1", nodePoolName: "default", ...EMPTY_QUOTA_STATUS },
        ],
        quotaStatus: EMPTY_QUOTA_STATUS,
      },
      effective: { schedulingRules: null, defaultNodePools: null },
    });
    expect((await t.call("GET", `${PROJECTS}/1004`)).body).toEqual(created.body);
    expect((await createProject("team-e")).id).toBe("1005");
  });

  test("requestedNamespace is the namespace; enforceRunaiScheduler false is kept", async () => {
    const project = await createProject("team-d", "102", {
      requestedNamespace: "ml-team-d",
      enforceRunaiScheduler: false,
      description: "d",
    });
    expect(project).toMatchObject({
      requestedNamespace: "ml-team-d",
      enforceRunaiScheduler: false,
      description: "d",
      status: { namespace: "ml-team-d" },
    });
  });

  test("effective values come from the project, else from its department", async () => {
    await t.call("PUT", `${DEPARTMENTS}/101`, {
      body: {
        resources: [{ nodePool: { id: "1" }, gpu: { deserved: 8 } }],
        schedulingRules: { interactiveJobTimeLimitSeconds: 600, trainingJobTimeLimitSeconds: 7200 },
        defaultNodePools: ["default"],
        nodeTypes: { training: ["cpu-only"], workspace: [] },
      },
    });
    const project = await createProject("team-d", "101", { schedulingRules: { trainingJobTimeLimitSeconds: 60 } });
    expect(project.effective).toEqual({
      schedulingRules: { interactiveJobTimeLimitSeconds: 600, trainingJobTimeLimitSeconds: 60 },
      defaultNodePools: ["default"],
      nodeTypes: { training: ["cpu-only"], workspace: [] },
    });
    expect(project).not.toHaveProperty("nodeTypes");
  });

  test("update 200: the updatable fields change, creation-only ones are ignored, enforceRunaiScheduler is kept when absent", async () => {
    await createProject("team-d", "101", { enforceRunaiScheduler: false });
    const updated = await t.call("PUT", `${PROJECTS}/1004`, {
      body: {
        name: "renamed",
        clusterId: "00000000-0000-4000-8000-000000000000",
        parentId: "102",
        requestedNamespace: "other",
        description: "now described",
        defaultNodePools: ["a100"],
        resources: [{ nodePool: { id: "2" }, gpu: { deserved: 3 } }],
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: "1004",
      name: "team-d",
      clusterId: CLUSTER,
      parentId: "101",
      requestedNamespace: null,
      description: "now described",
      defaultNodePools: ["a100"],
      enforceRunaiScheduler: false,
      resources: [{ nodePool: { id: "2", name: "a100" }, gpu: { deserved: 3 } }],
      totalResources: { gpuQuota: 3 },
      status: { namespace: "runai-team-d" },
    });
    expect(updated.body.updatedAt >= updated.body.createdAt).toBe(true);
    const again = await t.call("PUT", `${PROJECTS}/1004`, { body: { resources: [], enforceRunaiScheduler: true } });
    expect(again.body).toMatchObject({ enforceRunaiScheduler: true, description: "", defaultNodePools: null });
  });

  test("a duplicate name in the cluster answers 409", async () => {
    const res = await t.call("POST", PROJECTS, { body: projectBody("team-a", "102") });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ code: 409, message: `project named "team-a" already exists in cluster ${CLUSTER}` });
  });

  test("parentId must be a department of the cluster (400)", async () => {
    const missing = await t.call("POST", PROJECTS, { body: { name: "x", clusterId: CLUSTER, resources: [] } });
    expect(missing.body).toEqual({
      code: 400,
      message: "parentId: is required (the emulator has no default department)",
      details: "project rejected",
    });
    const unknown = await t.call("POST", PROJECTS, { body: projectBody("x", "999") });
    expect(unknown.body).toMatchObject({ code: 400, message: `parentId: department "999" does not exist in cluster ${CLUSTER}` });
    const wrongCluster = await t.call("POST", PROJECTS, {
      body: projectBody("x", "101", { clusterId: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(wrongCluster.body.message).toBe(
      'clusterId: cluster "00000000-0000-4000-8000-000000000000" does not exist; ' +
        'parentId: department "101" does not exist in cluster 00000000-0000-4000-8000-000000000000',
    );
    const badPool = await t.call("POST", PROJECTS, { body: projectBody("x", "101", { resources: [{ nodePool: { id: "3" } }] }) });
    expect(badPool.body.message).toBe('resources[0].nodePool.id: node pool "3" does not exist');
    const badSchema = await t.call("POST", PROJECTS, {
      body: projectBody("x", "101", { schedulingRules: { trainingJobTimeLimitSeconds: 0 } }),
    });
    expect(badSchema.body.message).toBe("schedulingRules.trainingJobTimeLimitSeconds: must be >= 1");
  });

  test("delete 202 without a body; with no sync delay the project is gone at once", async () => {
    await createProject("team-d");
    const res = await t.call("DELETE", `${PROJECTS}/1004`);
    expect(res.status).toBe(202);
    expect(res.body).toBeUndefined();
    expect((await t.call("GET", `${PROJECTS}/1004`)).status).toBe(404);
    expect((await t.call("DELETE", `${PROJECTS}/1004`)).status).toBe(404);
  });

  test("the list filters by name, clusterId, parentId (comma-joined), searches and pages", async () => {
    await createProject("team-d", "102");
    const ids = async (query: string) => (await t.call("GET", `${PROJECTS}?${query}`)).body.projects.map((p: any) => p.id);
    expect(await ids("filterBy=name==team-b")).toEqual(["1002"]);
    expect(await ids(`filterBy=${encodeURIComponent(`name==team-b,clusterId==${CLUSTER}`)}`)).toEqual(["1002"]);
    expect(await ids("filterBy=parentId==102")).toEqual(["1003", "1004"]);
    expect(await ids("filterBy=departmentId==101&filterBy=name=^team")).toEqual(["1001", "1002"]);
    expect(await ids("filterBy=parentName==platform")).toEqual(["1003", "1004"]);
    expect(await ids("filterBy=totalGpuQuota>=4")).toEqual(["1001", "1002"]);
    expect(await ids("filterBy=phase==Ready&search=team-")).toEqual(["1001", "1002", "1003", "1004"]);
    expect(await ids("sortBy=name&sortOrder=desc&limit=2")).toEqual(["1004", "1003"]);
    expect((await t.call("GET", `${PROJECTS}?limit=2&offset=1`)).body.next).toBe(3);
  });
});

describe("assets in projects created by the API", () => {
  test("a new project takes assets by meta.projectId; a deleted one is gone for them too", async () => {
    const project = await createProject("team-d", "102");
    const env = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e", { scope: "project", projectId: 1004 }) });
    expect(env.status).toBe(202);
    expect(env.body.meta).toMatchObject({ projectId: 1004, projectName: "team-d" });
    // The department must agree with the live project's.
    const wrongDepartment = await t.call("POST", ENVIRONMENTS, {
      body: environmentBody("f", { scope: "project", projectId: 1004, departmentId: "101" }),
    });
    expect(wrongDepartment.body.message).toBe('meta.departmentId: project 1004 belongs to department "102", not "101"');
    expect((await t.call("GET", `${ENVIRONMENTS}?departmentId=102&includeDescendants=true`)).body.entries).toHaveLength(1);

    expect((await t.call("DELETE", `${PROJECTS}/${project.id}`)).status).toBe(202);
    const gone = await t.call("POST", CONFIG_MAPS, { body: configMapBody("c", 1004) });
    expect(gone.status).toBe(400);
    expect(gone.body.message).toBe("meta.projectId: project 1004 does not exist");
  });

  test("a new department takes assets by meta.departmentId", async () => {
    await t.call("POST", DEPARTMENTS, { body: departmentBody("vision") });
    const env = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e", { scope: "department", departmentId: "103" }) });
    expect(env.status).toBe(202);
    await t.call("DELETE", `${DEPARTMENTS}/103`);
    const gone = await t.call("POST", ENVIRONMENTS, { body: environmentBody("f", { scope: "department", departmentId: "103" }) });
    expect(gone.body.message).toBe('meta.departmentId: department "103" does not exist');
  });

  test("reset brings the seed back and the ids start over", async () => {
    await createProject("team-d");
    await t.call("DELETE", `${PROJECTS}/1001`);
    await t.reset();
    expect((await t.call("GET", PROJECTS)).body.projects.map((p: any) => p.id)).toEqual(["1001", "1002", "1003"]);
    expect((await createProject("team-d")).id).toBe("1004");
    const state = await t.admin("GET", "/__emulator/state");
    expect(state.body.organisation.projects.at(-1)).toEqual({ id: 1004, name: "team-d", departmentId: "101" });
  });
});
