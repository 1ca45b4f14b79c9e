// POST is never re-sent blindly. After an uncertain outcome (dropped connection, timeout, 5xx) the
// client looks the object up by name and scope and returns it if the first POST created it; only
// otherwise does it POST again. The server here is a tiny in-memory asset store.
import { randomUUID } from "node:crypto";
import { RetryEvent, RunaiBadRequestError, RunaiClient, RunaiClientOptions, RunaiConflictError, RunaiServerError } from "../../src/client";
import { CONFIG_MAP_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { application, clientTestHarness, CM_PATH } from "../support/client-setup";
import { Reply, serveTokens, TestServer } from "../support/http-server";

const body = {
  meta: { name: "team-a-config", scope: "project" as const, projectId: 1001 },
  spec: { configMap: "team-a-settings", mountPath: "/etc/team-a" },
};

type Stored = { meta: Record<string, unknown>; spec: Record<string, unknown> };

/** An asset store with list-by-filter, and a script deciding the fate of each POST. */
async function startStore(onPost: (attempt: number, create: () => Stored) => Reply, options: Partial<RunaiClientOptions> = {}) {
  const server = await TestServer.start();
  serveTokens(server);
  const store: Stored[] = [];
  const create = (name = body.meta.name, projectId = body.meta.projectId) => {
    const now = new Date().toISOString();
    const stored = {
      meta: {
        name,
        scope: "project",
        projectId,
        id: randomUUID(),
        kind: "config-map",
        createdBy: "ci",
        createdAt: now,
        updatedBy: "ci",
        updatedAt: now,
      },
      spec: body.spec,
    };
    store.push(stored);
    return stored;
  };
  let posts = 0;
  server.route("POST", CM_PATH, () => onPost(++posts, () => create()));
  server.route("GET", CM_PATH, (r) => {
    // A sloppy server: `name` as a substring filter, scope and project filters ignored. The client
    // must compare exactly.
    const name = r.query.get("name") ?? "";
    return { json: { entries: store.filter((a) => String(a.meta.name).includes(name)) } };
  });
  const events: RetryEvent[] = [];
  const client = new RunaiClient({
    url: server.url,
    auth: { clientId: "ci-bot", clientSecret: "client-secret-value" },
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    timeoutMs: 200,
    onRetry: (e) => events.push(e),
    ...options,
  });
  cleanups.push(
    () => client.close(),
    () => server.close(),
  );
  const posted = () => server.requestsTo("POST", CM_PATH);
  const lookups = () => server.requestsTo("GET", CM_PATH);
  return { server, client, store, create, posted, lookups, events };
}

const { cleanups } = clientTestHarness();

const created = (s: Stored): Reply => ({ status: 202, json: s });
const error = (status: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  json: { code: status, message },
  headers,
});

