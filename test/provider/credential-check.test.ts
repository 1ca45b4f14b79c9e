// The settings and the credentials are checked at `check`, once per provider process: a missing or
// insecure URL, credentials Run:ai refuses and a URL that cannot be reached fail the first check with
// a message naming the settings to fix, before anything is written; accepted credentials cost one
// token request, and the token is the one every later request of the run uses.
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { checkCredentials } from "../../src/provider/credential-check";
import { ProviderConfigError } from "../../src/provider/errors";
import { caught } from "../support/async";
import { EmulatorHarness, TOKEN } from "../support/emulator";
import { closedPort } from "../support/http-server";

type Json = Record<string, any>;

const CLIENT_CREDENTIALS_REFUSED =
  "Run:ai refused the client credentials of runai:clientId and runai:clientSecret (or the RUNAI_CLIENT_ID and " +
  "RUNAI_CLIENT_SECRET environment variables): POST /api/v1/token → 401: invalid client credentials. Check the client id, " +
  "and set the secret with `pulumi config set --secret runai:clientSecret <secret>`";
const WRONG_SECRET = "not-the-secret-5f1e";

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
});
afterAll(() => emulator?.stop());
afterEach(() => clearTokenCache());

const configMap = (name: string): Json => ({
  meta: { name, scope: "project", projectId: 1001 },
  spec: { configMap: name, mountPath: "/etc/config" },
});

/** A provider configured the way the engine's configure() does, with this stack config. */
async function configured(type: string, config: Record<string, string>) {
  const provider = providerFor(type) as Required<ReturnType<typeof providerFor>>;
  await provider.configure({ config: { get: (key: string) => config[key] } } as never);
  return provider;
}

async function reasons(type: string, config: Record<string, string>, news: Json): Promise<string[]> {
  const provider = await configured(type, config);
  const result = (await provider.check({}, news)) as { failures: { property: string; reason: string }[] };
  return result.failures.map((f) => f.reason);
}

const admin = () => ({
  ...emulator.adminSettings(),
  // A setting of its own, so that this test's client is not one another test already checked.
  "runai:requestTimeoutSeconds": "41",
});

const tokenRequests = async () => Object.values((await emulator.counters())[`POST ${TOKEN}`] ?? {}).reduce((a, b) => a + b, 0);

describe("settings at check", () => {
  it.each<[string, Record<string, string>, string]>([
    [
      "no URL",
      {},
      "missing Run:ai URL: set it with `pulumi config set runai:url https://<tenant>.run.ai` or the RUNAI_URL environment variable",
    ],
    [
      "http:// to a remote host",
      { "runai:url": "http://example.com", "runai:token": "t" },
      'runai:url (or the RUNAI_URL environment variable) uses http:// for the non-loopback host "example.com": credentials would travel in clear text. Use https://, or set runai:allowInsecureHttp to true if you really mean it',
    ],
  ])("%s fails check with the settings message first, then the input problems", async (_case, config, message) => {
    expect(await reasons("ConfigMapAsset", config, configMap("settings"))).toEqual([message]);
    expect(await reasons("ConfigMapAsset", config, { meta: { scope: "project", projectId: 1001 }, spec: {} })).toEqual([
      message,
      "meta.name: is required",
      "spec.configMap: is required",
      "spec.mountPath: is required",
    ]);
  });
});

