// The look-ups' example of the docs (examples/lookups/, shown in docs/lookups.md) runs as a user
// runs it: the TypeScript program with the dynamic package's look-ups and the YAML program with the
// runai plugin's functions, against one emulator at the same time. Both find the seeded tenant's
// objects by name and export the same ids; a second look changes nothing.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SEED_ORGANISATION } from "../../src/emulator/state/seed";
import { EmulatorHarness } from "../support/emulator";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const example = path.join(repoRoot, "examples/lookups");

/** What both programs export: the ids of research-cluster, the research department, team-a, the a100 pool and the ML engineer role. */
const expected = {
  clusterId: SEED_ORGANISATION.clusterId,
  departmentId: SEED_ORGANISATION.departments.find(({ name }) => name === "research")!.id,
  projectId: String(SEED_ORGANISATION.projects.find(({ name }) => name === "team-a")!.id),
  nodePoolId: "2",
  roleId: 7,
};

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
});
afterAll(async () => {
  await emulator?.stop();
});

async function runExample(stack: TestStack) {
  try {
    await stack.up();
    expect(await stack.outputs()).toEqual(expected);
    await stack.preview({ expectNoChanges: true });
    await stack.destroy();
  } finally {
    await stack.cleanup();
  }
}

it("TypeScript: examples/lookups/index.ts exports the seeded objects' ids and changes nothing on preview", async () => {
  await runExample(await TestStack.create({ program: example, config: emulator.stackConfig() }));
}, 600_000);

it("YAML: examples/lookups/yaml/Pulumi.yaml exports the same ids through the runai plugin's functions", async () => {
  // The program beside a node_modules of its own, where its `plugins:` path looks one folder up.
  const program = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-lookups-yaml-"));
  try {
    const yaml = fs.readFileSync(path.join(example, "yaml/Pulumi.yaml"), "utf8");
    fs.writeFileSync(path.join(program, "Pulumi.yaml"), yaml.replace("path: ../node_modules/", "path: node_modules/"));
    await runExample(await TestStack.create({ program, config: emulator.stackConfig() }));
  } finally {
    fs.rmSync(program, { recursive: true, force: true });
  }
}, 600_000);
