// The read-only look-ups (clusters, node pools, roles), access rules (CRUD, validation, 409) and the
// access control of application tokens, with the exact 403 texts. Responses are checked against the
// contract (test/support/contract.ts).
import {
  ACCESS_RULES,
  APPS,
  CLUSTERS,
  DEPARTMENTS,
  ENVIRONMENTS,
  NODE_POOLS,
  PROJECTS,
  ROLE_IDS,
  ROLES,
  useEmulator,
  type AppCredentials,
} from "../support/emulator";
import { SEED_ORGANISATION } from "../../src/emulator";
import { ACCESS_KEYS, COMPUTE, GIT, HOST_PATHS, NFS, PVCS, S3, SECRET_VOLUMES, assetBody, configMapBody, environmentBody } from "./helpers";
import { CONFIG_MAPS } from "../support/emulator";

const CLUSTER = SEED_ORGANISATION.clusterId;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const t = useEmulator({ syncDelayMs: 0, checkContract: true });

const ruleBody = (extra: Record<string, unknown> = {}) => ({
  subjectType: "app",
  subjectId: "ci-bot",
  roleId: ROLE_IDS.mlEngineer,
  scopeType: "project",
  scopeId: "1001",
  ...extra,
});

describe("clusters", () => {
  test("the list is the one seeded cluster; get by uuid; unknown 404; deleting it is refused while it has projects", async () => {
    const list = await t.call("GET", CLUSTERS);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        uuid: CLUSTER,
        tenantId: 1,
        name: "research-cluster",
        createdAt: "2024-01-01T00:00:00.000Z",
        domain: "research-cluster.example.com",
        version: "2.22.0",
        status: { state: "Connected", conditions: [], platform: { type: "vanilla", kubeVersion: "v1.30.4" } },
        updatedAt: "2024-01-01T00:00:00.000Z",
        deletedAt: null,
        lastLiveness: expect.stringMatching(ISO_DATE),
        deleteRequestedAt: null,
      },
    ]);
    expect((await t.call("GET", `${CLUSTERS}/${CLUSTER}`)).body).toMatchObject({ uuid: CLUSTER, name: "research-cluster" });
    expect((await t.call("GET", `${CLUSTERS}?verbosity=metadata`)).body).toEqual([
      { uuid: CLUSTER, tenantId: 1, name: "research-cluster", createdAt: "2024-01-01T00:00:00.000Z" },
    ]);
    const unknown = await t.call("GET", `${CLUSTERS}/00000000-0000-4000-8000-000000000000`);
    expect(unknown.body).toEqual({ code: 404, message: 'cluster "00000000-0000-4000-8000-000000000000" not found' });
    // The seeded cluster stays: its projects keep it.
    expect((await t.call("DELETE", `${CLUSTERS}/${CLUSTER}`)).body).toEqual({
      code: 409,
      message: 'cluster "research-cluster" still has projects ("team-a", "team-b", "team-c"): delete them first',
    });
  });
});

