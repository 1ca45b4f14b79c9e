// Shared setup of the RunaiClient tests (test/client): a TestServer that issues tokens, a client with
// fast retries pointed at it, teardown after each test, and the bodies the fake server answers with.
import { clearTokenCache, RetryEvent, RunaiClient, RunaiClientOptions } from "../../src/client";
import { cleanupAfterEach } from "./async";
import { RecordedRequest, serveTokens, TestServer } from "./http-server";

export const CLIENT_ID = "ci-bot";
export const CLIENT_SECRET = "s3cr3t-client-secret-value";
export const ENV_PATH = "/api/v1/asset/environment";
export const CM_PATH = "/api/v1/asset/datasource/config-map";
export const ID = "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b";
/** Retries fast enough for tests. */
export const FAST = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40 };

/** An asset of `kind` as the server returns it (id `ID`). */
export function asset(kind: string, meta: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) {
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
export const envAsset = (meta?: Record<string, unknown>) => asset("environment", meta, { image: "python:3.12" });
export const application = {
  id: "app-1",
  name: "ci-bot",
  clientId: "ci-bot",
  enabled: true,
  createdBy: "admin",
  createdAt: null,
  updatedAt: null,
  lastLogin: null,
};

/** The token a request was sent with. */
export const bearer = (r: RecordedRequest) => String(r.headers.authorization).replace(/^Bearer /, "");

/**
 * Call once at the top of a client test file: registers teardown after each test (push closers onto
 * `cleanups`) and a clean token cache before each, and returns the helpers that build on them.
 */
export function clientTestHarness() {
  const cleanups = cleanupAfterEach();
  beforeEach(() => clearTokenCache());

  /** A client of `server` with client credentials and fast retries, reporting its retries to `events`. */
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

  /** A server issuing tokens of `ttlSeconds`, and a client of it; `tokens` lists the tokens issued. */
  async function setup(options: Partial<RunaiClientOptions> = {}, ttlSeconds = 3600) {
    const server = await TestServer.start();
    const tokens = serveTokens(server, ttlSeconds);
    const events: RetryEvent[] = [];
    const client = makeClient(server, options, events);
    cleanups.push(() => server.close());
    return { server, client, tokens, events };
  }

  return { cleanups, makeClient, setup };
}
