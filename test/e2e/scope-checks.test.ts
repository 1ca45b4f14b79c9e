// Scope ids that name nothing, through a real `pulumi preview`: each kind that carries one fails the
// preview with the field named, prints no stack frame and writes nothing. A project promised more
// GPUs than its department has previews with a warning line (Run:ai over-subscribes) and no error.
import * as path from "node:path";
import type { EmulatorHarness } from "../support/emulator";
import { startEmulatorStack, stopEmulatorStack } from "../support/emulator-stack";
import type { TestStack } from "../support/pulumi-stack";

const CLUSTER = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
const program = path.join(__dirname, "programs/lifecycle");
const STACK_FRAME = /\sat (?:\S+ )?\(?(?:\/|node:)\S*:\d+:\d+\)?$/m;

let emulator: EmulatorHarness;
let stack: TestStack;
beforeAll(async () => {
  ({ emulator, stack } = await startEmulatorStack(program));
});
afterAll(() => stopEmulatorStack({ emulator, stack }));

it.each<[string, string, Record<string, unknown>, string]>([
  [
    "an asset's project",
    "ConfigMapAsset",
    { meta: { name: "cm", scope: "project", projectId: 4242 }, spec: { configMap: "cm", mountPath: "/etc/cm" } },
    `meta.projectId: no project has id "4242" in Run:ai; getProject({ name, clusterId }) gives a project's id by its name`,
  ],
  [
    "a credential's department",
    "PasswordCredential",
    { meta: { name: "pw", scope: "department", departmentId: "999" }, spec: { user: "ci", password: "hunter2" } },
    `meta.departmentId: no department has id "999" in Run:ai; getDepartment({ name, clusterId }) gives a department's id by its name`,
  ],
  [
    "an access rule's project",
    "AccessRule",
    { subjectType: "user", subjectId: "a@example.com", role: "Viewer", scopeType: "project", scopeId: "4242" },
    `scopeId: no project has id "4242" in Run:ai; getProject({ name, clusterId }) gives a project's id by its name`,
  ],
  [
    "a project's department",
    "Project",
    { name: "orphan", clusterId: CLUSTER, departmentId: "999" },
    `departmentId: no department has id "999" in Run:ai; getDepartment({ name, clusterId }) gives a department's id by its name`,
  ],
])("%s that names nothing fails the preview, writing nothing", async (_case, type, args, reason) => {
  await stack.setConfig("lifecycle:resources", JSON.stringify({ scoped: { type, args } }));
  await emulator.resetCounters();
  const preview = await stack.preview({}, { allowFailure: true });
  expect(preview.code).not.toBe(0);
  expect(preview.stdout).toContain(`error: pulumi-nodejs:dynamic/runai:${type} resource 'scoped' has a problem: ${reason}`);
  expect(`${preview.stdout}\n${preview.stderr}`).not.toMatch(STACK_FRAME);
  expect(await emulator.writeCount()).toBe(0);
});

it("warns at preview about a project promised more GPUs than its department has", async () => {
  const project = {
    name: "greedy",
    clusterId: CLUSTER,
    departmentId: "101",
    resources: [{ nodePool: { name: "default" }, gpu: { deserved: 12 } }],
  };
  await stack.setConfig("lifecycle:resources", JSON.stringify({ greedy: { type: "Project", args: project } }));
  const preview = await stack.preview();
  expect(preview.stdout).toContain(
    'warning: Project "greedy": its GPU quota on node pool "default" (12) is above department "research"\'s (8); ' +
      "Run:ai over-subscribes the department, so its projects compete for it",
  );
  expect(preview.stdout).toContain("+ 2 to create");
});
