// No credential ever appears in an error: not in its message, stack, properties, cause, JSON form or
// util.inspect output. Errors of every class are forced, with a server that echoes nothing, and again
// with one that echoes the Authorization header and the request body back.
import util from "node:util";
import { clearTokenCache, RunaiClient } from "../../src/client";
import * as errorClasses from "../../src/client/errors";
import { ENVIRONMENT_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { clientTestHarness, ENV_PATH as ENV } from "../support/client-setup";
import { serveTokens, TestServer } from "../support/http-server";

const CLIENT_SECRET = "cl1ent-s3cret-VALUE-0001";
const STATIC_TOKEN = "static-t0ken-VALUE-0002";
const APP_SECRET = "app-s3cret-VALUE-0003";
/**
 * Per-request timeout of the clients here: long enough that no ordinary request trips it on a busy
 * machine. The one request meant to time out goes to a route that answers far later (SLOW_MS).
 */
const TIMEOUT_MS = 2000;
const SLOW_MS = 30_000;
/** For the test that waits out two attempts at the slow route (2 × TIMEOUT_MS), with room to spare. */
const TEST_TIMEOUT_MS = 30_000;

const { cleanups } = clientTestHarness();

/** Every printable form of an error. */
function renderings(error: Error): string[] {
  return [
    String(error),
    error.message,
    String(error.stack),
    JSON.stringify(error),
    JSON.stringify({ ...error }),
    util.inspect(error, { depth: Infinity, showHidden: true }),
    util.format("%o", error),
    String((error as { cause?: unknown }).cause),
    util.inspect((error as { cause?: unknown }).cause, { depth: Infinity, showHidden: true }),
  ];
}

function expectClean(error: Error, secrets: string[]) {
  for (const text of renderings(error)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization/i);
    expect(text).not.toMatch(/bearer\s+(?!\[redacted\])/i);
  }
}

async function start(echo: boolean) {
  const server = await TestServer.start();
  const tokens = serveTokens(server);
  const say = (status: number, r: { headers: Record<string, unknown>; body: string }) =>
    echo
      ? {
          status,
          json: {
            code: status,
            message: `you sent ${String(r.headers.authorization)} and ${r.body}`,
            details: `auth=${String(r.headers.authorization)}`,
          },
        }
      : { status, json: { code: status, message: `failure ${status}` } };
  server.route("GET", `${ENV}/400`, (r) => say(400, r));
  server.route("GET", `${ENV}/401`, (r) => say(401, r));
  server.route("GET", `${ENV}/403`, (r) => say(403, r));
  server.route("GET", `${ENV}/404`, (r) => say(404, r));
  server.route("POST", ENV, (r) => say(409, r));
  server.route("GET", `${ENV}/418`, (r) => say(418, r));
  server.route("GET", `${ENV}/429`, (r) => say(429, r));
  server.route("GET", `${ENV}/500`, (r) => say(500, r));
  server.route("GET", `${ENV}/drop`, { drop: true });
  server.route("GET", `${ENV}/slow`, { json: {}, delayMs: SLOW_MS });
  server.route("GET", `${ENV}/invalid`, (r) => ({
    json: { meta: { id: 1, echoed: r.headers.authorization, secret: APP_SECRET }, spec: CLIENT_SECRET },
  }));
  server.route("POST", "/api/v1/apps", { status: 201, json: { id: "app-1", name: "ci-bot", clientId: "ci-bot", secret: APP_SECRET } });
  server.route("PATCH", "/api/v1/apps/app-1", (r) => say(400, r));
  cleanups.push(() => server.close());
  return { server, tokens };
}

function clientFor(server: TestServer, auth: { clientId: string; clientSecret: string } | { token: string }) {
  const client = new RunaiClient({
    url: server.url,
    auth,
    timeoutMs: TIMEOUT_MS,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
  });
  cleanups.push(() => client.close());
  return client;
}

const SPEC = { meta: { name: "x", scope: "project" as const, projectId: 1 }, spec: { image: "python" } };

