// examples/cluster-exports and examples/team-assets through the real pulumi CLI: two stacks of two
// projects in one file:// backend, against one emulator. The team stack reads the cluster stack's
// exports through pulumi.StackReference; a changed export reaches the team's assets on its next `up`.
import * as path from "node:path";
import { CONFIG_MAPS, EmulatorHarness, ENVIRONMENTS } from "../support/emulator";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const CLUSTER_STACK = "organization/runai-cluster/dev";
const CLUSTER_ID = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31"; // the emulator's seeded cluster

let emulator: EmulatorHarness;
let cluster: TestStack;
let team: TestStack;

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  cluster = await TestStack.create({
    program: path.join(repoRoot, "examples/cluster-exports"),
    stackName: CLUSTER_STACK,
    config: { projectIds: JSON.stringify({ vision: 1001, language: 1003 }) },
  });
  team = await TestStack.create({
    program: path.join(repoRoot, "examples/team-assets"),
    stackName: "organization/runai-team-assets/dev",
    shareBackendWith: cluster,
    // clusterStack is left to its default: the same-named stack of the runai-cluster project.
    config: { ...emulator.stackConfig(), team: "vision" },
  });
});
afterAll(async () => {
  await team?.cleanup(); // first: its state lives in the cluster stack's backend
  await cluster?.cleanup();
  await emulator?.stop();
});

/** The project and cluster each of the team's assets is in, as the emulator has them. */
async function placement(outputs: Record<string, unknown>) {
  const configMap = await emulator.api("GET", `${CONFIG_MAPS}/${String(outputs.trainingConfigId)}`);
  const environment = await emulator.api("GET", `${ENVIRONMENTS}/${String(outputs.notebookEnvironmentId)}`);
  return [configMap, environment].map(({ status, body }) => ({
    status,
    projectId: body?.meta?.projectId,
    clusterId: body?.meta?.clusterId,
  }));
}

describe("a team stack on a cluster stack's exports", () => {
  let first: Record<string, unknown>;

  it("declares the team's assets in the project and cluster the cluster stack exports", async () => {
    await cluster.up();
    await team.up();
    first = await team.outputs();
    expect(first).toMatchObject({ teamProjectId: 1001, trainingConfigProject: "team-a" });
    expect(await placement(first)).toEqual([
      { status: 200, projectId: 1001, clusterId: CLUSTER_ID },
      { status: 200, projectId: 1001, clusterId: CLUSTER_ID },
    ]);
  });

  it("replaces the assets into the team's new project once the cluster stack exports it", async () => {
    await cluster.setConfig("projectIds", JSON.stringify({ vision: 1002, language: 1003 }));
    await cluster.up();
    expect((await cluster.outputs()).projectIds).toEqual({ vision: 1002, language: 1003 });

    const { stdout } = await team.up();
    expect(stdout).toContain("+-2 replaced");
    const moved = await team.outputs();
    expect(moved).toMatchObject({ teamProjectId: 1002, trainingConfigProject: "team-b" });
    expect(moved.trainingConfigId).not.toBe(first.trainingConfigId);
    expect(moved.notebookEnvironmentId).not.toBe(first.notebookEnvironmentId);
    expect(await placement(moved)).toEqual([
      { status: 200, projectId: 1002, clusterId: CLUSTER_ID },
      { status: 200, projectId: 1002, clusterId: CLUSTER_ID },
    ]);
    expect((await placement(first)).map((p) => p.status)).toEqual([404, 404]);

    await team.preview({ expectNoChanges: true });
  });
});
