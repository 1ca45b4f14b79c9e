// An asset whose project another stack (here: a person, through the API) deletes, through the real
// CLI: the program's look-up of the project fails the preview with its message alone; `pulumi
// refresh` reports the asset left in the deleted project; `pulumi up` stops at preview, writing
// nothing, while the program still names that project, and replaces the asset once it names another.
// No output of any of these commands holds a JavaScript stack frame, nor does a failed delete's.
import * as path from "node:path";
import { CONFIG_MAPS, PROJECTS } from "../support/emulator";
import type { EmulatorHarness } from "../support/emulator";
import { startEmulatorStack, stopEmulatorStack } from "../support/emulator-stack";
import type { CommandResult, TestStack } from "../support/pulumi-stack";

const CLUSTER = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
const TYPE = "pulumi-nodejs:dynamic/runai:ConfigMapAsset";
/** A line of a JavaScript stack trace, e.g. "    at exactlyOne (/…/lookups.js:72:11)". */
const STACK_FRAME = /\sat (?:\S+ )?\(?(?:\/|node:)\S*:\d+:\d+\)?$/m;

let emulator: EmulatorHarness;
let stack: TestStack;
let doomedId: string;
let assetId: string;
/** The asset's id once replaced in the project the program names last. */
let replacedId: string;

beforeAll(async () => {
  ({ emulator, stack } = await startEmulatorStack(path.join(__dirname, "programs/scoped-asset")));
});
// No destroy at the end: the last test deletes the asset itself, and the emulator goes with everything in it.
afterAll(async () => {
  await stack?.cleanup({ destroy: false });
  await stopEmulatorStack({ emulator });
});

const output = (result: CommandResult) => `${result.stdout}\n${result.stderr}`;

/** A project of department 101, made by hand. */
async function handMadeProject(name: string): Promise<string> {
  const created = await emulator.api("POST", PROJECTS, { name, clusterId: CLUSTER, parentId: "101", resources: [] });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

it("creates the asset in a project looked up by name", async () => {
  doomedId = await handMadeProject("doomed");
  // Each up sets the config it changes itself (`--config`): no `config set` process first.
  await stack.up(["--config", "scoped:projectName=doomed"]);
  const outputs = await stack.outputs();
  assetId = outputs.id as string;
  expect(outputs.assetProjectId).toBe(Number(doomedId));
});

it("fails the preview with the look-up's message alone once the project is deleted elsewhere", async () => {
  expect((await emulator.api("DELETE", `${PROJECTS}/${doomedId}`)).status).toBe(202);
  for (let attempt = 0; attempt < 100 && (await emulator.api("GET", `${PROJECTS}/${doomedId}`)).status !== 404; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // What Run:ai does with the assets of a deleted project is not in the contract; the emulator keeps them.
  expect((await emulator.api("GET", `${CONFIG_MAPS}/${assetId}`)).body.meta.projectId).toBe(Number(doomedId));

  const preview = await stack.preview({}, { allowFailure: true });
  expect(preview.code).not.toBe(0);
  expect(preview.stdout).toContain(
    `error: error serializing property "meta": getProject: no project is named "doomed" in cluster ${CLUSTER}; there: "team-a", "team-b", "team-c"`,
  );
  expect(output(preview)).not.toMatch(STACK_FRAME);
});

it("reports at refresh the asset left in the deleted project", async () => {
  const refresh = await stack.refresh();
  expect(refresh.stdout).toContain(`~  ${TYPE} team-config updated`);
  expect(refresh.stdout).toContain(
    `warning: ConfigMap asset "team-config" is in project ${doomedId}, which Run:ai no longer has (deleted elsewhere?): the next ` +
      `pulumi up replaces it where the program says, and stops at preview while the program still names project ${doomedId}`,
  );
  expect(output(refresh)).not.toMatch(STACK_FRAME);
  const [asset] = await stack.resourcesOfType(TYPE);
  expect(asset.outputs).toMatchObject({ missingScope: `project ${doomedId}` });
});

it("stops the up at preview, writing nothing, while the program names the deleted project by id", async () => {
  await stack.removeConfig("scoped:projectName");
  await emulator.resetCounters();
  const up = await stack.up(["--config", `scoped:projectId=${doomedId}`], { allowFailure: true });
  expect(up.code).not.toBe(0);
  expect(up.stdout).toContain(
    `error: ${TYPE} resource 'team-config' has a problem: meta.projectId: no project has id "${doomedId}" in Run:ai; ` +
      "getProject({ name, clusterId }) gives a project's id by its name",
  );
  expect(output(up)).not.toMatch(STACK_FRAME);
  expect(await emulator.writeCount()).toBe(0);
});

it("replaces the asset in the project the program names now, and then converges", async () => {
  const rebuiltId = await handMadeProject("rebuilt");
  await stack.removeConfig("scoped:projectId");
  expect((await stack.up(["--config", "scoped:projectName=rebuilt"])).stdout).toContain("+-1 replaced");
  const outputs = await stack.outputs();
  replacedId = outputs.id as string;
  expect(outputs.assetProjectId).toBe(Number(rebuiltId));
  expect((await emulator.api("GET", `${CONFIG_MAPS}/${assetId}`)).status).toBe(404);
  expect((await emulator.api("GET", `${CONFIG_MAPS}/${outputs.id as string}`)).body.meta).toMatchObject({
    name: "team-config",
    projectId: Number(rebuiltId),
  });
  await stack.preview({ refresh: true, expectNoChanges: true });
});

it("fails a delete the cluster reports failed with its message alone", async () => {
  const id = replacedId;
  await emulator.forceStatus(id, { status: "Deletion failed", message: "the namespace is stuck" });
  const destroy = await stack.destroy([], { allowFailure: true });
  expect(destroy.code).not.toBe(0);
  expect(destroy.stdout).toContain(
    `error: ConfigMap asset "team-config" (${id}): the cluster reported "Deletion failed": the namespace is stuck`,
  );
  expect(output(destroy)).not.toMatch(STACK_FRAME);
  await emulator.api("DELETE", `${CONFIG_MAPS}/${id}`);
});