describe.each([false, true])("server echoing credentials back: %p", (echo) => {
  test.each([
    ["client credentials", { clientId: "ci-bot", clientSecret: CLIENT_SECRET }],
    ["static token", { token: STATIC_TOKEN }],
  ])(
    "errors of every class with %s",
    async (_label, auth) => {
      const { server, tokens } = await start(echo);
      const client = clientFor(server, auth);
      const env = client.assets(ENVIRONMENT_ASSET);
      // An application secret the client has seen, to be kept out of later errors too.
      await client.apps.create({ name: "ci-bot" });
      const errors: Array<[Error, abstract new (...args: never[]) => Error]> = [
        [await caught(env.get("400")), errorClasses.RunaiBadRequestError],
        [await caught(env.get("401")), errorClasses.RunaiUnauthorizedError],
        [await caught(env.get("403")), errorClasses.RunaiForbiddenError],
        [await caught(env.get("404")), errorClasses.RunaiNotFoundError],
        [await caught(env.create(SPEC)), errorClasses.RunaiConflictError],
        [await caught(env.get("418")), errorClasses.RunaiHttpError],
        [await caught(env.get("429")), errorClasses.RunaiRateLimitError],
        [await caught(env.get("500")), errorClasses.RunaiServerError],
        [await caught(env.get("drop")), errorClasses.RunaiNetworkError],
        [await caught(env.get("slow")), errorClasses.RunaiTimeoutError],
        [await caught(env.get("invalid")), errorClasses.RunaiResponseValidationError],
        [await caught(client.apps.setEnabled("app-1", true)), errorClasses.RunaiBadRequestError],
      ];
      for (const [error, Cls] of errors) {
        expect(error).toBeInstanceOf(Cls);
        expectClean(error, [CLIENT_SECRET, STATIC_TOKEN, APP_SECRET, ...tokens]);
      }
      if (echo) expect(errors[0][0].message).toBe(`GET ${ENV}/400 → 400: you sent Bearer [redacted] and `);
      else expect(errors[0][0].message).toBe(`GET ${ENV}/400 → 400: failure 400`);
      // The client itself prints no credentials either.
      for (const text of [util.inspect(client, { depth: Infinity, showHidden: true }), JSON.stringify(client)]) {
        expect(text).not.toContain(CLIENT_SECRET);
        expect(text).not.toContain(STATIC_TOKEN);
      }
    },
    TEST_TIMEOUT_MS,
  );

  test("token endpoint failures: refused, unreachable, malformed", async () => {
    const { server } = await start(echo);
    server.route("POST", "/api/v1/token", (r) =>
      echo
        ? { status: 400, json: { code: 400, message: `bad request ${r.body}` } }
        : { status: 400, json: { code: 400, message: "invalid credentials" } },
    );
    const refused = await caught(clientFor(server, { clientId: "ci-bot", clientSecret: CLIENT_SECRET }).apps.list());
    expect(refused).toBeInstanceOf(errorClasses.RunaiBadRequestError);
    expectClean(refused, [CLIENT_SECRET]);

    server.route("POST", "/api/v1/token", { json: { accessToken: 42, clientSecret: CLIENT_SECRET } });
    clearTokenCache();
    const malformed = await caught(clientFor(server, { clientId: "ci-bot", clientSecret: CLIENT_SECRET }).apps.list());
    expect(malformed).toBeInstanceOf(errorClasses.RunaiResponseValidationError);
    expectClean(malformed, [CLIENT_SECRET]);

    server.route("POST", "/api/v1/token", { drop: true });
    clearTokenCache();
    const dropped = await caught(clientFor(server, { clientId: "ci-bot", clientSecret: CLIENT_SECRET }).requestToken("app", APP_SECRET));
    expect(dropped).toBeInstanceOf(errorClasses.RunaiNetworkError);
    expectClean(dropped, [CLIENT_SECRET, APP_SECRET]);
  });
});
