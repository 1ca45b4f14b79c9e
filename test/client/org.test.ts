// The organization endpoints against a real local HTTP server: departments and projects (one generic
// class), access rules, roles, clusters and node pools. What goes on the wire (method, path, query with
// its `filterBy` encoding and paging, body), response validation, 201/202/204 handling, create
// recovery after a dropped POST response, and 404 as RunaiNotFoundError.
import { PAGE_LIMIT, RunaiClient, RunaiNotFoundError, RunaiResponseValidationError, RunaiServerError } from "../../src/client";
import { caught } from "../support/async";
import { clientTestHarness } from "../support/client-setup";
import { RecordedRequest, Reply, TestServer } from "../support/http-server";

const { setup } = clientTestHarness();

const CLUSTER = "71f69d83-ba66-4822-adf5-55ce55efd210";
const OTHER_CLUSTER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const DEPARTMENTS = "/api/v1/org-unit/departments";
const PROJECTS = "/api/v1/org-unit/projects";
const RULES = "/api/v1/authorization/access-rules";
const ROLES = "/api/v1/authorization/roles";
const CLUSTERS = "/api/v1/clusters";
const POOLS = "/api/v1/node-pools";
const T = "2025-01-01T00:00:00Z";

const quota = { nodePool: { id: "22", name: "default" }, gpu: { deserved: 1 } };

function project(fields: Record<string, unknown> = {}) {
  return {
    id: "33",
    name: "team-a",
    clusterId: CLUSTER,
    parentId: "1",
    description: "",
    enforceRunaiScheduler: true,
    createdAt: T,
    updatedAt: T,
    status: { phase: "Creating", namespace: null },
    totalResources: { gpuQuota: 1, cpuQuota: null, memoryQuota: null },
    effective: {},
    resources: [quota],
    ...fields,
  };
}
function department(fields: Record<string, unknown> = {}) {
  return {
    id: "1",
    name: "research",
    clusterId: CLUSTER,
    description: "",
    createdAt: T,
    updatedAt: T,
    totalResources: { gpuQuota: 4 },
    resources: [quota],
    ...fields,
  };
}
function accessRule(fields: Record<string, unknown> = {}) {
  return {
    id: 32,
    subjectId: "ci-bot",
    subjectType: "app",
    roleId: 3,
    scopeId: "33",
    scopeType: "project",
    roleName: "L1 researcher",
    scopeName: "team-a",
    createdAt: T,
    updatedAt: T,
    tenantId: 1001,
    createdBy: "admin@run.ai",
    ...fields,
  };
}
function role(fields: Record<string, unknown> = {}) {
  return {
    id: 3,
    name: "L1 researcher",
    description: "",
    permissions: [],
    createdAt: T,
    updatedAt: T,
    createdBy: "system",
    custom: false,
    effectiveEnabled: true,
    ...fields,
  };
}
const cluster = (fields: Record<string, unknown> = {}) => ({ uuid: CLUSTER, tenantId: 1001, name: "production", createdAt: T, ...fields });
function nodePool(fields: Record<string, unknown> = {}) {
  return {
    id: "5",
    name: "a100",
    labelKey: "node-type",
    labelValue: "a100",
    clusterId: CLUSTER,
    tenantId: 1001,
    clusterName: "production",
    createdBy: "admin",
    createdAt: T,
    updatedBy: "admin",
    updatedAt: T,
    isDefault: false,
    ...fields,
  };
}

const projectBody = { name: "team-a", clusterId: CLUSTER, parentId: "1", resources: [quota] };
const ruleBody = { subjectId: "ci-bot", subjectType: "app" as const, roleId: 3, scopeId: "33", scopeType: "project" as const };

/** The requests other than token exchanges, as "METHOD url". */
const sent = (server: TestServer) => server.requests.filter((r) => r.path !== "/api/v1/token").map((r) => `${r.method} ${r.url}`);
const query = (r: RecordedRequest) => Object.fromEntries(r.query.entries());

