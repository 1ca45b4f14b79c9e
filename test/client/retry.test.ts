// Retries of idempotent calls: transient statuses and dropped connections, Retry-After (seconds and
// HTTP date), statuses that are final, giving up after maxAttempts, and bounded backoff.
import {
  RunaiBadRequestError,
  RunaiClient,
  RunaiConflictError,
  RunaiForbiddenError,
  RunaiHttpError,
  RunaiNotFoundError,
  RunaiServerError,
} from "../../src/client";
import { ENVIRONMENT_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { clientTestHarness, ENV_PATH, envAsset, FAST, ID } from "../support/client-setup";

const { setup } = clientTestHarness();

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
    expect(error.message).toBe(`GET ${ENV_PATH} → 503: still down (gave up after ${FAST.maxAttempts} attempts)`);
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
