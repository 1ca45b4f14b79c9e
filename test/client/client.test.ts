// RunaiClient against a real local HTTP server: authentication and the token cache, retries and
// backoff, timeouts, the error taxonomy and messages, typed endpoints, response validation.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  clearTokenCache,
  RetryEvent,
  RunaiBadRequestError,
  RunaiClient,
  RunaiClientOptions,
  RunaiConflictError,
  RunaiError,
  RunaiForbiddenError,
  RunaiHttpError,
  RunaiNetworkError,
  RunaiNotFoundError,
  RunaiRateLimitError,
  RunaiResponseValidationError,
  RunaiServerError,
  RunaiTimeoutError,
  RunaiUnauthorizedError,
} from "../../src/client";
import { CONFIG_MAP_ASSET, ENVIRONMENT_ASSET } from "../../src/schemas";
import { RecordedRequest, serveTokens, TestServer } from "../support/http-server";
import { caught, cleanupAfterEach } from "../support/async";

const CLIENT_ID = "ci-bot";
const CLIENT_SECRET = "s3cr3t-client-secret-value";
const ENV_PATH = "/api/v1/asset/environment";
const CM_PATH = "/api/v1/asset/datasource/config-map";
const ID = "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b";
const FAST = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40 };

function asset(kind: string, meta: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) {
  return {
    meta: {
      name: "team-a",
      scope: "project",
      projectId: 1001,
      id: ID,
      kind,
      createdBy: "admin@run.ai",
      createdAt: "2025-01-01T00:00:00Z",
      updatedBy: "admin@run.ai",
      updatedAt: "2025-01-01T00:00:00Z",
      ...meta,
    },
    spec,
  };
}
const envAsset = (meta?: Record<string, unknown>) => asset("environment", meta, { image: "python:3.12" });
const application = {
  id: "app-1",
  name: "ci-bot",
  clientId: "ci-bot",
  enabled: true,
  createdBy: "admin",
  createdAt: null,
  updatedAt: null,
  lastLogin: null,
};

const cleanups = cleanupAfterEach();
beforeEach(() => clearTokenCache());

async function setup(options: Partial<RunaiClientOptions> = {}, ttlSeconds = 3600) {
  const server = await TestServer.start();
  const tokens = serveTokens(server, ttlSeconds);
  const events: RetryEvent[] = [];
  const client = makeClient(server, options, events);
  cleanups.push(() => server.close());
  return { server, client, tokens, events };
}
function makeClient(server: TestServer, options: Partial<RunaiClientOptions> = {}, events: RetryEvent[] = []) {
  const client = new RunaiClient({
    url: server.url,
    auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    retry: FAST,
    timeoutMs: 2000,
    onRetry: (e) => events.push(e),
    ...options,
  });
  cleanups.push(() => client.close());
  return client;
}
const bearer = (r: RecordedRequest) => String(r.headers.authorization).replace(/^Bearer /, "");

// ---- authentication ------------------------------------------------------------------------------

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

// ---- retries ---------------------------------------------------------------------------------------

