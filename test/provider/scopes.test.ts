// The scopes objects name by id, against the emulator: at check time an id of no project, department
// or cluster fails with a message naming the field (nothing written, each scope read once per
// process whatever the kind); at refresh an asset whose project was deleted elsewhere is marked and
// reported, and diff then replaces it. Also the quota warning of a project above its department.
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { UNKNOWN } from "../../src/provider/validation";
import { CONFIG_MAPS, EmulatorHarness, PROJECTS, ROLE_IDS } from "../support/emulator";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";

const CLUSTER = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
const NO_CLUSTER = "0b6f7a1e-1111-4c2d-9e3f-aaaaaaaaaaaa";
const PROJECT_HINT = "getProject({ name, clusterId }) gives a project's id by its name";
const DEPARTMENT_HINT = "getDepartment({ name, clusterId }) gives a department's id by its name";
const CLUSTER_HINT = "getCluster({ name }) gives a cluster's id by its name";
type Json = Record<string, any>;
type Provider = Required<ReturnType<typeof providerFor>>;

let emulator: EmulatorHarness;
let config: Record<string, string>;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  config = emulator.adminSettings();
  await prepareFixtures(emulator);
});
afterAll(() => emulator?.stop());
afterEach(() => clearTokenCache());

async function provider(type: string): Promise<Provider> {
  const found = providerFor(type) as Provider;
  await found.configure({ config: { get: (key: string) => config[key] } } as never);
  return found;
}

async function reasons(type: string, news: Json): Promise<string[]> {
  const result = (await (await provider(type)).check({}, news)) as { failures: { reason: string }[] };
  return result.failures.map((failure) => failure.reason);
}

/** A project of department 101 made by hand, as another stack or a person would. */
async function handMadeProject(name: string): Promise<string> {
  const created = await emulator.api("POST", PROJECTS, { name, clusterId: CLUSTER, parentId: "101", resources: [] });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Deletes a project by hand and waits until Run:ai no longer has it. */
async function deleteProject(id: string): Promise<void> {
  expect((await emulator.api("DELETE", `${PROJECTS}/${id}`)).status).toBe(202);
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await emulator.api("GET", `${PROJECTS}/${id}`)).status === 404) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`project ${id} was not deleted`);
}

/** What the provider process wrote to stderr while `run` ran. */
async function stderrOf(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines.join("");
}