describe("asset create after an uncertain outcome", () => {
  test("dropped POST response, asset exists → found by lookup, exactly one POST", async () => {
    const { client, store, posted, lookups } = await startStore(
      (n, create) => (create(), n === 1 ? { drop: true } : error(500, "unexpected")),
    );
    const asset = await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(asset.meta.id).toBe(store[0].meta.id);
    expect(store).toHaveLength(1);
    expect(posted()).toHaveLength(1);
    expect(lookups().map((r) => r.url)).toEqual([`${CM_PATH}?name=team-a-config&scope=project&projectId=1001`]);
  });

  test("dropped POST, asset does not exist → lookup, then a second POST", async () => {
    const { client, store, posted, lookups } = await startStore((n, create) => (n === 1 ? { drop: true } : created(create())));
    const asset = await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(asset.meta.id).toBe(store[0].meta.id);
    expect(store).toHaveLength(1);
    expect(posted()).toHaveLength(2);
    expect(lookups()).toHaveLength(1);
    expect(posted().map((r) => r.json)).toEqual([body, body]);
  });

  test("POST timed out while the server created the asset → found by lookup", async () => {
    const { client, store, posted } = await startStore((n, create) => ({ ...created(create()), delayMs: n === 1 ? 1000 : 0 }));
    const asset = await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(asset.meta.id).toBe(store[0].meta.id);
    expect(posted()).toHaveLength(1);
  });

  test("5xx on POST that did create → found by lookup", async () => {
    const { client, store, posted } = await startStore((_, create) => (create(), error(502, "bad gateway")));
    const asset = await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(asset.meta.id).toBe(store[0].meta.id);
    expect(posted()).toHaveLength(1);
  });

  test("409 on the re-sent POST after an uncertain first attempt → the first one created it", async () => {
    // The first POST is lost and lands late: not yet visible to the lookup, visible at the retry.
    const { client, store, create, posted, lookups } = await startStore((n) => {
      if (n === 1) return { drop: true };
      create();
      return error(409, "Resource with this name already exists");
    });
    const asset = await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(asset.meta.id).toBe(store[0].meta.id);
    expect(posted()).toHaveLength(2);
    expect(lookups()).toHaveLength(2);
  });

  test("the lookup compares name, scope and project exactly", async () => {
    const { client, create, store, posted } = await startStore((n, make) => (n === 1 ? { drop: true } : created(make())));
    create("team-a-config-old"); // same prefix
    create("team-a-config", 2002); // same name, another project
    const asset = await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(asset.meta).toMatchObject({ name: "team-a-config", projectId: 1001 });
    expect(store).toHaveLength(3);
    expect(posted()).toHaveLength(2);
  });

  test("429 means the server did not act: re-sent after Retry-After without a lookup", async () => {
    const { client, posted, lookups, events } = await startStore((n, create) =>
      n === 1 ? error(429, "slow down", { "retry-after": "0" }) : created(create()),
    );
    await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(posted()).toHaveLength(2);
    expect(lookups()).toHaveLength(0);
    expect(events.map((e) => [e.method, e.reason, e.delayMs])).toEqual([["POST", "429", 0]]);
  });

  test("503 → lookup (nothing) → re-sent", async () => {
    const { client, posted, lookups } = await startStore((n, create) => (n === 1 ? error(503, "unavailable") : created(create())));
    await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(posted()).toHaveLength(2);
    expect(lookups()).toHaveLength(1);
  });

  test("gives up after maxAttempts POSTs with the last error, having looked up after each", async () => {
    const { client, posted, lookups } = await startStore(() => error(500, "database down"));
    const e = await caught(client.assets(CONFIG_MAP_ASSET).create(body));
    expect(e).toBeInstanceOf(RunaiServerError);
    expect(e.message).toBe(`POST ${CM_PATH} → 500: database down (gave up after 4 attempts)`);
    expect(posted()).toHaveLength(4);
    expect(lookups()).toHaveLength(4);
  });

  test.each([
    [409, "Resource with this name already exists", RunaiConflictError],
    [400, "config map resource 'x' of project scope could not be found in the cluster", RunaiBadRequestError],
  ])("a definite failure is not retried and not looked up: %i on the first POST", async (status, message, Cls) => {
    const { client, posted, lookups } = await startStore(() => error(status, message));
    const e = await caught(client.assets(CONFIG_MAP_ASSET).create(body));
    expect(e).toBeInstanceOf(Cls);
    expect(e.message).toBe(`POST ${CM_PATH} → ${status}: ${message}`);
    expect(posted()).toHaveLength(1);
    expect(lookups()).toHaveLength(0);
  });

  test("a 401 on POST renews the token and re-sends once (the server did not act)", async () => {
    const { client, server, posted } = await startStore((n, create) => (n === 1 ? error(401, "expired") : created(create())));
    await client.assets(CONFIG_MAP_ASSET).create(body);
    expect(posted()).toHaveLength(2);
    expect(server.requestsTo("POST", "/api/v1/token")).toHaveLength(2);
  });
});

describe("application create after an uncertain outcome", () => {
  async function startApps(onPost: (attempt: number) => Reply) {
    const server = await TestServer.start();
    serveTokens(server);
    const apps: Array<Record<string, unknown>> = [];
    let posts = 0;
    let secrets = 0;
    server.route("POST", "/api/v1/apps", (r) => {
      const reply = onPost(++posts);
      if (!("status" in reply && reply.status! >= 400)) {
        apps.push({ ...application, id: `app-${apps.length + 1}`, name: (r.json as { name: string }).name });
      }
      return "drop" in reply
        ? reply
        : { ...reply, json: { id: apps.at(-1)!.id, name: apps.at(-1)!.name, clientId: "ci-bot", secret: "secret-from-create" } };
    });
    server.route("GET", "/api/v1/apps", () => ({ json: apps }));
    server.route("POST", /^\/api\/v1\/apps\/[^/]+\/secret$/, () => ({ json: { secret: `regenerated-secret-${++secrets}` } }));
    const client = new RunaiClient({
      url: server.url,
      auth: { token: "static-token-value" },
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    cleanups.push(
      () => client.close(),
      () => server.close(),
    );
    return { server, client, apps };
  }

  test("dropped POST that created the app → found by name, its lost secret regenerated once", async () => {
    const { server, client, apps } = await startApps(() => ({ drop: true }));
    const result = await client.apps.create({ name: "ci-bot" });
    expect(result).toEqual({ id: "app-1", name: "ci-bot", clientId: "ci-bot", secret: "regenerated-secret-1" });
    expect(apps).toHaveLength(1);
    expect(server.requestsTo("POST", "/api/v1/apps")).toHaveLength(1);
    expect(server.requestsTo("POST", "/api/v1/apps/app-1/secret")).toHaveLength(1);
  });

  test("a normal create returns the secret of the 201", async () => {
    const { client } = await startApps(() => ({ status: 201 }));
    await expect(client.apps.create({ name: "ci-bot" })).resolves.toMatchObject({ secret: "secret-from-create" });
  });
});