describe("retries of idempotent calls", () => {
  test("503 then 429 then success", async () => {
    const { server, client, events } = await setup();
    server.route("GET", ENV_PATH, [
      { status: 503, json: { code: 503, message: "unavailable" } },
      { status: 429, json: { code: 429, message: "slow down" } },
      { json: { entries: [envAsset()] } },
    ]);
    await expect(client.assets(ENVIRONMENT_ASSET).list()).resolves.toHaveLength(1);
    expect(server.requestsTo("GET", ENV_PATH)).toHaveLength(3);
    expect(events.map((e) => [e.method, e.path, e.attempt, e.reason])).toEqual([
      ["GET", ENV_PATH, 1, "503"],
      ["GET", ENV_PATH, 2, "429"],
    ]);
  });

  test("honours Retry-After (seconds), capped at maxDelayMs", async () => {
    const { server, client, events } = await setup({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1200 } });
    server.route("GET", ENV_PATH, [
      { status: 429, headers: { "retry-after": "1" }, json: { code: 429, message: "slow down" } },
      { status: 503, headers: { "retry-after": "3600" }, json: { code: 503, message: "maintenance" } },
      { json: { entries: [] } },
    ]);
    const started = Date.now();
    await client.assets(ENVIRONMENT_ASSET).list();
    expect(events.map((e) => e.delayMs)).toEqual([1000, 1200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2150);
  });

  test("honours Retry-After as an HTTP date", async () => {
    const { server, client, events } = await setup();
    server.route("GET", ENV_PATH, [
      { status: 503, headers: { "retry-after": new Date(Date.now() + 20_000).toUTCString() }, json: { code: 503, message: "x" } },
      { json: { entries: [] } },
    ]);
    await client.assets(ENVIRONMENT_ASSET).list();
    expect(events[0].delayMs).toBe(FAST.maxDelayMs);
  });

  test("408 is retried", async () => {
    const { server, client } = await setup();
    server.route("PUT", `${ENV_PATH}/${ID}`, [
      { status: 408, body: "" },
      { status: 202, json: envAsset() },
    ]);
    await expect(
      client.assets(ENVIRONMENT_ASSET).update(ID, { meta: { name: "team-a" }, spec: { image: "python:3.12" } }),
    ).resolves.toMatchObject({
      meta: { id: ID },
    });
    expect(server.requestsTo("PUT", `${ENV_PATH}/${ID}`)).toHaveLength(2);
  });

  test.each([
    ["GET", () => ({ json: envAsset() }), (c: RunaiClient) => c.assets(ENVIRONMENT_ASSET).get(ID)],
    [
      "PUT",
      () => ({ status: 202, json: envAsset() }),
      (c: RunaiClient) => c.assets(ENVIRONMENT_ASSET).update(ID, { meta: { name: "team-a" }, spec: {} }),
    ],
    [
      "DELETE",
      () => ({ status: 202, json: { code: 202, message: "accepted" } }),
      (c: RunaiClient) => c.assets(ENVIRONMENT_ASSET).delete(ID),
    ],
  ])("%s is retried after the server drops the connection", async (method, ok, call) => {
    const { server, client, events } = await setup();
    server.route(method, `${ENV_PATH}/${ID}`, [{ drop: true }, { drop: true }, ok()]);
    await call(client);
    expect(server.requestsTo(method, `${ENV_PATH}/${ID}`)).toHaveLength(3);
    expect(events.map((e) => e.reason)).toEqual(["RunaiNetworkError", "RunaiNetworkError"]);
  });

  test("PATCH (enable/disable an application) is retried", async () => {
    const { server, client } = await setup();
    server.route("PATCH", "/api/v1/apps/app-1", [
      { status: 502, body: "bad gateway" },
      { status: 200, body: "" },
    ]);
    await client.apps.setEnabled("app-1", false);
    expect(server.requestsTo("PATCH", "/api/v1/apps/app-1").map((r) => r.json)).toEqual([{ enabled: false }, { enabled: false }]);
  });

  test.each([
    [400, RunaiBadRequestError],
    [403, RunaiForbiddenError],
    [404, RunaiNotFoundError],
    [409, RunaiConflictError],
  ])("%i is not retried", async (status, Cls) => {
    const { server, client } = await setup();
    server.route("GET", `${ENV_PATH}/${ID}`, { status, json: { code: status, message: "no" } });
    const error = await caught(client.assets(ENVIRONMENT_ASSET).get(ID));
    expect(error).toBeInstanceOf(Cls);
    expect((error as RunaiHttpError).status).toBe(status);
    expect(server.requestsTo("GET", `${ENV_PATH}/${ID}`)).toHaveLength(1);
  });

  test("gives up after maxAttempts with the last error", async () => {
    const { server, client, events } = await setup();
    server.route("GET", ENV_PATH, { status: 503, json: { code: 503, message: "still down" } });
    const error = await caught(client.assets(ENVIRONMENT_ASSET).list());
    expect(error).toBeInstanceOf(RunaiServerError);
    expect(error.message).toBe(`GET ${ENV_PATH} → 503: still down`);
    expect(server.requestsTo("GET", ENV_PATH)).toHaveLength(FAST.maxAttempts);
    expect(events).toHaveLength(FAST.maxAttempts - 1);
  });

  test("backoff is bounded by maxDelayMs", async () => {
    const { server, client, events } = await setup({ retry: { maxAttempts: 8, baseDelayMs: 10, maxDelayMs: 25 } });
    server.route("GET", ENV_PATH, { status: 500, json: { code: 500, message: "x" } });
    await caught(client.assets(ENVIRONMENT_ASSET).list());
    expect(events).toHaveLength(7);
    for (const [i, e] of events.entries()) {
      expect(e.delayMs).toBeGreaterThanOrEqual(0);
      expect(e.delayMs).toBeLessThanOrEqual(Math.min(25, 10 * 2 ** i));
    }
  });
});