describe("scope ids at check time", () => {
  beforeAll(() => emulator.resetCounters());

  it.each<[string, string, Json, string[]]>([
    [
      "an asset's project",
      "ConfigMapAsset",
      { ...KIND_FIXTURES.ConfigMapAsset.args("cm"), meta: { name: "cm", scope: "project", projectId: 4242 } },
      [`meta.projectId: no project has id "4242" in Run:ai; ${PROJECT_HINT}`],
    ],
    [
      "an asset's department",
      "PvcAsset",
      { ...KIND_FIXTURES.PvcAsset.args("pvc"), meta: { name: "pvc", scope: "department", departmentId: "999" } },
      [`meta.departmentId: no department has id "999" in Run:ai; ${DEPARTMENT_HINT}`],
    ],
    [
      "a credential's cluster",
      "AccessKeyCredential",
      { ...KIND_FIXTURES.AccessKeyCredential.args("key"), meta: { name: "key", scope: "cluster", clusterId: NO_CLUSTER } },
      [`meta.clusterId: no cluster has id "${NO_CLUSTER}" in Run:ai; ${CLUSTER_HINT}`],
    ],
    [
      "every scope id of an asset at once",
      "EnvironmentAsset",
      {
        ...KIND_FIXTURES.EnvironmentAsset.args("env"),
        meta: { name: "env", scope: "project", projectId: 4242, departmentId: "999", clusterId: NO_CLUSTER },
      },
      [
        `meta.projectId: no project has id "4242" in Run:ai; ${PROJECT_HINT}`,
        `meta.departmentId: no department has id "999" in Run:ai; ${DEPARTMENT_HINT}`,
        `meta.clusterId: no cluster has id "${NO_CLUSTER}" in Run:ai; ${CLUSTER_HINT}`,
      ],
    ],
    [
      "an access rule's project",
      "AccessRule",
      { ...KIND_FIXTURES.AccessRule.args("rule"), scopeType: "project", scopeId: "4242" },
      [`scopeId: no project has id "4242" in Run:ai; ${PROJECT_HINT}`],
    ],
    [
      "an access rule's department",
      "AccessRule",
      { ...KIND_FIXTURES.AccessRule.args("rule"), scopeType: "department", scopeId: "999" },
      [`scopeId: no department has id "999" in Run:ai; ${DEPARTMENT_HINT}`],
    ],
    [
      "an access rule's cluster id no cluster can have",
      "AccessRule",
      { ...KIND_FIXTURES.AccessRule.args("rule"), scopeType: "cluster", scopeId: "research cluster" },
      [`scopeId: no cluster has id "research cluster" in Run:ai; ${CLUSTER_HINT}`],
    ],
  ])("reports %s that does not exist", async (_case, type, news, expected) => {
    expect(await reasons(type, news)).toEqual(expected);
  });

  it("reports a missing scope along with the static rules' failures, and looks up no id they refuse", async () => {
    const args = KIND_FIXTURES.ConfigMapAsset.args("cm");
    const news = { ...args, meta: { name: "cm", scope: "project", projectId: 4242 }, spec: { ...args.spec, mountPath: "etc" } };
    expect(await reasons("ConfigMapAsset", news)).toEqual([
      'spec.mountPath: must be an absolute path (start with "/"), got "etc"',
      `meta.projectId: no project has id "4242" in Run:ai; ${PROJECT_HINT}`,
    ]);
    const fractional = { ...args, meta: { name: "cm", scope: "project", projectId: 10.5 } };
    expect(await reasons("ConfigMapAsset", fractional)).toEqual(["meta.projectId: must be an integer"]);
  });

  it("accepts scopes that exist, and skips an id still unknown at preview", async () => {
    expect(await reasons("ConfigMapAsset", KIND_FIXTURES.ConfigMapAsset.args("cm"))).toEqual([]);
    expect(await reasons("AccessRule", { ...KIND_FIXTURES.AccessRule.args("rule"), scopeType: "cluster", scopeId: CLUSTER })).toEqual([]);
    const unknown = { ...KIND_FIXTURES.ConfigMapAsset.args("cm"), meta: { name: "cm", scope: "project", projectId: UNKNOWN } };
    expect(await reasons("ConfigMapAsset", unknown)).toEqual([]);
  });

  it("says nothing about a scope the credentials may not read", async () => {
    const app = await emulator.createApp("scoped-ci");
    await emulator.grant("scoped-ci", ROLE_IDS.mlEngineer, "project", "1001");
    const own = { "runai:url": emulator.url, "runai:clientId": app.clientId, "runai:clientSecret": app.secret };
    const scoped = providerFor("ConfigMapAsset") as Provider;
    await scoped.configure({ config: { get: (key: string) => own[key as keyof typeof own] } } as never);
    expect((await emulator.call("GET", `${PROJECTS}/1002`, { token: app.token })).status).toBe(403);
    const elsewhere = { ...KIND_FIXTURES.ConfigMapAsset.args("cm"), meta: { name: "cm", scope: "project", projectId: 1002 } };
    expect(((await scoped.check({}, elsewhere)) as { failures: unknown[] }).failures).toEqual([]);
    await provider("ConfigMapAsset"); // back to the admin's configuration
  });

  it("refuses a project that is being deleted", async () => {
    const id = await handMadeProject("leaving");
    await emulator.forceProjectPhase(id, { phase: "Deleting" });
    const news = { ...KIND_FIXTURES.ConfigMapAsset.args("cm"), meta: { name: "cm", scope: "project", projectId: Number(id) } };
    expect(await reasons("ConfigMapAsset", news)).toEqual([
      `meta.projectId: project "leaving" (${id}) is being deleted and takes nothing new`,
    ]);
  });

  it("wrote nothing but the hand-made project, application and rule", async () => {
    expect(await emulator.writeCount()).toBe(3);
  });

  it("reads each scope once per provider process, whichever kind names it", async () => {
    const id = await handMadeProject("shared-scope");
    await emulator.resetCounters();
    const assets = Array.from({ length: 200 }, (_, index) => ({
      ...KIND_FIXTURES.ConfigMapAsset.args(`cm-${index}`),
      meta: { name: `cm-${index}`, scope: "project", projectId: Number(id) },
    }));
    const checked = await Promise.all(assets.map((news) => reasons("ConfigMapAsset", news)));
    expect(checked.flat()).toEqual([]);
    expect(await reasons("AccessRule", { ...KIND_FIXTURES.AccessRule.args("rule"), scopeType: "project", scopeId: id })).toEqual([]);
    expect((await emulator.counters())["GET /api/v1/org-unit/projects/{projectId}"]).toEqual({ "200": 1 });
  });
});

