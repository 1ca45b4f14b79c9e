// examples/team-onboarding through the real CLI: look-ups instead of ids, a department, a project
// with a GPU quota, a CI application with a role in the project only, and a first asset. The
// application's own credentials work where the rule allows and nowhere else; a quota change is in
// place; a new role replaces the rule with no moment without access; bad names fail at preview.
import * as path from "node:path";
import { ACCESS_RULES, CONFIG_MAPS, DEPARTMENTS, PROJECTS } from "../support/emulator";
import type { EmulatorHarness } from "../support/emulator";
import { startEmulatorStack, stopEmulatorStack } from "../support/emulator-stack";
import { repoRoot } from "../support/pulumi-stack";
import type { TestStack } from "../support/pulumi-stack";

const CLUSTER = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
type Json = Record<string, any>;

let emulator: EmulatorHarness;
let stack: TestStack;
let outputs: Json;
let appToken: string;

beforeAll(async () => {
  ({ emulator, stack } = await startEmulatorStack(path.join(repoRoot, "examples/team-onboarding")));
});
afterAll(() => stopEmulatorStack({ emulator, stack }));

/** A ConfigMap asset in a project, as the CI application would create it. */
const configMap = (projectId: number, name: string) => ({
  meta: { name, scope: "project", projectId },
  spec: { configMap: name, mountPath: "/etc/ci" },
});

it("creates the team's department, project, application, access rule and asset from looked-up ids", async () => {
  expect((await stack.up()).stdout).toContain("+ 6 created"); // five resources and the stack
  outputs = await stack.outputs({ showSecrets: true });
  expect(outputs).toMatchObject({ clusterUuid: CLUSTER, namespace: "runai-vision" });
  const project = (await emulator.api("GET", `${PROJECTS}/${outputs.projectId}`)).body;
  expect(project).toMatchObject({ name: "vision", parentId: outputs.departmentId, status: { phase: "Ready" } });
  expect(project.resources).toEqual([
    expect.objectContaining({ nodePool: { id: "1", name: "default" }, gpu: expect.objectContaining({ deserved: 4, limit: 8 }) }),
  ]);
  await stack.preview({ expectNoChanges: true, refresh: true });
});

it("lets the application, with its own exported credentials, create assets in its project and nowhere else", async () => {
  const { clientId, clientSecret } = outputs.ciCredentials as { clientId: string; clientSecret: string };
  appToken = (await emulator.tryToken(clientId, clientSecret)) as string;
  expect(appToken).toBeDefined();

  const own = await emulator.call("POST", CONFIG_MAPS, { token: appToken, body: configMap(Number(outputs.projectId), "ci-made") });
  expect(own.status).toBe(202);
  const elsewhere = await emulator.call("POST", CONFIG_MAPS, { token: appToken, body: configMap(1001, "ci-made") });
  expect(elsewhere.status).toBe(403);
  // Its own asset is its to remove too.
  expect((await emulator.call("DELETE", `${CONFIG_MAPS}/${own.body.meta.id}`, { token: appToken })).status).toBe(202);
});

it("changes the GPU quota in place, keeping the project", async () => {
  await stack.setConfig("gpus", "6");
  const up = await stack.up();
  expect(up.stdout).toContain("~ 2 updated"); // the department's quota and the project's
  expect((await stack.outputs()).projectId).toBe(outputs.projectId);
  const project = (await emulator.api("GET", `${PROJECTS}/${outputs.projectId}`)).body;
  expect(project.resources[0].gpu).toMatchObject({ deserved: 6, limit: 12 });
  await stack.preview({ expectNoChanges: true });
});

it("replaces the access rule for a new role, the new rule first: the application is never without a role", async () => {
  await stack.setConfig("ciRole", "Editor");
  const rulesOfApp = async () =>
    ((await emulator.api("GET", `${ACCESS_RULES}?subjectType=app&subjectIds=vision-ci`)).body.accessRules as Json[]).map((r) => r.roleName);
  const seen: string[][] = [];
  let running = true;
  const sampler = (async () => {
    while (running) seen.push(await rulesOfApp());
  })();
  const up = await stack.up();
  running = false;
  await sampler;
  expect(up.stdout).toContain("+-1 replaced");
  expect(up.stdout.indexOf("vision-ci-ml-engineer creating replacement")).toBeLessThan(
    up.stdout.indexOf("vision-ci-ml-engineer deleting original"),
  );
  expect(seen.length).toBeGreaterThan(3);
  expect(seen.filter((roles) => roles.length === 0)).toEqual([]);
  expect(seen.some((roles) => roles.length === 2)).toBe(true); // both, for a moment
  expect(await rulesOfApp()).toEqual(["Editor"]);
});

it("fails at preview, writing nothing, for a role or a cluster that does not exist", async () => {
  await emulator.resetCounters();
  await stack.setConfig("ciRole", "ML enginer");
  const badRole = await stack.preview({}, { allowFailure: true });
  expect(badRole.code).not.toBe(0);
  expect(badRole.stdout).toContain(
    `error: pulumi-nodejs:dynamic/runai:AccessRule resource 'vision-ci-ml-engineer' has a problem: role: no role is named "ML enginer"; roles: `,
  );
  await stack.setConfig("ciRole", "Editor");

  await stack.setConfig("cluster", "production");
  const badCluster = await stack.preview({}, { allowFailure: true });
  expect(`${badCluster.stdout}\n${badCluster.stderr}`).toContain('getCluster: no cluster is named "production"; there: "research-cluster"');
  // The message alone: no JavaScript frame ("at exactlyOne (…/lookups.js:72:11)") after it.
  expect(`${badCluster.stdout}\n${badCluster.stderr}`).not.toMatch(/\sat (?:\S+ )?\(?(?:\/|node:)\S*:\d+:\d+\)?$/m);
  await stack.removeConfig("cluster");
  expect(await emulator.writeCount()).toBe(0);
});

it("destroys everything: the application's credentials stop working and nothing is left", async () => {
  expect((await stack.destroy()).stdout).toContain("- 6 deleted");
  expect((await emulator.call("GET", CONFIG_MAPS, { token: appToken })).status).toBe(401);
  expect((await emulator.api("GET", `${PROJECTS}/${outputs.projectId}`)).status).toBe(404);
  expect((await emulator.api("GET", `${DEPARTMENTS}/${outputs.departmentId}`)).status).toBe(404);
  expect((await emulator.api("GET", `${CONFIG_MAPS}/${outputs.trainingConfigId}`)).status).toBe(404);
  expect((await emulator.api("GET", `${ACCESS_RULES}?subjectType=app&subjectIds=vision-ci`)).body.accessRules).toEqual([]);
  expect(await emulator.statusCount(400)).toBe(0);
});