describe("departments and projects", () => {
  test("list sends filterBy as comma-joined field==value terms, with offset and limit", async () => {
    const { server, client } = await setup();
    server.route("GET", PROJECTS, { json: { projects: [project()] } });
    expect(await client.projects.list({ name: "team-a", clusterId: CLUSTER, parentId: "1" })).toEqual([project()]);
    const request = server.requests.at(-1)!;
    expect(query(request)).toEqual({ filterBy: `name==team-a,clusterId==${CLUSTER},parentId==1`, offset: "0", limit: String(PAGE_LIMIT) });
    // URLSearchParams encoding: "=" and "," percent-encoded; the server decodes, then splits on commas.
    expect(request.url).toBe(`${PROJECTS}?filterBy=name%3D%3Dteam-a%2CclusterId%3D%3D${CLUSTER}%2CparentId%3D%3D1&offset=0&limit=500`);
    server.route("GET", DEPARTMENTS, { json: { departments: [] } });
    expect(await client.departments.list()).toEqual([]);
    expect(sent(server).at(-1)).toBe(`GET ${DEPARTMENTS}?offset=0&limit=500`);
  });

  test("list reads every page: the next offset follows the units read, while `next` is present", async () => {
    const { server, client } = await setup();
    const all = Array.from({ length: 5 }, (_, i) => project({ id: String(i + 1), name: `p${i + 1}` }));
    // A server that pages by two whatever the limit, and says `next` while more follow.
    server.route("GET", PROJECTS, (r) => {
      const offset = Number(r.query.get("offset"));
      const items = all.slice(offset, offset + 2);
      return { json: offset + 2 < all.length ? { projects: items, next: offset + 2 } : { projects: items } };
    });
    expect((await client.projects.list()).map((p) => p.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(server.requestsTo("GET", PROJECTS).map((r) => r.query.get("offset"))).toEqual(["0", "2", "4"]);
  });

  test("an empty page ends the list even with `next`", async () => {
    const { server, client } = await setup();
    server.route("GET", DEPARTMENTS, [{ json: { departments: [department()], next: 1 } }, { json: { departments: [], next: 1 } }]);
    expect(await client.departments.list()).toHaveLength(1);
    expect(server.requestsTo("GET", DEPARTMENTS)).toHaveLength(2);
  });

  test("filters the list cannot carry are refused before any request", async () => {
    const { server, client } = await setup();
    await expect(client.departments.list({ parentId: "1" })).rejects.toThrow(`${DEPARTMENTS} cannot be filtered by parentId`);
    await expect(client.projects.list({ name: "a,b" })).rejects.toThrow(TypeError);
    await expect(client.projects.list({ name: "" })).rejects.toThrow(TypeError);
    expect(sent(server)).toEqual([]);
  });

  test("findByName compares name and cluster exactly", async () => {
    const { server, client } = await setup();
    // A sloppy server: the filter ignored.
    server.route("GET", PROJECTS, {
      json: {
        projects: [
          project({ id: "1", name: "team-a-old" }),
          project({ id: "2", name: "team-a", clusterId: OTHER_CLUSTER }),
          project({ id: "3", name: "team-a" }),
        ],
      },
    });
    expect((await client.projects.findByName("team-a", CLUSTER))?.id).toBe("3");
    expect(await client.projects.findByName("team", CLUSTER)).toBeUndefined();
    expect(server.requests.at(-1)!.query.get("filterBy")).toBe(`name==team,clusterId==${CLUSTER}`);
  });

  test("create (201), get, update (PUT 200) and delete (202 or 204, no body) of a project", async () => {
    const { server, client } = await setup();
    server.route("POST", PROJECTS, { status: 201, json: project() });
    server.route("GET", `${PROJECTS}/33`, { json: project({ status: { phase: "Ready", namespace: "runai-team-a" } }) });
    server.route("PUT", `${PROJECTS}/33`, { json: project({ description: "d" }) });
    server.route("DELETE", `${PROJECTS}/33`, [{ status: 202 }, { status: 204 }]);
    expect((await client.projects.create(projectBody)).id).toBe("33");
    expect((await client.projects.get("33")).status.phase).toBe("Ready");
    const update = { description: "d", resources: [quota] };
    expect((await client.projects.update("33", update)).description).toBe("d");
    await expect(client.projects.delete("33")).resolves.toBeUndefined();
    await expect(client.projects.delete("33")).resolves.toBeUndefined();
    expect(sent(server)).toEqual([
      `POST ${PROJECTS}`,
      `GET ${PROJECTS}/33`,
      `PUT ${PROJECTS}/33`,
      `DELETE ${PROJECTS}/33`,
      `DELETE ${PROJECTS}/33`,
    ]);
    expect(server.requestsTo("POST", PROJECTS)[0].json).toEqual(projectBody);
    expect(server.requestsTo("PUT", `${PROJECTS}/33`)[0].json).toEqual(update);
  });

  test("create, update and delete (204) of a department", async () => {
    const { server, client } = await setup();
    server.route("POST", DEPARTMENTS, { status: 201, json: department() });
    server.route("PUT", `${DEPARTMENTS}/1`, { json: department({ description: "d" }) });
    server.route("DELETE", `${DEPARTMENTS}/1`, { status: 204 });
    const body = { name: "research", clusterId: CLUSTER, resources: [quota] };
    expect((await client.departments.create(body)).totalResources.gpuQuota).toBe(4);
    expect((await client.departments.update("1", { resources: [] })).description).toBe("d");
    await client.departments.delete("1");
    expect(server.requestsTo("POST", DEPARTMENTS)[0].json).toEqual(body);
    expect(server.requestsTo("PUT", `${DEPARTMENTS}/1`)[0].json).toEqual({ resources: [] });
  });

  test("a response that breaks the contract is a RunaiResponseValidationError naming the field", async () => {
    const { server, client } = await setup();
    server.route("GET", `${PROJECTS}/33`, { json: project({ id: 33 }) });
    const e = await caught(client.projects.get("33"));
    expect(e).toBeInstanceOf(RunaiResponseValidationError);
    expect(e.message).toContain("id:");
    server.route("GET", DEPARTMENTS, { json: { departments: [department({ name: undefined })] } });
    expect(await caught(client.departments.list())).toBeInstanceOf(RunaiResponseValidationError);
  });

  test("404 is RunaiNotFoundError; ids are URL-encoded", async () => {
    const { server, client } = await setup();
    server.route("GET", /.*/, { status: 404, json: { code: 404, message: "not found" } });
    server.route("DELETE", /.*/, { status: 404, json: { code: 404, message: "not found" } });
    expect(await caught(client.projects.get("a/b"))).toBeInstanceOf(RunaiNotFoundError);
    expect(await caught(client.departments.delete("9"))).toBeInstanceOf(RunaiNotFoundError);
    expect(sent(server)).toEqual([`GET ${PROJECTS}/a%2Fb`, `DELETE ${DEPARTMENTS}/9`]);
  });
});

/** A project store: list honours the name filter loosely (substring), and a script decides each POST. */
async function projectStore(onPost: (attempt: number, create: () => void) => Reply) {
  const { server, client } = await setup();
  const store: ReturnType<typeof project>[] = [];
  let posts = 0;
  const create = () => void store.push(project({ id: String(100 + store.length) }));
  server.route("POST", PROJECTS, () => onPost(++posts, create));
  server.route("GET", PROJECTS, (r) => {
    const name = /name==([^,]*)/.exec(r.query.get("filterBy") ?? "")?.[1] ?? "";
    return { json: { projects: store.filter((p) => p.name.includes(name)) } };
  });
  server.route("GET", /^\/api\/v1\/org-unit\/projects\/\d+$/, (r) => {
    const found = store.find((p) => r.path.endsWith(`/${p.id}`));
    return found ? { json: found } : { status: 404, json: { code: 404, message: "gone" } };
  });
  return { server, client, store };
}

describe("create after an uncertain outcome", () => {
  test("project: dropped POST response that did create → found by name and cluster, read by id, one POST", async () => {
    const { server, client, store } = await projectStore((_, create) => (create(), { drop: true }));
    const created = await client.projects.create(projectBody);
    expect(created.id).toBe(store[0].id);
    expect(store).toHaveLength(1);
    expect(sent(server)).toEqual([
      `POST ${PROJECTS}`,
      `GET ${PROJECTS}?filterBy=name%3D%3Dteam-a%2CclusterId%3D%3D${CLUSTER}&offset=0&limit=500`,
      `GET ${PROJECTS}/100`,
    ]);
  });

  test("project: dropped POST that did not create → lookup finds nothing → POST again", async () => {
    const { server, client, store } = await projectStore((n, create) => {
      if (n === 1) return { drop: true };
      create();
      return { status: 201, json: project({ id: "100" }) };
    });
    expect((await client.projects.create(projectBody)).id).toBe("100");
    expect(store).toHaveLength(1);
    expect(server.requestsTo("POST", PROJECTS)).toHaveLength(2);
    expect(server.requestsTo("GET", PROJECTS)).toHaveLength(1);
  });

  test("department: 5xx on a POST that did create → found", async () => {
    const { server, client } = await setup();
    const store: ReturnType<typeof department>[] = [];
    server.route("POST", DEPARTMENTS, () => (store.push(department()), { status: 502, json: { code: 502, message: "bad gateway" } }));
    server.route("GET", DEPARTMENTS, () => ({ json: { departments: store } }));
    server.route("GET", `${DEPARTMENTS}/1`, () => ({ json: store[0] }));
    const created = await client.departments.create({ name: "research", clusterId: CLUSTER, resources: [] });
    expect(created.id).toBe("1");
    expect(server.requestsTo("POST", DEPARTMENTS)).toHaveLength(1);
  });

  test("access rule: dropped POST that did create → the identical rule is found, one POST", async () => {
    const { server, client } = await setup();
    const rules: ReturnType<typeof accessRule>[] = [accessRule({ id: 1, roleId: 4 }), accessRule({ id: 2, scopeId: "34" })];
    server.route("POST", RULES, () => (rules.push(accessRule({ id: 40 })), { drop: true }));
    server.route("GET", RULES, () => ({ json: { totalRecords: rules.length, displayRecords: rules.length, accessRules: rules } }));
    expect((await client.accessRules.create(ruleBody)).id).toBe(40);
    expect(server.requestsTo("POST", RULES)).toHaveLength(1);
    expect(query(server.requestsTo("GET", RULES)[0])).toEqual({
      subjectType: "app",
      subjectIds: "ci-bot",
      scopeId: "33",
      filterBy: "roleId==3",
      offset: "0",
      limit: "500",
    });
  });

  test("a definite failure after retries is thrown", async () => {
    const { server, client } = await projectStore(() => ({ status: 500, json: { code: 500, message: "database down" } }));
    expect(await caught(client.projects.create(projectBody))).toBeInstanceOf(RunaiServerError);
    expect(server.requestsTo("POST", PROJECTS)).toHaveLength(4);
  });
});

describe("access rules", () => {
  test("list: filters as query parameters and filterBy terms, every page until totalRecords", async () => {
    const { server, client } = await setup();
    const all = Array.from({ length: 5 }, (_, i) => accessRule({ id: i + 1 }));
    server.route("GET", RULES, (r) => {
      const offset = Number(r.query.get("offset"));
      const page = all.slice(offset, offset + 2);
      return { json: { totalRecords: all.length, displayRecords: page.length, accessRules: page } };
    });
    const rules = await client.accessRules.list({
      subjectType: "app",
      subjectIds: ["ci-bot", "other-bot"],
      scopeId: "33",
      scopeType: "project",
      roleId: 3,
      clusterId: CLUSTER,
    });
    expect(rules.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    const requests = server.requestsTo("GET", RULES);
    expect(requests.map((r) => r.query.get("offset"))).toEqual(["0", "2", "4"]);
    expect(query(requests[0])).toEqual({
      subjectType: "app",
      subjectIds: "ci-bot,other-bot",
      scopeId: "33",
      clusterId: CLUSTER,
      filterBy: "scopeType==project,roleId==3",
      offset: "0",
      limit: "500",
    });
    expect(requests[0].url).toContain("subjectIds=ci-bot%2Cother-bot");
  });

  test("create (201), get (with scopePath) and delete (204)", async () => {
    const { server, client } = await setup();
    server.route("POST", RULES, { status: 201, json: accessRule({ status: { phase: "Creating" } }) });
    server.route("GET", `${RULES}/32`, { json: { ...accessRule(), scopePath: "runai/production/research/team-a" } });
    server.route("DELETE", `${RULES}/32`, { status: 204 });
    expect((await client.accessRules.create(ruleBody)).status?.phase).toBe("Creating");
    expect((await client.accessRules.get(32)).scopePath).toBe("runai/production/research/team-a");
    await client.accessRules.delete(32);
    expect(sent(server)).toEqual([`POST ${RULES}`, `GET ${RULES}/32`, `DELETE ${RULES}/32`]);
    expect(server.requestsTo("POST", RULES)[0].json).toEqual(ruleBody);
  });

  test("findIdentical compares every field, skips deleted rules, and tolerates a server-filled clusterId", async () => {
    const { server, client } = await setup();
    const rules = [
      accessRule({ id: 1, subjectId: "ci-bot-2" }),
      accessRule({ id: 2, scopeType: "department" }),
      accessRule({ id: 3, deletedAt: T }),
      accessRule({ id: 4, clusterId: OTHER_CLUSTER }),
      accessRule({ id: 5, clusterId: CLUSTER }),
    ];
    server.route("GET", RULES, { json: { totalRecords: rules.length, displayRecords: rules.length, accessRules: rules } });
    expect((await client.accessRules.findIdentical({ ...ruleBody, clusterId: CLUSTER }))?.id).toBe(5);
    expect((await client.accessRules.findIdentical(ruleBody))?.id).toBe(4);
    expect(await client.accessRules.findIdentical({ ...ruleBody, roleId: 9 })).toBeUndefined();
    // A subject id with a comma cannot be sent in subjectIds: narrowed by the other filters only.
    await client.accessRules.findIdentical({ ...ruleBody, subjectId: "CN=bots,OU=ci" });
    expect(server.requests.at(-1)!.query.has("subjectIds")).toBe(false);
  });

  test("404 is RunaiNotFoundError", async () => {
    const { server, client } = await setup();
    server.route("GET", `${RULES}/7`, { status: 404, json: { code: 404, message: "not found" } });
    server.route("DELETE", `${RULES}/7`, { status: 404, json: { code: 404, message: "not found" } });
    expect(await caught(client.accessRules.get(7))).toBeInstanceOf(RunaiNotFoundError);
    expect(await caught(client.accessRules.delete(7))).toBeInstanceOf(RunaiNotFoundError);
  });
});

describe("roles, clusters and node pools", () => {
  test("roles: list (a bare array), get, findByName (exact, case-sensitive)", async () => {
    const { server, client } = await setup();
    server.route("GET", ROLES, { json: [role(), role({ id: 4, name: "L1 researcher (custom)", custom: true })] });
    server.route("GET", `${ROLES}/3`, { json: role() });
    server.route("GET", `${ROLES}/99`, { status: 404, json: { code: 404, message: "no role" } });
    expect(await client.roles.list()).toHaveLength(2);
    expect((await client.roles.get(3)).name).toBe("L1 researcher");
    expect((await client.roles.findByName("L1 researcher"))?.id).toBe(3);
    expect(await client.roles.findByName("l1 researcher")).toBeUndefined();
    expect(await caught(client.roles.get(99))).toBeInstanceOf(RunaiNotFoundError);
    server.route("GET", ROLES, { json: { roles: [] } });
    expect(await caught(client.roles.list())).toBeInstanceOf(RunaiResponseValidationError);
  });

  test("clusters: list (a bare array, no query) and get by uuid", async () => {
    const { server, client } = await setup();
    server.route("GET", CLUSTERS, { json: [cluster(), cluster({ uuid: OTHER_CLUSTER, name: "staging", status: null })] });
    server.route("GET", `${CLUSTERS}/${CLUSTER}`, { json: cluster({ status: { state: "Connected" } }) });
    server.route("GET", `${CLUSTERS}/${OTHER_CLUSTER}`, { status: 404, json: { code: 404, message: "no cluster" } });
    expect((await client.clusters.list()).map((c) => c.name)).toEqual(["production", "staging"]);
    expect((await client.clusters.get(CLUSTER)).status?.state).toBe("Connected");
    expect(await caught(client.clusters.get(OTHER_CLUSTER))).toBeInstanceOf(RunaiNotFoundError);
    expect(sent(server).slice(0, 2)).toEqual([`GET ${CLUSTERS}`, `GET ${CLUSTERS}/${CLUSTER}`]);
  });

  test("node pools: filterBy, every page until a short one, get, findByName", async () => {
    const { server, client } = await setup();
    const all = Array.from({ length: PAGE_LIMIT + 1 }, (_, i) => nodePool({ id: String(i), name: `pool-${i}` }));
    server.route("GET", POOLS, (r) => {
      const offset = Number(r.query.get("offset"));
      return { json: { nodepools: all.slice(offset, offset + Number(r.query.get("limit"))) } };
    });
    expect(await client.nodePools.list({ clusterId: CLUSTER })).toHaveLength(PAGE_LIMIT + 1);
    expect(server.requestsTo("GET", POOLS).map(query)).toEqual([
      { filterBy: `clusterId==${CLUSTER}`, offset: "0", limit: "500" },
      { filterBy: `clusterId==${CLUSTER}`, offset: "500", limit: "500" },
    ]);
    expect((await client.nodePools.findByName("pool-7", CLUSTER))?.id).toBe("7");
    expect(server.requests.at(-1)!.query.get("filterBy")).toBe(`name==pool-7,clusterId==${CLUSTER}`);
    expect(await client.nodePools.findByName("pool-7", OTHER_CLUSTER)).toBeUndefined();
    server.route("GET", `${POOLS}/5`, { json: nodePool({ phase: "Empty" }) });
    expect((await client.nodePools.get("5")).phase).toBe("Empty");
  });

  test("node pools: a list answer without `nodepools` is empty; 404 is RunaiNotFoundError", async () => {
    const { server, client } = await setup();
    server.route("GET", POOLS, { json: {} });
    server.route("GET", `${POOLS}/9`, { status: 404, json: { code: 404, message: "no pool" } });
    expect(await client.nodePools.list()).toEqual([]);
    expect(sent(server)).toEqual([`GET ${POOLS}?offset=0&limit=500`]);
    expect(await caught(client.nodePools.get("9"))).toBeInstanceOf(RunaiNotFoundError);
  });
});

test("the client exposes every organization endpoint", async () => {
  const { client } = await setup();
  expect(client).toBeInstanceOf(RunaiClient);
  for (const name of ["departments", "projects", "accessRules", "roles", "clusters", "nodePools"] as const) {
    expect(client[name]).toBeDefined();
  }
  expect(client.departments.path).toBe(DEPARTMENTS);
  expect(client.projects.path).toBe(PROJECTS);
});
