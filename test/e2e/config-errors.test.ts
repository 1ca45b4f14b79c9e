// Configuration errors through a real `pulumi preview` of several resources: a missing runai:url, an
// http:// URL to a remote host and a wrong client secret each fail the preview once, up front, with
// the message naming the settings to fix, and nothing reaches Run:ai's write endpoints.
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

const program = path.join(__dirname, "programs/lifecycle");
const WRONG_SECRET = "wrong-secret-8d2c41";

const configMap = (name: string) => ({
  type: "ConfigMapAsset",
  args: { meta: { name, scope: "project", projectId: 1001 }, spec: { configMap: name, mountPath: "/etc/config" } },
});
const RESOURCES = {
  "first-config": configMap("first-config"),
  "second-config": configMap("second-config"),
  "ci-app": { type: "Application", args: { name: "config-errors-app" } },
  "viewer-rule": {
    type: "AccessRule",
    args: { subjectType: "user", subjectId: "viewer@example.com", role: "Viewer", scopeType: "project", scopeId: "1001" },
  },
};

let emulator: EmulatorHarness;
let stack: TestStack;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({ program, config: emulator.stackConfig() });
  await stack.setConfig("lifecycle:resources", JSON.stringify(RESOURCES));
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

/** Runs a preview that must fail; returns its whole output. */
async function failingPreview(): Promise<string> {
  await emulator.resetCounters();
  const preview = await stack.preview({}, { allowFailure: true });
  expect(preview.code).not.toBe(0);
  return `${preview.stdout}\n${preview.stderr}`;
}

/** How often `text` occurs in the output's Diagnostics section (the progress lines show each diagnostic as it comes, too). */
const diagnosed = (output: string, text: string) => output.slice(output.indexOf("\nDiagnostics:")).split(text).length - 1;

it.each<[string, (s: TestStack) => Promise<unknown>, string]>([
  [
    "no runai:url",
    (s) => s.removeConfig("runai:url"),
    "missing Run:ai URL: set it with `pulumi config set runai:url https://<tenant>.run.ai` or the RUNAI_URL environment variable",
  ],
  [
    "runai:url http://example.com",
    (s) => s.setConfig("runai:url", "http://example.com"),
    'runai:url (or the RUNAI_URL environment variable) uses http:// for the non-loopback host "example.com": credentials would travel in clear text. Use https://, or set runai:allowInsecureHttp to true if you really mean it',
  ],
  [
    "a wrong runai:clientSecret",
    async (s) => {
      await s.setConfig("runai:url", emulator.url);
      await s.setConfig("runai:clientSecret", WRONG_SECRET, true);
    },
    "Run:ai refused the client credentials of runai:clientId and runai:clientSecret (or the RUNAI_CLIENT_ID and " +
      "RUNAI_CLIENT_SECRET environment variables): POST /api/v1/token → 401: invalid client credentials. Check the client id, " +
      "and set the secret with `pulumi config set --secret runai:clientSecret <secret>`",
  ],
])("%s: preview fails once, with the message, and writes nothing", async (_case, misconfigure, message) => {
  await misconfigure(stack);
  const output = await failingPreview();
  expect(diagnosed(output, `has a problem: ${message}`)).toBe(1);
  expect(output).toMatch(/^\s+1 errored$/m);
  expect(output).not.toContain(WRONG_SECRET);
  expect(await emulator.writeCount()).toBe(0);
});

it("previews once the settings are right again", async () => {
  await stack.setConfig("runai:clientSecret", emulator.emulator.adminClientSecret, true);
  const preview = await stack.preview();
  expect(preview.stdout).toContain("+ 5 to create");
});
