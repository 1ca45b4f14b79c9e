// Contract tests of the asset endpoints (ConfigMap and Environment). Every response is validated
// against the OpenAPI response schemas by the harness (checkContract).
import { CONFIG_MAPS, ENVIRONMENTS, useEmulator } from "../support/emulator";
import { UUID_RE, configMapBody, environmentBody } from "./helpers";
import { SEED_ORGANISATION } from "../../src/emulator";

const CLUSTER = SEED_ORGANISATION.clusterId;
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

const t = useEmulator({ syncDelayMs: 0, checkContract: true });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each([
  {
    kind: "config-map",
    base: CONFIG_MAPS,
    body: (name: string) => configMapBody(name),
    // The spec as stored and returned: the body's, with the contract's defaults filled in.
    stored: (spec: object) => spec,
  },
  {
    kind: "environment",
    base: ENVIRONMENTS,
    body: (name: string) => environmentBody(name),
    stored: (spec: object) => ({ ...spec, overrideUidGidInWorkspace: false }),
  },
])("$kind assets", ({ kind, base, body, stored }) => {
  test("create answers 202 with the full asset and server-assigned meta", async () => {
    const res = await t.call("POST", base, { body: body("a") });
    expect(res.status).toBe(202);
    const { meta, spec, status } = res.body;
    expect(status).toBeUndefined();
    expect(meta).toEqual({
      name: "a",
      scope: "project",
      projectId: 1001,
      autoDelete: false,
      id: expect.stringMatching(UUID_RE),
      kind,
      tenantId: 1,
      createdBy: "runai-admin",
      createdAt: expect.stringMatching(ISO_DATE),
      updatedBy: "runai-admin",
      updatedAt: meta.createdAt,
      projectName: "team-a",
      updateCount: 0,
    });
    expect(spec).toEqual(stored(body("a").spec));
  });

  test("get answers 200 with the asset; an unknown id 404; a malformed id 400", async () => {
    const created = await t.call("POST", base, { body: body("a") });
    const got = await t.call("GET", `${base}/${created.body.meta.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);

    const missing = await t.call("GET", `${base}/${MISSING_ID}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 404, message: `${kind} asset "${MISSING_ID}" not found` });

    const malformed = await t.call("GET", `${base}/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('path.AssetId: must match format "uuid"');
  });

  test("list answers 200 {entries} in creation order", async () => {
    await t.call("POST", base, { body: body("a") });
    await t.call("POST", base, { body: body("b") });
    const list = await t.call("GET", base);
    expect(list.status).toBe(200);
    expect(list.body.entries.map((e: any) => e.meta.name)).toEqual(["a", "b"]);
  });

  test("update answers 202: name, description and spec change, creation-only fields are ignored", async () => {
    const created = await t.call("POST", base, { body: { ...body("a"), meta: { ...body("a").meta, description: "first" } } });
    const id = created.body.meta.id;
    const newSpec = kind === "config-map" ? { configMap: "other-cm", mountPath: "/other" } : { image: "python:3.13", args: "--x" };
    const res = await t.call("PUT", `${base}/${id}`, {
      body: { meta: { name: "renamed", description: "second", scope: "tenant", projectId: 1002 }, spec: newSpec },
    });
    expect(res.status).toBe(202);
    expect(res.body.spec).toEqual(stored(newSpec));
    expect(res.body.meta).toMatchObject({
      id,
      name: "renamed",
      description: "second",
      scope: "project",
      projectId: 1001,
      createdAt: created.body.meta.createdAt,
      updateCount: 1,
    });
    expect(Date.parse(res.body.meta.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.meta.updatedAt));

    // Omitting the description in a PUT unsets it.
    const again = await t.call("PUT", `${base}/${id}`, { body: { meta: { name: "renamed" }, spec: newSpec } });
    expect(again.body.meta.description).toBeUndefined();
    expect(again.body.meta.updateCount).toBe(2);
    expect((await t.call("GET", `${base}/${id}`)).body).toEqual(again.body);
  });

  test("update of an unknown id answers 404", async () => {
    const res = await t.call("PUT", `${base}/${MISSING_ID}`, { body: { meta: { name: "x" }, spec: body("x").spec } });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`${kind} asset "${MISSING_ID}" not found`);
  });

  test("a rename onto another asset's name answers 409", async () => {
    await t.call("POST", base, { body: body("a") });
    const b = await t.call("POST", base, { body: body("b") });
    const res = await t.call("PUT", `${base}/${b.body.meta.id}`, { body: { meta: { name: "a" }, spec: body("b").spec } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ code: 409, message: `${kind} asset named "a" already exists in project 1001` });
  });

  test("delete answers 202 with {code, message}; an unknown id 404", async () => {
    const created = await t.call("POST", base, { body: body("a") });
    const id = created.body.meta.id;
    const res = await t.call("DELETE", `${base}/${id}`);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ code: 202, message: `${kind} asset "${id}" deletion accepted` });
    expect((await t.call("GET", `${base}/${id}`)).status).toBe(404); // syncDelayMs 0: gone at once

    const missing = await t.call("DELETE", `${base}/${MISSING_ID}`);
    expect(missing.status).toBe(404);
  });

  test("a duplicate name in the same scope answers 409; other projects and kinds are independent", async () => {
    expect((await t.call("POST", base, { body: body("dup") })).status).toBe(202);
    const dup = await t.call("POST", base, { body: body("dup") });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ code: 409, message: `${kind} asset named "dup" already exists in project 1001` });
    const otherProject = { ...body("dup"), meta: { ...body("dup").meta, projectId: 1002 } };
    expect((await t.call("POST", base, { body: otherProject })).status).toBe(202);
  });

  test("the id of another kind is unknown here (404)", async () => {
    const other = kind === "config-map" ? ENVIRONMENTS : CONFIG_MAPS;
    const otherBody = kind === "config-map" ? environmentBody("x") : configMapBody("x");
    const created = await t.call("POST", other, { body: otherBody });
    expect((await t.call("GET", `${base}/${created.body.meta.id}`)).status).toBe(404);
  });

  test("every asset route answers 401 without a valid bearer token", async () => {
    const created = await t.call("POST", base, { body: body("a") });
    const id = created.body.meta.id;
    const calls: Array<[string, string, unknown]> = [
      ["GET", base, undefined],
      ["POST", base, body("b")],
      ["GET", `${base}/${id}`, undefined],
      ["PUT", `${base}/${id}`, { meta: { name: "a" }, spec: body("a").spec }],
      ["DELETE", `${base}/${id}`, undefined],
    ];
    for (const [method, urlPath, requestBody] of calls) {
      const none = await t.call(method, urlPath, { body: requestBody, token: null });
      expect(none.status).toBe(401);
      expect(none.body.message).toBe("missing bearer token: send Authorization: Bearer <accessToken>");
      const forged = await t.call(method, urlPath, { body: requestBody, token: `${t.adminToken.slice(0, -4)}AAAA` });
      expect(forged.status).toBe(401);
      expect(forged.body.message).toBe("invalid access token");
    }
    expect((await t.call("GET", `${base}/${id}`)).status).toBe(200); // nothing was deleted
  });
});

describe("bad input answers 400 naming the field", () => {
  const cases: Array<[string, string, unknown, string]> = [
    ["wrong type", CONFIG_MAPS, configMapBody("a", 1001, { mountPath: 5 }), "spec.mountPath: must be string"],
    ["missing meta and spec", CONFIG_MAPS, {}, "meta: is required; spec: is required"],
    ["missing name", ENVIRONMENTS, { meta: { scope: "tenant" }, spec: {} }, "meta.name: is required"],
    ["empty name", ENVIRONMENTS, environmentBody("", { scope: "tenant" }), "meta.name: must NOT have fewer than 1 characters"],
    [
      "unknown scope",
      ENVIRONMENTS,
      environmentBody("a", { scope: "galaxy" }),
      'meta.scope: must be one of "system", "tenant", "cluster", "department", "project"',
    ],
    ["projectId as string", ENVIRONMENTS, environmentBody("a", { scope: "project", projectId: "1001" }), "meta.projectId: must be integer"],
    [
      "clusterId not a uuid",
      ENVIRONMENTS,
      environmentBody("a", { scope: "cluster", clusterId: "c1" }),
      'meta.clusterId: must match format "uuid"',
    ],
    [
      "nested field",
      ENVIRONMENTS,
      environmentBody("a", { scope: "tenant" }, { probes: { readiness: { handler: { httpGet: { port: 0 } } } } }),
      "spec.probes.readiness.handler.httpGet.port: must be >= 1",
    ],
    [
      "array item",
      ENVIRONMENTS,
      environmentBody(
        "a",
        { scope: "tenant" },
        { connections: [{ name: "nb", internalToolInfo: { toolType: "jupyter-notebook", connectionType: "NodePort" } }] },
      ),
      "spec.connections[0].internalToolInfo.containerPort: is required",
    ],
    [
      "several problems at once",
      CONFIG_MAPS,
      { meta: { scope: "project", projectId: 1001 }, spec: { mountPath: 1 } },
      "meta.name: is required; spec.mountPath: must be string",
    ],
    [
      "config-map outside a project",
      CONFIG_MAPS,
      { meta: { name: "a", scope: "tenant" }, spec: { configMap: "c", mountPath: "/m" } },
      'meta.scope: must be "project" for config-map assets',
    ],
    [
      "config-map without its mandatory fields",
      CONFIG_MAPS,
      { meta: { name: "a", scope: "project", projectId: 1001 }, spec: {} },
      "spec.configMap: is required; spec.mountPath: is required",
    ],
    ["system scope", ENVIRONMENTS, environmentBody("a", { scope: "system" }), 'meta.scope: "system" is internal-only'],
    [
      "project scope without projectId",
      ENVIRONMENTS,
      environmentBody("a", { scope: "project" }),
      'meta.projectId: required when meta.scope is "project"',
    ],
    [
      "department scope without departmentId",
      ENVIRONMENTS,
      environmentBody("a", { scope: "department" }),
      'meta.departmentId: required when meta.scope is "department"',
    ],
    [
      "cluster scope without clusterId",
      ENVIRONMENTS,
      environmentBody("a", { scope: "cluster" }),
      'meta.clusterId: required when meta.scope is "cluster"',
    ],
    [
      "narrower id than the scope",
      ENVIRONMENTS,
      environmentBody("a", { scope: "department", departmentId: "101", projectId: 1001 }),
      'meta.projectId: must not be set when meta.scope is "department"',
    ],
    [
      "ids on a tenant asset",
      ENVIRONMENTS,
      environmentBody("a", { scope: "tenant", clusterId: CLUSTER, departmentId: "101" }),
      'meta.clusterId: must not be set when meta.scope is "tenant"; meta.departmentId: must not be set when meta.scope is "tenant"',
    ],
    [
      "unknown project",
      ENVIRONMENTS,
      environmentBody("a", { scope: "project", projectId: 4242 }),
      "meta.projectId: project 4242 does not exist",
    ],
    [
      "unknown department",
      ENVIRONMENTS,
      environmentBody("a", { scope: "department", departmentId: "999" }),
      'meta.departmentId: department "999" does not exist',
    ],
    [
      "unknown cluster",
      ENVIRONMENTS,
      environmentBody("a", { scope: "cluster", clusterId: MISSING_ID }),
      `meta.clusterId: cluster "${MISSING_ID}" does not exist`,
    ],
    [
      "project of another department",
      ENVIRONMENTS,
      environmentBody("a", { scope: "project", projectId: 1001, departmentId: "102" }),
      'meta.departmentId: project 1001 belongs to department "101", not "102"',
    ],
  ];

  test.each(cases)("%s", async (_label, urlPath, body, message) => {
    const res = await t.call("POST", urlPath, { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(400);
    expect(res.body.message).toBe(message);
    expect((await t.call("GET", urlPath)).body.entries).toEqual([]); // nothing was created
  });

  test("a body that is not JSON", async () => {
    const res = await t.call("POST", ENVIRONMENTS, { rawBody: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: "request body: is not valid JSON" });
  });

  test("the schema name is given in details", async () => {
    const res = await t.call("POST", CONFIG_MAPS, { body: configMapBody("a", 1001, { mountPath: 5 }) });
    expect(res.body.details).toBe("request body does not match schema ConfigMapCreationRequest");
  });

  test("query parameters are validated against their declared types", async () => {
    const badProject = await t.call("GET", `${ENVIRONMENTS}?projectId=abc`);
    expect(badProject.status).toBe(400);
    expect(badProject.body.message).toBe("query.projectId: must be integer");
    const badFlag = await t.call("GET", `${CONFIG_MAPS}?statusInfo=maybe`);
    expect(badFlag.body.message).toBe("query.statusInfo: must be boolean");
    const badCluster = await t.call("GET", `${CONFIG_MAPS}?clusterId=nope`);
    expect(badCluster.body.message).toBe('query.clusterId: must match format "uuid"');
  });

  test("PUT bodies are validated: the update schema, and the ConfigMap spec the 2.22 schema leaves undeclared", async () => {
    const env = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    const noSpec = await t.call("PUT", `${ENVIRONMENTS}/${env.body.meta.id}`, { body: { meta: { name: "e" } } });
    expect(noSpec.status).toBe(400);
    expect(noSpec.body.message).toBe("spec: is required");

    const cm = await t.call("POST", CONFIG_MAPS, { body: configMapBody("c") });
    const badSpec = await t.call("PUT", `${CONFIG_MAPS}/${cm.body.meta.id}`, {
      body: { meta: { name: "c" }, spec: { configMap: "c", mountPath: 7 } },
    });
    expect(badSpec.status).toBe(400);
    expect(badSpec.body).toEqual({
      code: 400,
      message: "spec.mountPath: must be string",
      details: "does not match schema ConfigMapAssetSpec",
    });
    const missingField = await t.call("PUT", `${CONFIG_MAPS}/${cm.body.meta.id}`, {
      body: { meta: { name: "c" }, spec: { configMap: "c" } },
    });
    expect(missingField.body.message).toBe("spec.mountPath: is required");
  });
});

describe("list filters and the scope hierarchy", () => {
  const names = async (query: string) => (await t.call("GET", `${ENVIRONMENTS}?${query}`)).body.entries.map((e: any) => e.meta.name).sort();

  beforeEach(async () => {
    const assets: Array<[string, Record<string, unknown>]> = [
      ["tenant-env", { scope: "tenant" }],
      ["cluster-env", { scope: "cluster", clusterId: CLUSTER }],
      ["research-env", { scope: "department", departmentId: "101" }],
      ["platform-env", { scope: "department", departmentId: "102" }],
      ["team-a-env", { scope: "project", projectId: 1001 }],
      ["team-b-env", { scope: "project", projectId: 1002, departmentId: "101", clusterId: CLUSTER }],
      ["team-c-env", { scope: "project", projectId: 1003 }],
    ];
    for (const [name, meta] of assets) {
      expect((await t.call("POST", ENVIRONMENTS, { body: environmentBody(name, meta) })).status).toBe(202);
    }
  });

  test("projectId returns the project's assets and those of its department, cluster and tenant", async () => {
    expect(await names("projectId=1001")).toEqual(["cluster-env", "research-env", "team-a-env", "tenant-env"]);
    expect(await names("projectId=1003")).toEqual(["cluster-env", "platform-env", "team-c-env", "tenant-env"]);
  });

  test("scope=project narrows a projectId filter to the project itself", async () => {
    expect(await names("projectId=1001&scope=project")).toEqual(["team-a-env"]);
    expect(await names("projectId=1001&scope=department")).toEqual(["research-env"]);
  });

  test("departmentId returns the department's, cluster and tenant assets; includeDescendants adds its projects", async () => {
    expect(await names("departmentId=101")).toEqual(["cluster-env", "research-env", "tenant-env"]);
    expect(await names("departmentId=101&scope=department")).toEqual(["research-env"]);
    expect(await names("departmentId=101&includeDescendants=true")).toEqual([
      "cluster-env",
      "research-env",
      "team-a-env",
      "team-b-env",
      "tenant-env",
    ]);
  });

  test("clusterId returns cluster and tenant assets", async () => {
    expect(await names(`clusterId=${CLUSTER}`)).toEqual(["cluster-env", "tenant-env"]);
    expect(await names(`clusterId=${CLUSTER}&scope=cluster`)).toEqual(["cluster-env"]);
  });

  test("scope alone and name are exact filters", async () => {
    expect(await names("scope=department")).toEqual(["platform-env", "research-env"]);
    expect(await names("name=team-b-env")).toEqual(["team-b-env"]);
    expect(await names("name=team")).toEqual([]);
  });

  test("ids sent for broader scopes are kept as sent", async () => {
    const entry = (await t.call("GET", `${ENVIRONMENTS}?name=team-b-env`)).body.entries[0];
    expect(entry.meta).toMatchObject({ scope: "project", projectId: 1002, departmentId: "101", clusterId: CLUSTER, projectName: "team-b" });
  });

  test("the ConfigMap list filters by assetIds", async () => {
    const a = await t.call("POST", CONFIG_MAPS, { body: configMapBody("a") });
    await t.call("POST", CONFIG_MAPS, { body: configMapBody("b") });
    const c = await t.call("POST", CONFIG_MAPS, { body: configMapBody("c", 1003) });
    const list = await t.call("GET", `${CONFIG_MAPS}?assetIds=${a.body.meta.id},${c.body.meta.id}`);
    expect(list.body.entries.map((e: any) => e.meta.name)).toEqual(["a", "c"]);
  });

  test("workload-type filters use meta.workloadSupportedTypes", async () => {
    await t.call("POST", ENVIRONMENTS, {
      body: environmentBody("trainer", {
        scope: "tenant",
        workloadSupportedTypes: { training: true, distributed: true, distFramework: "PyTorch" },
      }),
    });
    await t.call("POST", ENVIRONMENTS, {
      body: environmentBody("notebook", { scope: "tenant", workloadSupportedTypes: { workspace: true } }),
    });
    expect(await names("scope=tenant&isTraining=true")).toEqual(["tenant-env", "trainer"]);
    expect(await names("scope=tenant&isWorkspace=true")).toEqual(["notebook", "tenant-env"]);
    expect(await names("distributedFramework=PyTorch")).toEqual(["trainer"]);
  });

  test("usageInfo=true adds an empty usedBy", async () => {
    const list = await t.call("GET", `${ENVIRONMENTS}?name=tenant-env&usageInfo=true`);
    expect(list.body.entries[0].usedBy).toEqual({ workspaces: [], trainings: [], distributed: [], inferences: [], templates: [] });
  });
});

describe("routes outside the contract", () => {
  test.each([
    ["GET", "/api/v1/nope"],
    ["PATCH", ENVIRONMENTS],
    ["GET", "/v1/k8s/apps"],
    ["GET", `${ENVIRONMENTS}/`],
    ["POST", "/"],
  ])("%s %s answers 404 in the error shape", async (method, urlPath) => {
    const res = await t.call(method, urlPath, { token: null });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: `route ${method} ${urlPath} not found` });
  });
});
