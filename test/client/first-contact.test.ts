// The first contact with a control plane that has not answered yet in this process: a refused
// connection, an unknown host and a failed TLS handshake end the call within seconds as a
// RunaiUnreachableError saying which failure it was (a refused one after a couple of quick retries),
// instead of after the whole retry budget. Once the URL has answered, a refused connection is a
// transient failure again and gets the whole budget (a control plane restarting mid-run).
import { connectionFailureOf, RunaiClient, RunaiClientOptions, RunaiNetworkError, RunaiUnreachableError } from "../../src/client";
import { CONFIG_MAP_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { selfSignedCertificate } from "../support/certificates";
import { CLIENT_ID, CLIENT_SECRET, clientTestHarness, CM_PATH, ENV_PATH } from "../support/client-setup";
import { closedPort, serveTokens, TestServer } from "../support/http-server";

const { cleanups } = clientTestHarness();

/** The provider's retry policy: a minute's budget, attempts bounded by time alone. */
const PROVIDER_RETRY = { maxAttempts: Infinity, budgetMs: 60_000 };

function client(url: string, options: Partial<RunaiClientOptions> = {}): RunaiClient {
  const made = new RunaiClient({ url, auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, retry: PROVIDER_RETRY, ...options });
  cleanups.push(() => made.close());
  return made;
}

/** Runs `call`, returning its error and how long it took. */
async function timed(call: Promise<unknown>): Promise<{ error: RunaiUnreachableError; ms: number }> {
  const started = Date.now();
  const error = (await caught(call)) as RunaiUnreachableError;
  return { error, ms: Date.now() - started };
}

describe("a first contact that fails", () => {
  test("a refused connection gives up after three quick attempts, in seconds, despite a minute's budget", async () => {
    const url = await closedPort();
    const { error, ms } = await timed(client(url).checkCredentials());
    expect(error).toBeInstanceOf(RunaiUnreachableError);
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect({ failure: error.failure, url: error.url, code: error.errorCode }).toEqual({ failure: "refused", url, code: "ECONNREFUSED" });
    expect(error.message).toBe(
      `POST /api/v1/token → network error: connect ECONNREFUSED ${url.slice("http://".length)} (gave up after 3 attempts)`,
    );
    expect(ms).toBeLessThan(10_000);
  });

  test("an unknown host fails at once", async () => {
    const { error, ms } = await timed(client("https://runai.nonexistent.invalid/").checkCredentials());
    expect({ failure: error.failure, url: error.url }).toEqual({ failure: "unknown host", url: "https://runai.nonexistent.invalid" });
    expect(error.message).toBe("POST /api/v1/token → network error: getaddrinfo ENOTFOUND runai.nonexistent.invalid");
    expect(ms).toBeLessThan(10_000);
  });

  test("https:// to a plain-HTTP server fails at once as a server without TLS, and the server sees no request", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    serveTokens(server);
    const url = server.url.replace(/^http:/, "https:");
    const { error } = await timed(client(url).checkCredentials());
    expect({ failure: error.failure, url: error.url }).toEqual({ failure: "no TLS", url });
    expect(error.message).toMatch(/^POST \/api\/v1\/token → network error: write EPROTO .*wrong version number/);
    expect(error.message).not.toContain("gave up");
    expect(server.requests).toEqual([]);
  });

  test("a certificate of an unknown CA is untrusted; with the CA bundle but for another name, it is the wrong host name", async () => {
    const tls = selfSignedCertificate("DNS:runai.example");
    const server = await TestServer.start({ tls });
    cleanups.push(() => server.close());
    serveTokens(server);
    const untrusted = await timed(client(server.url).checkCredentials());
    expect({ failure: untrusted.error.failure, code: untrusted.error.errorCode }).toEqual({
      failure: "untrusted certificate",
      code: "DEPTH_ZERO_SELF_SIGNED_CERT",
    });
    const misnamed = await timed(client(server.url, { caBundle: tls.cert }).checkCredentials());
    expect({ failure: misnamed.error.failure, code: misnamed.error.errorCode }).toEqual({
      failure: "wrong host name",
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
    });
    expect(misnamed.error.message).toBe(
      "POST /api/v1/token → network error: Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list:  (ERR_TLS_CERT_ALTNAME_INVALID)",
    );
    expect(server.requests).toEqual([]);
  });

  test("a create is sent once and not looked up afterwards: the server never saw it", async () => {
    const url = await closedPort();
    const error = await caught(
      client(url, { auth: { token: "static-token-value" } })
        .assets(CONFIG_MAP_ASSET)
        .create({
          meta: { name: "team-a-config", scope: "project", projectId: 1001 },
          spec: { configMap: "team-a-settings", mountPath: "/etc/team-a" },
        }),
    );
    expect(error).toBeInstanceOf(RunaiUnreachableError);
    expect(error.message).toBe(`POST ${CM_PATH} → network error: connect ECONNREFUSED ${url.slice("http://".length)}`);
  });

  test("the URL shown holds no user name or password", async () => {
    const url = await closedPort();
    const { error } = await timed(client(url.replace("//", "//ci:hunter2@"), { auth: { token: "static-token-value" } }).checkCredentials());
    expect(error.url).toBe(url);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("hunter2");
  });
});

describe("after the URL answered once", () => {
  test("a refused connection is transient: it gets the whole retry policy, not a first contact's few attempts", async () => {
    const server = await TestServer.start();
    serveTokens(server);
    server.route("GET", ENV_PATH, { json: { entries: [] } });
    const answered = client(server.url, { retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 20 } });
    await answered.checkCredentials();
    await server.close();
    const error = await caught(answered.assets(CONFIG_MAP_ASSET).list());
    expect(error).not.toBeInstanceOf(RunaiUnreachableError);
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect(error.message).toMatch(
      /^GET \/api\/v1\/asset\/datasource\/config-map → network error: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(gave up after 6 attempts\)$/,
    );
  });
});

describe("connectionFailureOf", () => {
  test.each([
    ["ECONNREFUSED", "refused"],
    ["ENOTFOUND", "unknown host"],
    ["EAI_AGAIN", "unknown host"],
    ["EPROTO", "no TLS"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "no TLS"],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "untrusted certificate"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "untrusted certificate"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "untrusted certificate"],
    ["CERT_UNTRUSTED", "untrusted certificate"],
    ["CERT_HAS_EXPIRED", "expired certificate"],
    ["CERT_NOT_YET_VALID", "expired certificate"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "wrong host name"],
    ["ECONNRESET", undefined],
    ["ETIMEDOUT", undefined],
    [undefined, undefined],
  ])("%s is %s", (code, failure) => {
    expect(connectionFailureOf(code)).toBe(failure);
  });
});
