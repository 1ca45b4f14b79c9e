// Authentication: client credentials exchanged for a token, the per-process token cache, renewal
// before expiry, 401 handling (renew once, retry once), refused credentials, and static tokens.
import { RunaiBadRequestError, RunaiUnauthorizedError } from "../../src/client";
import { caught } from "../support/async";
import { application, bearer, CLIENT_ID, CLIENT_SECRET, clientTestHarness } from "../support/client-setup";
import { serveTokens, TestServer } from "../support/http-server";

const { cleanups, makeClient, setup } = clientTestHarness();

describe("client credentials", () => {
  test("exchanges the credentials for a token and sends it as a bearer token", async () => {
    const { server, client, tokens } = await setup();
    server.route("GET", "/api/v1/apps", { json: [application] });
    await expect(client.apps.list()).resolves.toEqual([application]);
    const [tokenRequest] = server.requestsTo("POST", "/api/v1/token");
    expect(tokenRequest.json).toMatchObject({ grantType: "client_credentials", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(tokenRequest.headers.authorization).toBeUndefined();
    expect(server.requestsTo("GET", "/api/v1/apps")[0].headers.authorization).toBe(`Bearer ${tokens[0]}`);
  });

  test("caches the token per (url, clientId) across clients of the process", async () => {
    const { server, client } = await setup();
    server.route("GET", "/api/v1/apps", { json: [] });
    await client.apps.list();
    await client.apps.list();
    await makeClient(server).apps.list();
    expect(server.requestsTo("POST", "/api/v1/token")).toHaveLength(1);
    expect(server.requestsTo("GET", "/api/v1/apps")).toHaveLength(3);
  });

  test("concurrent callers share one in-flight token request", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    serveTokens(server, 3600, 50);
    server.route("GET", "/api/v1/apps", { json: [] });
    const a = makeClient(server);
    const b = makeClient(server);
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).apps.list()));
    expect(server.requestsTo("POST", "/api/v1/token")).toHaveLength(1);
  });

  test("a token obtained with one secret is not reused by a client with another", async () => {
    const { server, client } = await setup();
    server.route("GET", "/api/v1/apps", { json: [] });
    await client.apps.list();
    await makeClient(server, { auth: { clientId: CLIENT_ID, clientSecret: "another-secret" } }).apps.list();
    expect(server.requestsTo("POST", "/api/v1/token")).toHaveLength(2);
  });

  test("renews the token shortly before it expires", async () => {
    // A 2 s token: renewed 10% of its lifetime (0.2 s) before expiry, i.e. after 1.8 s.
    const { server, client, tokens } = await setup({}, 2);
    server.route("GET", "/api/v1/apps", { json: [] });
    await client.apps.list();
    await new Promise((r) => setTimeout(r, 1000));
    await client.apps.list();
    expect(tokens).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 900));
    await client.apps.list();
    expect(tokens).toHaveLength(2);
    expect(server.requestsTo("GET", "/api/v1/apps").map(bearer)).toEqual([tokens[0], tokens[0], tokens[1]]);
  });

  test("on a 401 drops the token, renews once and retries once", async () => {
    const { server, client, tokens } = await setup();
    server.route("GET", "/api/v1/apps", (r) =>
      bearer(r) === tokens[0] ? { status: 401, json: { code: 401, message: "token revoked" } } : { json: [application] },
    );
    await expect(client.apps.list()).resolves.toHaveLength(1);
    expect(tokens).toHaveLength(2);
    expect(server.requestsTo("GET", "/api/v1/apps").map(bearer)).toEqual([tokens[0], tokens[1]]);
  });

  test("a second 401 is final", async () => {
    const { server, client, tokens } = await setup();
    server.route("GET", "/api/v1/apps", { status: 401, json: { code: 401, message: "app disabled" } });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiUnauthorizedError);
    expect(error.message).toBe("GET /api/v1/apps → 401: app disabled");
    expect(tokens).toHaveLength(2);
    expect(server.requestsTo("GET", "/api/v1/apps")).toHaveLength(2);
  });

  test("refused credentials fail with the token endpoint's error, without retries", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    server.route("POST", "/api/v1/token", { status: 400, json: { code: 400, message: "invalid client credentials" } });
    const error = await caught(makeClient(server).apps.list());
    expect(error).toBeInstanceOf(RunaiBadRequestError);
    expect(error.message).toBe("POST /api/v1/token → 400: invalid client credentials");
    expect(server.requests).toHaveLength(1);
  });

  test("the token request itself is retried on transient failures", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    server.route("POST", "/api/v1/token", [
      { status: 503, json: { code: 503, message: "busy" } },
      { drop: true },
      { json: { accessToken: "opaque-token-3" } },
    ]);
    server.route("GET", "/api/v1/apps", { json: [] });
    await makeClient(server).apps.list();
    expect(server.requestsTo("POST", "/api/v1/token")).toHaveLength(3);
    expect(server.requestsTo("GET", "/api/v1/apps")[0].headers.authorization).toBe("Bearer opaque-token-3");
  });

  test("requestToken checks an application's credentials without touching the cache", async () => {
    const { server, client, tokens } = await setup();
    const { accessToken } = await client.requestToken("other-app", "other-secret");
    expect(accessToken).toBe(tokens[0]);
    expect(server.requestsTo("POST", "/api/v1/token")[0].json).toMatchObject({ clientId: "other-app", clientSecret: "other-secret" });
    server.route("GET", "/api/v1/apps", { json: [] });
    await client.apps.list();
    expect(tokens).toHaveLength(2);
  });
});

describe("static token", () => {
  test("is sent as is, never renewed; a 401 is an error", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    server.route("GET", "/api/v1/apps", { status: 401, json: { code: 401, message: "token expired" } });
    const client = makeClient(server, { auth: { token: "static-token-value" } });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiUnauthorizedError);
    expect(error.message).toBe("GET /api/v1/apps → 401: token expired");
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([
      "GET /api/v1/apps Bearer static-token-value",
    ]);
  });
});
