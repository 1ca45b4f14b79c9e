// Configuration errors through a real `pulumi preview` of several resources: a missing runai:url, an
// http:// URL to a remote host, a wrong client secret, and a runai:url that cannot be reached (a
// closed port, https:// to a plain-HTTP server, a host name that does not resolve) each fail the
// preview once, up front, with the message naming the settings to fix, and nothing reaches Run:ai's
// write endpoints.
import * as path from "node:path";
import type { EmulatorHarness } from "../support/emulator";
import { startEmulatorStack, stopEmulatorStack } from "../support/emulator-stack";
import { closedPort } from "../support/http-server";
import type { TestStack } from "../support/pulumi-stack";

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
  ({ emulator, stack } = await startEmulatorStack(program));
  await stack.setConfig("lifecycle:resources", JSON.stringify(RESOURCES));
});
afterAll(() => stopEmulatorStack({ emulator, stack }));

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

const SETTING = "(runai:url, or the RUNAI_URL environment variable)";

it.each<[string, () => Promise<string>, (url: string) => string]>([
  [
    "runai:url at a closed loopback port",
    closedPort,
    (url) =>
      `cannot reach Run:ai at ${url} ${SETTING}: the connection was refused (POST /api/v1/token: ECONNREFUSED). ` +
      "Check the URL's host and port, and that the control plane is running",
  ],
  [
    "an https:// runai:url to the emulator's plain-HTTP port",
    async () => emulator.url.replace(/^http:/, "https:"),
    (url) =>
      `cannot reach Run:ai at ${url} ${SETTING}: the TLS handshake failed (POST /api/v1/token: EPROTO). ` +
      "Is the URL's scheme right? The server does not speak TLS on that port: use http:// if it serves plain HTTP",
  ],
  [
    "a runai:url whose host name does not resolve",
    async () => "https://runai.nonexistent.invalid",
    (url) =>
      `cannot reach Run:ai at ${url} ${SETTING}: the host name "runai.nonexistent.invalid" does not resolve (POST /api/v1/token: ENOTFOUND). ` +
      "Check the URL's host name (a typo? a name that only a VPN or a private DNS knows?)",
  ],
])("%s: preview fails in under 10 s, once, naming the setting, and writes nothing", async (_case, address, message) => {
  const url = await address();
  // The CLI's and the language host's own start-up are in every preview, and take seconds more on a
  // loaded machine: measured on a preview that fails on a setting without any request, just before.
  await stack.setConfig("runai:url", "not a url");
  const baselineStarted = Date.now();
  await failingPreview();
  const baseline = Date.now() - baselineStarted;
  await stack.setConfig("runai:url", url);
  const started = Date.now();
  const output = await failingPreview();
  // What the unreachable URL adds is seconds at most, not the retry budget (60 s by default).
  expect(Date.now() - started - baseline).toBeLessThan(10_000);
  expect(diagnosed(output, `has a problem: ${message(url)}`)).toBe(1);
  expect(output).toMatch(/^\s+1 errored$/m);
  expect(output).not.toContain("retrying");
  expect(await emulator.writeCount()).toBe(0);
});

it("previews once the settings are right again", async () => {
  await stack.setConfig("runai:url", emulator.url);
  await stack.setConfig("runai:clientSecret", emulator.emulator.adminClientSecret, true);
  const preview = await stack.preview();
  expect(preview.stdout).toContain("+ 5 to create");
});

it("a call that waits to retry says so once, in the CLI's output", async () => {
  await emulator.setFaults([{ method: "POST", route: "/api/v1/token", errorRate: 1, errorStatus: 503, retryAfterSeconds: 1, times: 2 }]);
  try {
    const preview = await stack.preview();
    const notice =
      "pulumi-runai: POST /api/v1/token → 503: injected fault: service unavailable; retrying (attempt 2 in 1 s; giving up after 60 s)";
    expect(diagnosed(preview.stdout, notice)).toBe(1);
    expect(preview.stdout).toContain("+ 5 to create");
  } finally {
    await emulator.clearFaults();
  }
});
