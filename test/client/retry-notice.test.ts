// The retry notice: a call that waits to retry says so once, through the client's `log` option, in
// a line naming the call, the failure, the next attempt and when the call gives up; later waits of
// the same call say nothing more, and a call that needs no retry says nothing at all.
import { RunaiClient, RunaiClientOptions } from "../../src/client";
import { CONFIG_MAP_ASSET, ENVIRONMENT_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { asset, CLIENT_ID, CLIENT_SECRET, clientTestHarness, CM_PATH, ENV_PATH } from "../support/client-setup";
import { serveTokens, TestServer } from "../support/http-server";

const { cleanups } = clientTestHarness();

/** 503 with `Retry-After: 1`: with maxDelayMs 100 every wait is exactly 0.1 s. */
const UNAVAILABLE = { status: 503, headers: { "retry-after": "1" }, json: { code: 503, message: "unavailable" } };

async function logged(options: Partial<RunaiClientOptions> = {}) {
  const server = await TestServer.start();
  serveTokens(server);
  const lines: string[] = [];
  const client = new RunaiClient({
    url: server.url,
    auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 100, budgetMs: 5_000 },
    log: (line) => lines.push(line),
    ...options,
  });
  cleanups.push(
    () => client.close(),
    () => server.close(),
  );
  return { server, client, lines };
}

test("a call retried twice says so once, naming the call, the next attempt and the budget", async () => {
  const { server, client, lines } = await logged();
  server.route("GET", ENV_PATH, [UNAVAILABLE, UNAVAILABLE, { json: { entries: [] } }]);
  await client.assets(ENVIRONMENT_ASSET).list();
  expect(server.requestsTo("GET", ENV_PATH)).toHaveLength(3);
  expect(lines).toEqual([`GET ${ENV_PATH} → 503: unavailable; retrying (attempt 2 in 0.1 s; giving up after 5 s)`]);
});

test("each call that waits says so once; without a time budget the line names the attempts", async () => {
  const { server, client, lines } = await logged({ retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 100 } });
  server.route("GET", ENV_PATH, UNAVAILABLE);
  server.route("GET", `${ENV_PATH}/1b2c`, [UNAVAILABLE, { json: asset("environment", {}, { image: "python:3.12" }) }]);
  expect((await caught(client.assets(ENVIRONMENT_ASSET).list())).message).toBe(
    `GET ${ENV_PATH} → 503: unavailable (gave up after 3 attempts)`,
  );
  await client.assets(ENVIRONMENT_ASSET).get("1b2c");
  expect(lines).toEqual([
    `GET ${ENV_PATH} → 503: unavailable; retrying (attempt 2 in 0.1 s; giving up after 3 attempts)`,
    `GET ${ENV_PATH}/1b2c → 503: unavailable; retrying (attempt 2 in 0.1 s; giving up after 3 attempts)`,
  ]);
});

test("a create re-sent after a 503 says so once too", async () => {
  const { server, client, lines } = await logged();
  const stored = asset("config-map", { name: "team-a-config" }, { configMap: "team-a-settings", mountPath: "/etc/team-a" });
  server.route("POST", CM_PATH, [UNAVAILABLE, UNAVAILABLE, { status: 202, json: stored }]);
  server.route("GET", CM_PATH, { json: { entries: [] } });
  await client.assets(CONFIG_MAP_ASSET).create({
    meta: { name: "team-a-config", scope: "project", projectId: 1001 },
    spec: { configMap: "team-a-settings", mountPath: "/etc/team-a" },
  });
  expect(server.requestsTo("POST", CM_PATH)).toHaveLength(3);
  expect(lines).toEqual([`POST ${CM_PATH} → 503: unavailable; retrying (attempt 2 in 0.1 s; giving up after 5 s)`]);
});

test("a call answered at once, and the quick retries of a first contact, say nothing", async () => {
  const { server, client, lines } = await logged();
  server.route("GET", ENV_PATH, { json: { entries: [] } });
  await client.assets(ENVIRONMENT_ASSET).list();
  const neverAnswered = await TestServer.start();
  await neverAnswered.close();
  const closed = new RunaiClient({
    url: neverAnswered.url,
    auth: { token: "static-token-value" },
    log: (line) => lines.push(line),
  });
  cleanups.push(() => closed.close());
  expect((await caught(closed.checkCredentials())).message).toMatch(/ECONNREFUSED .*\(gave up after 3 attempts\)$/);
  expect(lines).toEqual([]);
});