describe("node pools", () => {
  test("default (1) and a100 (2); filterBy clusterId and name; get; a new one created and deleted; the default kept", async () => {
    const list = await t.call("GET", NODE_POOLS);
    expect(list.status).toBe(200);
    expect(list.body.nodepools.map((p: any) => [p.id, p.name, p.isDefault, p.phase, p.clusterId, p.clusterName])).toEqual([
      ["1", "default", true, "Ready", CLUSTER, "research-cluster"],
      ["2", "a100", false, "Ready", CLUSTER, "research-cluster"],
    ]);
    expect(list.body.nodepools[0]).toMatchObject({ labelKey: "run.ai/node-pool", labelValue: "default", tenantId: 1 });
    const filtered = await t.call("GET", `${NODE_POOLS}?filterBy=${encodeURIComponent(`clusterId==${CLUSTER},name==a100`)}`);
    expect(filtered.body.nodepools.map((p: any) => p.id)).toEqual(["2"]);
    expect((await t.call("GET", `${NODE_POOLS}?filterBy=name==h100`)).body.nodepools).toEqual([]);
    expect((await t.call("GET", `${NODE_POOLS}/2`)).body).toMatchObject({ id: "2", name: "a100", isDefault: false });
    expect((await t.call("GET", `${NODE_POOLS}/9`)).body).toEqual({ code: 404, message: 'node pool "9" not found' });
    const created = await t.call("POST", NODE_POOLS, { body: { name: "h100", labelKey: "k", labelValue: "v", clusterId: CLUSTER } });
    expect(created).toMatchObject({ status: 201, body: { id: "3", name: "h100", isDefault: false } });
    expect((await t.call("DELETE", `${NODE_POOLS}/3`)).status).toBe(202);
    expect((await t.call("DELETE", `${NODE_POOLS}/1`)).body).toEqual({
      code: 400,
      message: 'node pool "default" is its cluster\'s default: it cannot be deleted',
    });
  });
});

describe("roles", () => {
  test("the predefined roles with fixed ids; get by id; unknown 404", async () => {
    const list = await t.call("GET", ROLES);
    expect(list.status).toBe(200);
    expect(list.body.map((r: any) => [r.id, r.name])).toEqual([
      [1, "System administrator"],
      [2, "Department administrator"],
      [3, "Editor"],
      [4, "Research manager"],
      [5, "L1 researcher"],
      [6, "L2 researcher"],
      [7, "ML engineer"],
      [8, "Viewer"],
      [9, "Environment administrator"],
      [10, "Data source administrator"],
      [11, "Compute resource administrator"],
      [12, "Credentials administrator"],
    ]);
    for (const role of list.body) expect(role).toMatchObject({ custom: false, enabled: true, effectiveEnabled: true, createdBy: "system" });
    expect((await t.call("GET", `${ROLES}/9`)).body.permissions).toEqual([
      { resourceType: "department", displayName: "Departments", groupId: "organization", actions: ["read"] },
      { resourceType: "project", displayName: "Projects", groupId: "organization", actions: ["read"] },
      { resourceType: "cluster", displayName: "Clusters", groupId: "physical-resource", actions: ["read"] },
      {
        resourceType: "environments",
        displayName: "Environments",
        groupId: "workload-asset",
        actions: ["create", "read", "update", "delete"],
      },
    ]);
    expect((await t.call("GET", `${ROLES}/99`)).body).toEqual({ code: 404, message: "role 99 not found" });
  });

  test("ML engineer manages every asset type and reads projects; Viewer only reads; System administrator does everything", async () => {
    const actions = (role: any) => Object.fromEntries(role.permissions.map((p: any) => [p.resourceType, p.actions]));
    const ml = actions((await t.call("GET", `${ROLES}/${ROLE_IDS.mlEngineer}`)).body);
    for (const type of [
      "environments",
      "compute-resources",
      "cm-volume-assets",
      "pvc-assets",
      "nfs-assets",
      "s3-assets",
      "git-assets",
      "host-path-assets",
      "secret-volume-assets",
      "credentials",
    ]) {
      expect(ml[type]).toEqual(["create", "read", "update", "delete"]);
    }
    expect(ml.project).toEqual(["read"]);
    expect(ml).not.toHaveProperty("access_rules");
    const viewer = (await t.call("GET", `${ROLES}/${ROLE_IDS.viewer}`)).body.permissions;
    expect(viewer.length).toBeGreaterThan(30);
    for (const p of viewer) expect(p.actions).toEqual(["read"]);
    const admin = (await t.call("GET", `${ROLES}/${ROLE_IDS.systemAdministrator}`)).body.permissions;
    expect(admin.map((p: any) => p.resourceType)).toEqual(viewer.map((p: any) => p.resourceType));
    for (const p of admin) expect(p.actions).toEqual(["create", "read", "update", "delete"]);
  });
});