describe("per-request timeout", () => {
  test("a slow answer times out, is retried, and the error names the timeout", async () => {
    const { server, client } = await setup({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    server.route("GET", `${ENV_PATH}/${ID}`, { json: envAsset(), delayMs: 400 });
    const started = Date.now();
    const error = await caught(client.assets(ENVIRONMENT_ASSET).get(ID));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RunaiTimeoutError);
    expect(error.message).toBe(`GET ${ENV_PATH}/${ID} → timed out after 100 ms`);
    expect(server.requestsTo("GET", `${ENV_PATH}/${ID}`)).toHaveLength(2);
  });

  test("a timed-out attempt followed by a fast one succeeds", async () => {
    const { server, client } = await setup({ timeoutMs: 100 });
    server.route("GET", `${ENV_PATH}/${ID}`, [{ json: envAsset(), delayMs: 400 }, { json: envAsset() }]);
    await expect(client.assets(ENVIRONMENT_ASSET).get(ID)).resolves.toMatchObject({ meta: { id: ID } });
  });
});

// ---- errors ------------------------------------------------------------------------------------------

describe("error messages and classes", () => {
  test("METHOD /path → status: server message, with the server's code and details", async () => {
    const { server, client } = await setup();
    server.route("PUT", `${ENV_PATH}/${ID}`, { status: 404, json: { code: 404, message: "asset not found", details: "id " + ID } });
    const error = (await caught(client.assets(ENVIRONMENT_ASSET).update(ID, { meta: { name: "x" }, spec: {} }))) as RunaiNotFoundError;
    expect(error).toBeInstanceOf(RunaiNotFoundError);
    expect(error).toBeInstanceOf(RunaiHttpError);
    expect(error).toBeInstanceOf(RunaiError);
    expect(error.name).toBe("RunaiNotFoundError");
    expect(error.message).toBe(`PUT /api/v1/asset/environment/${ID} → 404: asset not found`);
    expect(String(error)).toBe(`RunaiNotFoundError: PUT /api/v1/asset/environment/${ID} → 404: asset not found`);
    expect({ ...error }).toMatchObject({
      status: 404,
      method: "PUT",
      path: `${ENV_PATH}/${ID}`,
      serverMessage: "asset not found",
      code: 404,
      details: `id ${ID}`,
    });
  });

  test("the path in the message has no query string", async () => {
    const { server, client } = await setup();
    server.route("GET", `${ENV_PATH}/${ID}`, { status: 404, json: { code: 404, message: "asset not found" } });
    const error = await caught(client.assets(ENVIRONMENT_ASSET).get(ID, { statusInfo: true }));
    expect(server.requests.at(-1)!.url).toBe(`${ENV_PATH}/${ID}?statusInfo=true`);
    expect(error.message).toBe(`GET ${ENV_PATH}/${ID} → 404: asset not found`);
  });

  test("without an Error body the status text stands in; other statuses are plain RunaiHttpError", async () => {
    const { server, client } = await setup({ retry: { maxAttempts: 1 } });
    server.route("DELETE", `${CM_PATH}/${ID}`, { status: 500, body: "<html>oops</html>", headers: { "content-type": "text/html" } });
    server.route("GET", `${CM_PATH}/${ID}`, { status: 418, json: { error: "teapot" } });
    const e500 = await caught(client.assets(CONFIG_MAP_ASSET).delete(ID));
    expect(e500).toBeInstanceOf(RunaiServerError);
    expect(e500.message).toBe(`DELETE ${CM_PATH}/${ID} → 500: Internal Server Error`);
    const e418 = await caught(client.assets(CONFIG_MAP_ASSET).get(ID));
    expect(e418.constructor).toBe(RunaiHttpError);
    expect(e418.message).toBe(`GET ${CM_PATH}/${ID} → 418: I'm a Teapot`);
  });

  test("429 after the retries is a RunaiRateLimitError", async () => {
    const { server, client } = await setup({ retry: { maxAttempts: 1 } });
    server.route("GET", "/api/v1/apps", { status: 429, json: { code: 429, message: "too many requests" } });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiRateLimitError);
    expect(error.message).toBe("GET /api/v1/apps → 429: too many requests");
  });

  test("connection refused is a RunaiNetworkError with the system code", async () => {
    const server = await TestServer.start();
    const url = server.url;
    await server.close();
    const client = new RunaiClient({
      url,
      auth: { token: "static-token-value" },
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    cleanups.push(() => client.close());
    const error = (await caught(client.apps.get("app-1"))) as RunaiNetworkError;
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect(error).not.toBeInstanceOf(RunaiHttpError);
    expect(error.errorCode).toBe("ECONNREFUSED");
    expect(error.message).toMatch(/^GET \/api\/v1\/apps\/app-1 → network error: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect((error.cause as Error & { code: string }).code).toBe("ECONNREFUSED");
  });

  test("a dropped connection is a RunaiNetworkError", async () => {
    const { server, client } = await setup({ retry: { maxAttempts: 1 } });
    server.route("GET", "/api/v1/apps", { drop: true });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect(error.message).toBe("GET /api/v1/apps → network error: socket hang up (ECONNRESET)");
  });
});

describe("response validation", () => {
  test("a body that breaks the contract is a RunaiResponseValidationError naming the path", async () => {
    const { server, client } = await setup();
    server.route("GET", `${ENV_PATH}/${ID}`, { json: { meta: { ...envAsset().meta, id: 5, scope: "galaxy" }, spec: {} } });
    const error = (await caught(client.assets(ENVIRONMENT_ASSET).get(ID))) as RunaiResponseValidationError;
    expect(error).toBeInstanceOf(RunaiResponseValidationError);
    expect(error).not.toBeInstanceOf(RunaiHttpError);
    expect(error.issues.map((i) => i.path)).toEqual(["meta.scope", "meta.id"]);
    expect(error.message).toMatch(new RegExp(`^GET ${ENV_PATH}/${ID} → 200: unexpected response body: meta\\.scope: .+; meta\\.id: .+`));
    expect(server.requestsTo("GET", `${ENV_PATH}/${ID}`)).toHaveLength(1);
  });

  test("a body that is not JSON", async () => {
    const { server, client } = await setup();
    server.route("GET", "/api/v1/apps", { body: "<html>login</html>" });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiResponseValidationError);
    expect(error.message).toBe("GET /api/v1/apps → 200: unexpected response body: (root): not valid JSON");
  });

  test("a token response without accessToken", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    server.route("POST", "/api/v1/token", { json: { idToken: "x" } });
    const error = await caught(makeClient(server).apps.list());
    expect(error).toBeInstanceOf(RunaiResponseValidationError);
    expect(error.message).toMatch(/^POST \/api\/v1\/token → 200: unexpected response body: accessToken: /);
  });
});

// ---- typed endpoints -------------------------------------------------------------------------------

describe("asset endpoints", () => {
  test("list passes the filters as query parameters", async () => {
    const { server, client } = await setup();
    server.route("GET", CM_PATH, { json: { entries: [asset("config-map", {}, { configMap: "c", mountPath: "/m" })] } });
    const entries = await client.assets(CONFIG_MAP_ASSET).list({ name: "team-a", scope: "project", projectId: 1001, statusInfo: true });
    expect(entries[0].spec).toEqual({ configMap: "c", mountPath: "/m" });
    expect(server.requests.at(-1)!.url).toBe(`${CM_PATH}?name=team-a&scope=project&projectId=1001&statusInfo=true`);
  });

  test("create, get with status, update and delete an environment", async () => {
    const { server, client } = await setup();
    const body = { meta: { name: "team-a", scope: "project" as const, projectId: 1001 }, spec: { image: "python:3.12" } };
    server.route("POST", ENV_PATH, { status: 202, json: envAsset() });
    server.route("GET", `${ENV_PATH}/${ID}`, { json: { ...envAsset(), status: { status: "Creating" } } });
    server.route("PUT", `${ENV_PATH}/${ID}`, { status: 202, json: envAsset({ description: "d" }) });
    server.route("DELETE", `${ENV_PATH}/${ID}`, { status: 202, json: { code: 202, message: "accepted" } });
    expect((await client.assets(ENVIRONMENT_ASSET).create(body)).meta.id).toBe(ID);
    expect((await client.assets(ENVIRONMENT_ASSET).get(ID, { statusInfo: true })).status?.status).toBe("Creating");
    expect(
      (await client.assets(ENVIRONMENT_ASSET).update(ID, { meta: { name: "team-a", description: "d" }, spec: {} })).meta.description,
    ).toBe("d");
    await expect(client.assets(ENVIRONMENT_ASSET).delete(ID)).resolves.toBeUndefined();
    expect(server.requests.filter((r) => r.path !== "/api/v1/token").map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${ENV_PATH}`,
      `GET ${ENV_PATH}/${ID}?statusInfo=true`,
      `PUT ${ENV_PATH}/${ID}`,
      `DELETE ${ENV_PATH}/${ID}`,
    ]);
    expect(server.requestsTo("POST", ENV_PATH)[0].json).toEqual(body);
    expect(server.requestsTo("POST", ENV_PATH)[0].headers["content-type"]).toBe("application/json");
  });

  test("a generic endpoint for another asset kind", async () => {
    const { server, client } = await setup();
    const { z } = await import("zod");
    const nfsSpec = z.looseObject({ server: z.string() });
    const nfs = client.assets({ kind: "nfs", path: "/api/v1/asset/datasource/nfs", spec: nfsSpec, responseSpec: nfsSpec });
    server.route("GET", "/api/v1/asset/datasource/nfs", { json: { entries: [asset("nfs", {}, { server: "nfs.local" })] } });
    expect((await nfs.list())[0].spec.server).toBe("nfs.local");
  });

  test("a DELETE answered 204 without a body", async () => {
    const { server, client } = await setup();
    server.route("DELETE", `${CM_PATH}/${ID}`, { status: 204 });
    await expect(client.assets(CONFIG_MAP_ASSET).delete(ID)).resolves.toBeUndefined();
  });

  test("ids are URL-encoded into the path", async () => {
    const { server, client } = await setup();
    server.route("GET", /.*/, { status: 404, json: { code: 404, message: "nope" } });
    await caught(client.assets(ENVIRONMENT_ASSET).get("../apps"));
    expect(server.requests.at(-1)!.url).toBe(`${ENV_PATH}/..%2Fapps`);
  });
});

describe("application endpoints", () => {
  test("create, get, list, setEnabled, regenerateSecret, delete", async () => {
    const { server, client } = await setup();
    server.route("POST", "/api/v1/apps", {
      status: 201,
      json: { id: "app-1", name: "ci-bot", clientId: "ci-bot", secret: "first-app-secret" },
    });
    server.route("GET", "/api/v1/apps/app-1", { json: application });
    server.route("GET", "/api/v1/apps", { json: [application] });
    server.route("PATCH", "/api/v1/apps/app-1", { status: 200 });
    server.route("POST", "/api/v1/apps/app-1/secret", { json: { secret: "second-app-secret" } });
    server.route("DELETE", "/api/v1/apps/app-1", { status: 204 });
    expect(await client.apps.create({ name: "ci-bot" })).toEqual({
      id: "app-1",
      name: "ci-bot",
      clientId: "ci-bot",
      secret: "first-app-secret",
    });
    expect(await client.apps.get("app-1")).toEqual(application);
    expect(await client.apps.findByName("ci-bot")).toEqual(application);
    expect(await client.apps.findByName("ci")).toBeUndefined();
    await client.apps.setEnabled("app-1", true);
    expect(await client.apps.regenerateSecret("app-1")).toEqual({ secret: "second-app-secret" });
    await client.apps.delete("app-1");
    expect(server.requestsTo("POST", "/api/v1/apps")[0].json).toEqual({ name: "ci-bot" });
    expect(server.requestsTo("PATCH", "/api/v1/apps/app-1")[0].json).toEqual({ enabled: true });
  });
});

describe("options", () => {
  test("rejects a URL that is not http(s) and a non-positive timeout", () => {
    expect(() => new RunaiClient({ url: "ftp://x", auth: { token: "t" } })).toThrow(
      "RunaiClient: url must be http:// or https://, got ftp://",
    );
    expect(() => new RunaiClient({ url: "not a url", auth: { token: "t" } })).toThrow('RunaiClient: url is not a valid URL: "not a url"');
    expect(() => new RunaiClient({ url: "https://x", auth: { token: "t" }, timeoutMs: 0 })).toThrow("RunaiClient: timeoutMs must be > 0");
  });

  test("a base URL with a path prefix and a trailing slash; a custom user agent", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    server.route("GET", "/runai/api/v1/apps", { json: [] });
    const client = new RunaiClient({ url: `${server.url}/runai/`, auth: { token: "static-token-value" }, userAgent: "my-tool/1.0" });
    cleanups.push(() => client.close());
    await client.apps.list();
    expect(server.requests[0].headers["user-agent"]).toBe("my-tool/1.0");
  });

  test("keeps connections alive between requests", async () => {
    const { server, client } = await setup();
    server.route("GET", "/api/v1/apps", { json: [] });
    await client.apps.list();
    await client.apps.list();
    // Token request and both calls on one socket.
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBe(1);
    expect(server.requests).toHaveLength(3);
  });
});

describe("custom CA bundle", () => {
  /** A throw-away self-signed certificate for 127.0.0.1, made with the openssl CLI. */
  function selfSigned(): { key: string; cert: string } | undefined {
    const dir = mkdtempSync(join(tmpdir(), "runai-ca-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-days",
          "1",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
          "-subj",
          "/CN=127.0.0.1",
          "-addext",
          "subjectAltName=IP:127.0.0.1",
        ],
        { stdio: "ignore" },
      );
      return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") };
    } catch {
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test("HTTPS with a private CA: refused without the bundle, accepted with it", async () => {
    const tls = selfSigned();
    if (!tls) {
      console.warn("openssl not available: skipping the CA bundle test");
      return;
    }
    const server = await TestServer.start({ tls });
    cleanups.push(() => server.close());
    server.route("GET", "/api/v1/apps", { json: [] });
    const options = { url: server.url, auth: { token: "static-token-value" }, retry: { maxAttempts: 1 } };
    const untrusted = new RunaiClient(options);
    cleanups.push(() => untrusted.close());
    const error = (await caught(untrusted.apps.list())) as RunaiNetworkError;
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect(error.message).toMatch(/^GET \/api\/v1\/apps → network error: self[- ]signed certificate/);
    const trusted = new RunaiClient({ ...options, caBundle: tls.cert });
    cleanups.push(() => trusted.close());
    await expect(trusted.apps.list()).resolves.toEqual([]);
  });
});
