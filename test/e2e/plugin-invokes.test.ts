// The look-ups as functions of the runai plugin, through a Pulumi YAML program: `fn::invoke` of
// `runai:index:getCluster`, `getProject`, `getNodePool` and `getRole` feed an access rule, the list
// form `getProjects` answers a department's projects, and a name that does not exist fails the
// preview with the TypeScript look-up's own message.
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

/** The emulator's one cluster, "research-cluster" (src/emulator/README.md). */
const clusterUuid = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";

let emulator: EmulatorHarness;
let stack: TestStack;

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({
    program: path.join(__dirname, "programs/yaml-invokes"),
    config: { ...emulator.stackConfig(), projectName: "team-b" },
  });
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

it("looks up the cluster, a project, a node pool and a role by name, gives that role in that project, and lists a department's projects", async () => {
  const up = await stack.up();
  expect(up.stdout).toContain("+ 2 created");
  const outputs = await stack.outputs();
  const roles = (await emulator.api("GET", "/api/v1/authorization/roles")).body as { id: number; name: string }[];
  const viewerRoleId = roles.find((role) => role.name === "Viewer")!.id;
  expect(outputs).toEqual({
    clusterId: clusterUuid,
    projectId: "1002",
    projectName: "team-b",
    poolId: "2",
    platformProject: "team-c",
    ruleScopeId: "1002",
    ruleRoleId: viewerRoleId,
  });
  await stack.destroy();
});

it("fails the preview of a project name that does not exist with the look-up's message, and writes nothing", async () => {
  await stack.setConfig("projectName", "team-z");
  await emulator.resetCounters();
  const preview = await stack.preview({}, { allowFailure: true });
  expect(preview.code).not.toBe(0);
  expect(`${preview.stdout}\n${preview.stderr}`).toContain(
    `getProject: no project is named "team-z" in cluster ${clusterUuid}; there: "team-a", "team-b", "team-c"`,
  );
  expect(await emulator.writeCount()).toBe(0);
});