describe("access rules", () => {
  beforeEach(async () => {
    await t.createApp("ci-bot");
  });

  test("create 201, get 200 with scopePath, list, delete 204 (then 404; listed only with includeDeleted)", async () => {
    const created = await t.call("POST", ACCESS_RULES, { body: ruleBody() });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 1,
      subjectType: "app",
      subjectId: "ci-bot",
      roleId: 7,
      roleName: "ML engineer",
      scopeType: "project",
      scopeId: "1001",
      scopeName: "team-a",
      clusterId: CLUSTER,
      createdAt: expect.stringMatching(ISO_DATE),
      updatedAt: created.body.createdAt,
      deletedAt: null,
      tenantId: 1,
      createdBy: "runai-admin",
      status: { phase: "Ready" },
    });
    const got = await t.call("GET", `${ACCESS_RULES}/1`);
    expect(got.body).toEqual({ ...created.body, scopePath: "runai/research-cluster/research/team-a" });

    const tenant = await t.call("POST", ACCESS_RULES, { body: ruleBody({ roleId: ROLE_IDS.viewer, scopeType: "tenant", scopeId: "1" }) });
    expect(tenant.body).toMatchObject({ id: 2, scopeName: "runai", roleName: "Viewer" });
    expect(tenant.body).not.toHaveProperty("clusterId");
    expect((await t.call("GET", `${ACCESS_RULES}/2`)).body.scopePath).toBe("runai");
    const cluster = await t.call("POST", ACCESS_RULES, { body: ruleBody({ scopeType: "cluster", scopeId: CLUSTER }) });
    expect(cluster.body).toMatchObject({ id: 3, scopeName: "research-cluster" });
    const department = await t.call("POST", ACCESS_RULES, {
      body: ruleBody({ subjectType: "user", subjectId: "ann@example.com", scopeType: "department", scopeId: "102" }),
    });
    expect(department.body).toMatchObject({ id: 4, scopeName: "platform" });
    expect((await t.call("GET", `${ACCESS_RULES}/4`)).body.scopePath).toBe("runai/research-cluster/platform");

    const list = await t.call("GET", ACCESS_RULES);
    expect(list.body).toMatchObject({ totalRecords: 4, displayRecords: 4 });
    expect(list.body.accessRules.map((r: any) => r.id)).toEqual([1, 2, 3, 4]);
    expect(list.body.accessRules[0]).not.toHaveProperty("scopePath");

    const deleted = await t.call("DELETE", `${ACCESS_RULES}/1`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await t.call("GET", `${ACCESS_RULES}/1`)).body).toEqual({ code: 404, message: "access rule 1 not found" });
    expect((await t.call("DELETE", `${ACCESS_RULES}/1`)).status).toBe(404);
    expect((await t.call("GET", ACCESS_RULES)).body.totalRecords).toBe(3);
    const withDeleted = await t.call("GET", `${ACCESS_RULES}?includeDeleted=true`);
    expect(withDeleted.body.accessRules[0]).toMatchObject({ id: 1, deletedAt: expect.stringMatching(ISO_DATE) });
  });

  test("the list filters by subjectType, subjectIds (comma-joined), scopeId, filterBy roleId and pages", async () => {
    await t.createApp("other-bot");
    await t.grant("ci-bot", ROLE_IDS.mlEngineer, "project", "1001");
    await t.grant("ci-bot", ROLE_IDS.viewer, "project", "1001");
    await t.grant("other-bot", ROLE_IDS.mlEngineer, "project", "1002");
    await t.call("POST", ACCESS_RULES, { body: ruleBody({ subjectType: "group", subjectId: "ci-bot" }) });
    const ids = async (query: string) => (await t.call("GET", `${ACCESS_RULES}?${query}`)).body.accessRules.map((r: any) => r.id);
    expect(await ids("subjectType=app&subjectIds=ci-bot")).toEqual([1, 2]);
    expect(await ids("subjectType=app&subjectIds=ci-bot,other-bot")).toEqual([1, 2, 3]);
    expect(await ids("subjectIds=ci-bot&scopeId=1001&filterBy=roleId==7")).toEqual([1, 4]);
    expect(await ids(`filterBy=${encodeURIComponent("roleName==ML engineer,subjectType==app")}`)).toEqual([1, 3]);
    const paged = await t.call("GET", `${ACCESS_RULES}?limit=2&offset=1`);
    expect(paged.body).toMatchObject({ totalRecords: 4, displayRecords: 2 });
    expect(paged.body.accessRules.map((r: any) => r.id)).toEqual([2, 3]);
  });

  test("an identical rule answers 409", async () => {
    await t.call("POST", ACCESS_RULES, { body: ruleBody() });
    const dup = await t.call("POST", ACCESS_RULES, { body: ruleBody() });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ code: 409, message: 'access rule 1 already gives app "ci-bot" the role "ML engineer" in project "1001"' });
    // Another role, scope or subject is another rule.
    expect((await t.call("POST", ACCESS_RULES, { body: ruleBody({ roleId: ROLE_IDS.viewer }) })).status).toBe(201);
    await t.revoke(1);
    expect((await t.call("POST", ACCESS_RULES, { body: ruleBody() })).status).toBe(201);
  });

  test.each([
    [{ roleId: 99 }, "roleId: role 99 does not exist"],
    [{ subjectId: "nobody" }, 'subjectId: application "nobody" does not exist'],
    [{ subjectId: "" }, "subjectId: must not be empty"],
    [{ scopeId: "4242" }, 'scopeId: project "4242" does not exist'],
    [{ scopeType: "department", scopeId: "1001" }, 'scopeId: department "1001" does not exist'],
    [{ scopeType: "cluster", scopeId: "c" }, 'scopeId: cluster "c" does not exist'],
    [{ scopeType: "tenant", scopeId: "2" }, 'scopeId: tenant "2" does not exist'],
    [{ scopeType: "system", scopeId: "1" }, 'scopeType: "system" is internal-only'],
    [{ clusterId: "00000000-0000-4000-8000-000000000000" }, 'clusterId: cluster "00000000-0000-4000-8000-000000000000" does not exist'],
    [
      { roleId: 0, subjectId: "nobody", scopeId: "0" },
      'subjectId: application "nobody" does not exist; roleId: role 0 does not exist; scopeId: project "0" does not exist',
    ],
    [{ subjectType: "robot" }, 'subjectType: must be one of "user", "app", "group"'],
    [{ roleId: "7" }, "roleId: must be integer"],
  ])("%j answers 400", async (extra, message) => {
    const res = await t.call("POST", ACCESS_RULES, { body: ruleBody(extra) });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  test("a rule whose project or department is deleted goes with it", async () => {
    const project = await t.call("POST", PROJECTS, { body: { name: "team-d", clusterId: CLUSTER, parentId: "102", resources: [] } });
    await t.grant("ci-bot", ROLE_IDS.mlEngineer, "project", project.body.id);
    await t.call("DELETE", `${PROJECTS}/${project.body.id}`);
    expect((await t.call("GET", `${ACCESS_RULES}/1`)).status).toBe(404);
    const department = await t.call("POST", DEPARTMENTS, { body: { name: "vision", clusterId: CLUSTER, resources: [] } });
    await t.grant("ci-bot", ROLE_IDS.viewer, "department", department.body.id);
    await t.call("DELETE", `${DEPARTMENTS}/${department.body.id}`);
    expect((await t.call("GET", ACCESS_RULES)).body.totalRecords).toBe(0);
  });
});