describe("an asset whose project was deleted elsewhere", () => {
  let projectId: string;
  let created: { id: string; outs: Json };
  let news: Json;
  beforeAll(async () => {
    projectId = await handMadeProject("doomed");
    news = { meta: { name: "orphan", scope: "project", projectId: Number(projectId) }, spec: { configMap: "orphan", mountPath: "/etc/o" } };
    created = (await (await provider("ConfigMapAsset")).create(news)) as typeof created;
    await deleteProject(projectId);
  });

  it("stays in Run:ai, and refresh marks it with its missing scope and says so", async () => {
    expect((await emulator.api("GET", `${CONFIG_MAPS}/${created.id}`)).body.meta.projectId).toBe(Number(projectId));
    let read: Json = {};
    const written = await stderrOf(async () => {
      read = (await (await provider("ConfigMapAsset")).read(created.id, created.outs)) as Json;
    });
    expect(read).toMatchObject({ id: created.id, props: { missingScope: `project ${projectId}` } });
    expect(written).toBe(
      `warning: ConfigMap asset "orphan" is in project ${projectId}, which Run:ai no longer has (deleted elsewhere?): the next ` +
        `pulumi up replaces it where the program says, and stops at preview while the program still names project ${projectId}\n`,
    );
    const moved = { ...news, meta: { ...news.meta, projectId: 1001 } };
    expect(await (await provider("ConfigMapAsset")).diff(created.id, read.props, moved)).toEqual({
      changes: true,
      replaces: ["meta"],
      deleteBeforeReplace: true,
    });
    // Even with the program unchanged (check then refuses the deleted project), it is no longer "the same".
    expect(await (await provider("ConfigMapAsset")).diff(created.id, read.props, news)).toMatchObject({
      changes: true,
      replaces: ["meta"],
    });
  });

  it("is refused at check while the program still names the deleted project", async () => {
    expect(await reasons("ConfigMapAsset", news)).toEqual([`meta.projectId: no project has id "${projectId}" in Run:ai; ${PROJECT_HINT}`]);
  });
});

describe("quotas against the department's", () => {
  const project = (gpus: number) => ({
    name: "greedy",
    clusterId: CLUSTER,
    departmentId: "101",
    resources: [{ nodePool: { name: "default" }, gpu: { deserved: gpus }, cpu: { deserved: 64000 } }],
  });

  it("warns where a project is promised more of a node pool than its department has (Run:ai over-subscribes)", async () => {
    let found: string[] = [];
    const written = await stderrOf(async () => {
      found = await reasons("Project", project(12));
    });
    expect(found).toEqual([]);
    expect(written).toBe(
      'warning: Project "greedy": its GPU quota on node pool "default" (12) is above department "research"\'s (8); ' +
        "Run:ai over-subscribes the department, so its projects compete for it\n",
    );
  });

  it("says nothing when the department covers the project", async () => {
    expect(await stderrOf(() => reasons("Project", project(2)))).toBe("");
  });
});
