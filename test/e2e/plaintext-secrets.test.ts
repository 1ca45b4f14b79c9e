// A client secret stored as plain text in the stack's config file (`pulumi config set` without
// `--secret`): `pulumi up` warns exactly once, however many resources the program declares, says how
// to store it encrypted, and never shows the value; set with `--secret`, no warning.
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

const program = path.join(__dirname, "programs/lifecycle");
const WARNING =
  "runai:clientSecret is stored in plain text in Pulumi.test.yaml; set it with `pulumi config set --secret runai:clientSecret <value>`";

const configMap = (name: string) => ({
  type: "ConfigMapAsset",
  args: { meta: { name, scope: "project", projectId: 1001 }, spec: { configMap: name, mountPath: "/etc/config" } },
});

let emulator: EmulatorHarness;
let stack: TestStack;
beforeAll(async () => {
  // A secret of its own, so that finding it in the output means this test's value leaked.
  emulator = await EmulatorHarness.start({ adminClientSecret: "plaintext-admin-secret-3e7b" });
  const config = { ...emulator.stackConfig(), "runai:clientSecret": { value: emulator.emulator.adminClientSecret, secret: false } };
  stack = await TestStack.create({ program, config });
  await stack.setConfig(
    "lifecycle:resources",
    JSON.stringify({
      "plain-a": configMap("plain-a"),
      "plain-b": configMap("plain-b"),
      "plain-app": { type: "Application", args: { name: "plain-app" } },
    }),
  );
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

const count = (text: string, part: string) => text.split(part).length - 1;

it("up warns once about a plain-text runai:clientSecret, without its value", async () => {
  const { stdout, stderr } = await stack.up();
  const output = `${stdout}\n${stderr}`;
  expect(stdout).toContain("+ 4 created");
  // The progress lines show each diagnostic as it comes and the Diagnostics section once more.
  const diagnostics = output.slice(output.indexOf("\nDiagnostics:"));
  expect(count(diagnostics, WARNING)).toBe(1);
  expect(output).not.toContain(emulator.emulator.adminClientSecret);
});

it("set with --secret, no warning", async () => {
  await stack.setConfig("runai:clientSecret", emulator.emulator.adminClientSecret, true);
  const { stdout, stderr } = await stack.preview({ expectNoChanges: true });
  expect(`${stdout}\n${stderr}`).not.toContain("plain text");
});