describe("access control of application tokens", () => {
  let app: AppCredentials;
  const as = (method: string, urlPath: string, body?: unknown) => t.call(method, urlPath, { body, token: app.token });
  const envIn = (name: string, projectId: number) => environmentBody(name, { scope: "project", projectId });

  beforeEach(async () => {
    app = await t.createApp("ci-bot");
  });

  test("without a rule an application may read only the clusters, node pools and roles", async () => {
    const denied = await as("POST", ENVIRONMENTS, envIn("e", 1001));
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ code: 403, message: 'application "ci-bot" may not create environments in project 1001' });
    expect((await as("GET", ENVIRONMENTS)).body).toEqual({ entries: [] });
    expect((await as("GET", PROJECTS)).body).toEqual({ projects: [] });
    expect((await as("GET", DEPARTMENTS)).body).toEqual({ departments: [] });
    expect((await as("GET", `${PROJECTS}/1001`)).body).toEqual({
      code: 403,
      message: 'application "ci-bot" may not read projects in project 1001',
    });
    expect((await as("GET", ACCESS_RULES)).body).toEqual({
      code: 403,
      message: 'application "ci-bot" may not read access rules in the tenant',
    });
    expect((await as("GET", APPS)).body).toEqual({ code: 403, message: 'application "ci-bot" may not read applications in the tenant' });
    for (const path of [CLUSTERS, `${CLUSTERS}/${CLUSTER}`, NODE_POOLS, `${NODE_POOLS}/1`, ROLES, `${ROLES}/1`]) {
      expect((await as("GET", path)).status).toBe(200);
    }
  });

  test("ML engineer on project A: assets in A, 403 in B, reads but does not create projects; deleting the rule ends it at once", async () => {
    const rule = await t.grant("ci-bot", ROLE_IDS.mlEngineer, "project", "1001");

    const created = await as("POST", ENVIRONMENTS, envIn("e", 1001));
    expect(created.status).toBe(202);
    expect(created.body.meta.createdBy).toBe("ci-bot");
    const id = created.body.meta.id;
    expect((await as("GET", `${ENVIRONMENTS}/${id}`)).status).toBe(200);
    expect((await as("PUT", `${ENVIRONMENTS}/${id}`, { meta: { name: "e" }, spec: { image: "x" } })).status).toBe(202);
    expect((await as("POST", CONFIG_MAPS, configMapBody("c", 1001))).status).toBe(202);

    const elsewhere = await as("POST", ENVIRONMENTS, envIn("e", 1002));
    expect(elsewhere.body).toEqual({ code: 403, message: 'application "ci-bot" may not create environments in project 1002' });
    const inDepartment = await as("POST", ENVIRONMENTS, environmentBody("d", { scope: "department", departmentId: "101" }));
    expect(inDepartment.body).toEqual({ code: 403, message: 'application "ci-bot" may not create environments in department 101' });

    // The admin's asset in project B is neither listed nor readable nor deletable by the app.
    const other = await t.call("POST", ENVIRONMENTS, { body: envIn("theirs", 1002) });
    const otherId = other.body.meta.id;
    expect((await as("GET", `${ENVIRONMENTS}/${otherId}`)).body).toEqual({
      code: 403,
      message: 'application "ci-bot" may not read environments in project 1002',
    });
    expect((await as("DELETE", `${ENVIRONMENTS}/${otherId}`)).body.message).toBe(
      'application "ci-bot" may not delete environments in project 1002',
    );
    expect((await as("PUT", `${ENVIRONMENTS}/${otherId}`, { meta: { name: "x" }, spec: {} })).body.message).toBe(
      'application "ci-bot" may not update environments in project 1002',
    );
    // Assets of broader scopes are readable (usable in the project), not writable.
    const tenantWide = await t.call("POST", ENVIRONMENTS, { body: environmentBody("shared", { scope: "tenant" }) });
    expect((await as("GET", ENVIRONMENTS)).body.entries.map((e: any) => e.meta.name)).toEqual(["e", "shared"]);
    expect((await as("GET", `${ENVIRONMENTS}/${tenantWide.body.meta.id}`)).status).toBe(200);
    expect((await as("DELETE", `${ENVIRONMENTS}/${tenantWide.body.meta.id}`)).body.message).toBe(
      'application "ci-bot" may not delete environments in the tenant',
    );
    // A spec problem is reported only once the caller may create there.
    expect((await as("POST", CONFIG_MAPS, { meta: { name: "x", scope: "project", projectId: 1002 }, spec: {} })).status).toBe(403);
    expect((await as("POST", CONFIG_MAPS, { meta: { name: "x", scope: "project", projectId: 1001 }, spec: {} })).status).toBe(400);

    // Projects: read A only; no create, update or delete.
    expect((await as("GET", PROJECTS)).body.projects.map((p: any) => p.id)).toEqual(["1001"]);
    expect((await as("GET", `${PROJECTS}/1001`)).status).toBe(200);
    expect((await as("GET", `${PROJECTS}/1002`)).body.message).toBe('application "ci-bot" may not read projects in project 1002');
    const newProject = await as("POST", PROJECTS, { name: "x", clusterId: CLUSTER, parentId: "101", resources: [] });
    expect(newProject.body).toEqual({ code: 403, message: 'application "ci-bot" may not create projects in department 101' });
    expect((await as("PUT", `${PROJECTS}/1001`, { resources: [] })).body.message).toBe(
      'application "ci-bot" may not update projects in project 1001',
    );
    expect((await as("DELETE", `${PROJECTS}/1001`)).body.message).toBe('application "ci-bot" may not delete projects in project 1001');
    expect((await as("GET", DEPARTMENTS)).body.departments).toEqual([]);
    expect((await as("GET", `${DEPARTMENTS}/101`)).body.message).toBe('application "ci-bot" may not read departments in department 101');
    // No access rules or applications of its own.
    expect((await as("POST", ACCESS_RULES, ruleBody({ scopeId: "1002" }))).body.message).toBe(
      'application "ci-bot" may not create access rules in the tenant',
    );
    expect((await as("POST", APPS, { name: "another" })).body.message).toBe(
      'application "ci-bot" may not create applications in the tenant',
    );

    await t.revoke(rule.id);
    expect((await as("GET", `${ENVIRONMENTS}/${id}`)).status).toBe(403);
    expect((await as("POST", ENVIRONMENTS, envIn("f", 1001))).status).toBe(403);
    expect((await as("GET", PROJECTS)).body.projects).toEqual([]);
  });

  test("every asset kind is allowed to an ML engineer in the project", async () => {
    await t.grant("ci-bot", ROLE_IDS.mlEngineer, "project", "1001");
    const key = await as("POST", ACCESS_KEYS, assetBody("key", { accessKeyId: "AKIA", secretAccessKey: "s" }));
    expect(key.status).toBe(202);
    const password = await as("POST", "/api/v1/asset/credentials/password", assetBody("pw", { user: "u", password: "p" }));
    const bodies: Array<[string, unknown]> = [
      [COMPUTE, assetBody("c", { cpuCoreRequest: 1 })],
      [PVCS, assetBody("p", { path: "/data", claimInfo: { size: "1G" } })],
      [NFS, assetBody("n", { server: "nfs", path: "/x", mountPath: "/y" })],
      [S3, assetBody("s", { bucket: "b", path: "/s3", accessKeyAssetId: key.body.meta.id })],
      [GIT, assetBody("g", { repository: "https://example.com/r.git", path: "/g", passwordAssetId: password.body.meta.id })],
      [HOST_PATHS, assetBody("h", { path: "/h", mountPath: "/m" })],
      [SECRET_VOLUMES, assetBody("v", { credentialAssetId: key.body.meta.id, mountPath: "/v" })],
    ];
    for (const [path, body] of bodies) expect([path, (await as("POST", path, body)).status]).toEqual([path, 202]);
  });

  test("scopes cover what is below them: a department rule covers its projects, a cluster or tenant rule everything", async () => {
    const rule = await t.grant("ci-bot", ROLE_IDS.editor, "department", "101");
    expect((await as("POST", ENVIRONMENTS, envIn("a", 1002))).status).toBe(202);
    expect((await as("POST", ENVIRONMENTS, envIn("b", 1003))).body.message).toBe(
      'application "ci-bot" may not create environments in project 1003',
    );
    // Editor creates projects in its department, and then may work in them.
    const project = await as("POST", PROJECTS, { name: "team-d", clusterId: CLUSTER, parentId: "101", resources: [] });
    expect(project.status).toBe(201);
    expect(project.body.createdBy).toBe("ci-bot");
    expect((await as("POST", ENVIRONMENTS, envIn("c", 1004))).status).toBe(202);
    expect((await as("GET", PROJECTS)).body.projects.map((p: any) => p.id)).toEqual(["1001", "1002", "1004"]);
    expect((await as("POST", PROJECTS, { name: "team-e", clusterId: CLUSTER, parentId: "102", resources: [] })).body.message).toBe(
      'application "ci-bot" may not create projects in department 102',
    );
    await t.revoke(rule.id);

    await t.grant("ci-bot", ROLE_IDS.environmentAdministrator, "cluster", CLUSTER);
    expect((await as("POST", ENVIRONMENTS, envIn("d", 1003))).status).toBe(202);
    expect((await as("POST", ENVIRONMENTS, environmentBody("e", { scope: "cluster", clusterId: CLUSTER }))).status).toBe(202);
    expect((await as("POST", ENVIRONMENTS, environmentBody("f", { scope: "tenant" }))).body.message).toBe(
      'application "ci-bot" may not create environments in the tenant',
    );
    expect((await as("POST", COMPUTE, assetBody("c", { cpuCoreRequest: 1 }))).body.message).toBe(
      'application "ci-bot" may not create compute-resources in project 1001',
    );

    await t.grant("ci-bot", ROLE_IDS.systemAdministrator, "tenant", "1");
    expect((await as("POST", ENVIRONMENTS, environmentBody("f", { scope: "tenant" }))).status).toBe(202);
    expect((await as("POST", DEPARTMENTS, { name: "vision", clusterId: CLUSTER, resources: [] })).status).toBe(201);
    expect((await as("POST", ACCESS_RULES, ruleBody({ roleId: ROLE_IDS.viewer }))).status).toBe(201);
    expect((await as("GET", APPS)).status).toBe(200);
  });

  test("Viewer reads everything and changes nothing", async () => {
    await t.grant("ci-bot", ROLE_IDS.viewer, "tenant", "1");
    const env = await t.call("POST", ENVIRONMENTS, { body: envIn("e", 1002) });
    expect((await as("GET", `${ENVIRONMENTS}/${env.body.meta.id}`)).status).toBe(200);
    expect((await as("GET", PROJECTS)).body.projects).toHaveLength(3);
    expect((await as("GET", DEPARTMENTS)).body.departments).toHaveLength(2);
    expect((await as("GET", ACCESS_RULES)).body.totalRecords).toBe(1);
    expect((await as("GET", APPS)).status).toBe(200);
    expect((await as("DELETE", `${ENVIRONMENTS}/${env.body.meta.id}`)).body.message).toBe(
      'application "ci-bot" may not delete environments in project 1002',
    );
    expect((await as("POST", ENVIRONMENTS, envIn("f", 1001))).status).toBe(403);
  });

  test("the admin is unaffected by rules; another app's rules give this one nothing", async () => {
    await t.createApp("other-bot");
    await t.grant("other-bot", ROLE_IDS.systemAdministrator, "tenant", "1");
    expect((await as("POST", ENVIRONMENTS, envIn("e", 1001))).status).toBe(403);
    expect((await t.call("POST", ENVIRONMENTS, { body: envIn("e", 1002) })).status).toBe(202);
    expect((await t.call("GET", PROJECTS)).body.projects).toHaveLength(3);
  });
});