describe("credentials at check", () => {
  it("accepted client credentials cost one token request for the whole process, and the create reuses that token", async () => {
    const config = admin();
    await emulator.resetCounters();
    expect(await reasons("ConfigMapAsset", config, configMap("checked"))).toEqual([]);
    expect(
      await reasons("EnvironmentAsset", config, {
        meta: { name: "checked", scope: "project", projectId: 1001 },
        spec: { image: "python:3.12" },
      }),
    ).toEqual([]);
    expect(await reasons("Application", config, { name: "checked-app" })).toEqual([]);
    expect(await reasons("ConfigMapAsset", config, configMap("checked-again"))).toEqual([]);
    expect(await tokenRequests()).toBe(1);

    const provider = await configured("ConfigMapAsset", config);
    const { id } = await provider.create(configMap("checked"));
    expect(await tokenRequests()).toBe(1);
    await provider.delete(id, configMap("checked"));
  });

  it("a wrong client secret fails check naming runai:clientId and runai:clientSecret, quoting no secret, writing nothing", async () => {
    await emulator.resetCounters();
    const config = { ...admin(), "runai:clientSecret": WRONG_SECRET };
    const failures = await reasons("ConfigMapAsset", config, configMap("refused"));
    expect(failures).toEqual([CLIENT_CREDENTIALS_REFUSED]);
    expect(JSON.stringify(failures)).not.toContain(WRONG_SECRET);
    expect(await emulator.writeCount()).toBe(0);
  });

  it("an unknown client id fails the same way", async () => {
    const config = { ...admin(), "runai:clientId": "nobody" };
    expect(await reasons("Application", config, { name: "refused-app" })).toEqual([CLIENT_CREDENTIALS_REFUSED]);
  });

  it("a refused static token names runai:token; an accepted one passes", async () => {
    const refused = { "runai:url": emulator.url, "runai:token": "not-a-token" };
    expect(await reasons("ConfigMapAsset", refused, configMap("token"))).toEqual([
      "Run:ai refused the token of runai:token (or the RUNAI_TOKEN environment variable): GET /api/v1/authorization/roles → 401: invalid access token. " +
        "Set a valid one with `pulumi config set --secret runai:token <token>`, or use runai:clientId and runai:clientSecret instead",
    ]);
    // An application without a role may not read the roles (403), but Run:ai accepted its token.
    const app = await emulator.createApp("credential-check-app");
    expect(await reasons("ConfigMapAsset", { "runai:url": emulator.url, "runai:token": app.token }, configMap("token"))).toEqual([]);
    expect(await reasons("ConfigMapAsset", { "runai:url": emulator.url, "runai:token": emulator.adminToken }, configMap("token"))).toEqual(
      [],
    );
  });

  it("checkCredentials refuses with a ProviderConfigError, and asks again next time (a refusal is not kept)", async () => {
    const { createContext } = await import("../../src/provider/context");
    const client = createContext({ get: (key: string) => ({ ...admin(), "runai:clientSecret": WRONG_SECRET })[key] }).client;
    await emulator.resetCounters();
    expect(await caught(checkCredentials(client))).toEqual(new ProviderConfigError(CLIENT_CREDENTIALS_REFUSED));
    expect(await caught(checkCredentials(client))).toBeInstanceOf(ProviderConfigError);
    expect(await tokenRequests()).toBe(2);
  });
});

describe("a runai:url that cannot be reached", () => {
  const credentials = (url: string) => ({ ...admin(), "runai:url": url });

  it.each<[string, () => Promise<string>, (url: string) => string]>([
    [
      "a closed port",
      closedPort,
      (url) =>
        `cannot reach Run:ai at ${url} (runai:url, or the RUNAI_URL environment variable): the connection was refused ` +
        "(POST /api/v1/token: ECONNREFUSED). Check the URL's host and port, and that the control plane is running",
    ],
    [
      "https:// to the emulator's plain-HTTP port",
      async () => emulator.url.replace(/^http:/, "https:"),
      (url) =>
        `cannot reach Run:ai at ${url} (runai:url, or the RUNAI_URL environment variable): the TLS handshake failed ` +
        "(POST /api/v1/token: EPROTO). Is the URL's scheme right? The server does not speak TLS on that port: use http:// if it serves plain HTTP",
    ],
    [
      "a host name that does not resolve",
      async () => "https://runai.nonexistent.invalid",
      () =>
        'cannot reach Run:ai at https://runai.nonexistent.invalid (runai:url, or the RUNAI_URL environment variable): the host name "runai.nonexistent.invalid" ' +
        "does not resolve (POST /api/v1/token: ENOTFOUND). Check the URL's host name (a typo? a name that only a VPN or a private DNS knows?)",
    ],
  ])("%s fails check within seconds, naming the setting, despite a minute's retry budget", async (_case, address, message) => {
    const url = await address();
    await emulator.resetCounters();
    const started = Date.now();
    expect(await reasons("ConfigMapAsset", credentials(url), configMap("unreachable"))).toEqual([message(url)]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await tokenRequests()).toBe(0);
  });

  it("a static token's check says the same", async () => {
    const url = await closedPort();
    expect(await reasons("ConfigMapAsset", { "runai:url": url, "runai:token": "some-token" }, configMap("unreachable"))).toEqual([
      `cannot reach Run:ai at ${url} (runai:url, or the RUNAI_URL environment variable): the connection was refused ` +
        "(GET /api/v1/authorization/roles: ECONNREFUSED). Check the URL's host and port, and that the control plane is running",
    ]);
  });

  it("a refresh, which reads without a check first, says the same", async () => {
    const url = await closedPort();
    const provider = await configured("ConfigMapAsset", credentials(url));
    expect(await caught(provider.read("1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b", configMap("unreachable")))).toEqual(
      new ProviderConfigError(
        `cannot reach Run:ai at ${url} (runai:url, or the RUNAI_URL environment variable): the connection was refused ` +
          "(POST /api/v1/token: ECONNREFUSED). Check the URL's host and port, and that the control plane is running",
      ),
    );
  });
});
