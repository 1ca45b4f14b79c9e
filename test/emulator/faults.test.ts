// Fault injection, request counters and the rest of the /__emulator/ admin API.
import { CONFIG_MAPS, ENVIRONMENTS, TOKEN, useEmulator } from "../support/emulator";
import { configMapBody, environmentBody } from "./helpers";
import { startEmulator } from "../../src/emulator";
import { ASSET_KINDS } from "../../src/emulator/families/kinds";

/** Every asset kind of the emulator's table serves a collection and an item route, in table order. */
const ASSET_ROUTES = ASSET_KINDS.map((kind) => `"${kind.path}", "${kind.path}/{AssetId}"`).join(", ");
const ORG_ROUTES = [
  "/api/v1/org-unit/departments",
  "/api/v1/org-unit/departments/{departmentId}",
  "/api/v1/org-unit/projects",
  "/api/v1/org-unit/projects/{projectId}",
  "/api/v1/clusters",
  "/api/v1/clusters/{clusterUuid}",
  "/api/v1/clusters/{clusterUuid}/cluster-install-info",
  "/api/v1/node-pools",
  "/api/v1/node-pools/{nodepoolId}",
  "/api/v1/authorization/roles",
  "/api/v1/authorization/roles/{roleIdPath}",
  "/api/v1/authorization/access-rules",
  "/api/v1/authorization/access-rules/{accessRuleId}",
  "/api/v2/policy",
  "/api/v2/policy/trainings",
  "/api/v2/policy/workspaces",
  "/api/v2/policy/distributed",
  "/api/v2/policy/inferences",
  "/v1/k8s/setting",
  "/v1/k8s/setting/{settingKey}",
  "/api/v1/security/settings",
  "/api/v1/security/settings/{key}",
  "/api/v1/idps",
  "/api/v1/idps/{idp}",
  "/api/v1/idps/{idp}/mappers",
]
  .map((template) => `"${template}"`)
  .join(", ");

const t = useEmulator({ syncDelayMs: 0, checkContract: true });

const setFaults = async (rules: unknown[]) => {
  const res = await t.admin("PUT", "/__emulator/faults", { rules });
  expect(res.status).toBe(200);
  return res.body;
};

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
};

describe("faults", () => {
  test("latency applies to the matching method and route only", async () => {
    await setFaults([{ method: "GET", route: ENVIRONMENTS, latencyMs: 400 }]);
    // Ordering instead of absolute times, so a loaded machine cannot make this flaky.
    const finished: string[] = [];
    const track = (label: string, call: Promise<{ status: number }>) =>
      call.then((res) => {
        finished.push(label);
        return res;
      });
    const [[slow, slowMs]] = await Promise.all([
      timed(() => track("delayed GET", t.call("GET", ENVIRONMENTS))),
      track("other route", t.call("GET", CONFIG_MAPS)),
      track("other method", t.call("POST", ENVIRONMENTS, { body: environmentBody("e") })),
    ]);
    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(390);
    expect(finished[2]).toBe("delayed GET");
  });

  test("errors apply to the matching method and route only", async () => {
    await setFaults([{ method: "GET", route: ENVIRONMENTS, errorRate: 1 }]);
    expect((await t.call("GET", ENVIRONMENTS)).status).toBe(503);
    expect((await t.call("GET", CONFIG_MAPS)).status).toBe(200);
    expect((await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") })).status).toBe(202);
  });

  test("jitter adds up to jitterMs on top of latencyMs", async () => {
    await setFaults([{ route: ENVIRONMENTS, latencyMs: 100, jitterMs: 100 }]);
    const [, ms] = await timed(() => t.call("GET", ENVIRONMENTS));
    expect(ms).toBeGreaterThanOrEqual(95);
  });

  test("errorRate 1 answers 503 with Retry-After and performs no write", async () => {
    await setFaults([{ method: "POST", route: ENVIRONMENTS, errorRate: 1, retryAfterSeconds: 2 }]);
    const res = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(res.body).toEqual({ code: 503, message: "injected fault: service unavailable" });
    expect((await t.call("GET", ENVIRONMENTS)).body.entries).toEqual([]);
  });

  test("errorStatus 429 answers Too Many Requests; no Retry-After unless asked", async () => {
    await setFaults([{ errorRate: 1, errorStatus: 429 }]);
    const res = await t.call("GET", CONFIG_MAPS);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeNull();
    expect(res.body).toEqual({ code: 429, message: "injected fault: too many requests" });
    // A rule without a route applies to the token endpoint too.
    expect((await t.token("runai-admin", "runai-admin-secret")).status).toBe(429);
  });

  test("times bounds how many requests get the error", async () => {
    await setFaults([{ method: "POST", route: CONFIG_MAPS, errorRate: 1, times: 2 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.call("POST", CONFIG_MAPS, { body: configMapBody(`c${i}`) })).status);
    expect(statuses).toEqual([503, 503, 202]);
  });

  test("dropAfterCommitRate commits the write, then drops the connection", async () => {
    await setFaults([{ method: "POST", route: CONFIG_MAPS, dropAfterCommitRate: 1, times: 1 }]);
    await expect(t.call("POST", CONFIG_MAPS, { body: configMapBody("dropped") })).rejects.toThrow(/fetch failed/);
    const list = await t.call("GET", `${CONFIG_MAPS}?name=dropped`);
    expect(list.body.entries).toHaveLength(1);
    // times: 1 is used up: the next write is answered normally.
    expect((await t.call("POST", CONFIG_MAPS, { body: configMapBody("answered") })).status).toBe(202);
    // The dropped request is counted with the status its handler committed.
    expect((await t.admin("GET", "/__emulator/counters")).body[`POST ${CONFIG_MAPS}`]).toEqual({ "202": 2 });
  });

  test("drops apply to writes only, and only to successful ones", async () => {
    await setFaults([{ dropAfterCommitRate: 1 }]);
    expect((await t.call("GET", ENVIRONMENTS)).status).toBe(200);
    expect((await t.call("POST", ENVIRONMENTS, { body: environmentBody("", { scope: "tenant" }) })).status).toBe(400);
    const created = t.call("POST", ENVIRONMENTS, { body: environmentBody("e", { scope: "tenant" }) });
    await expect(created).rejects.toThrow(/fetch failed/);
  });

  test("GET/PUT/DELETE /__emulator/faults manage the rules; methods are case-insensitive", async () => {
    const rules = [
      { method: "get", route: `${ENVIRONMENTS}/{AssetId}`, latencyMs: 5 },
      { errorRate: 0.5, errorStatus: 429 },
    ];
    expect(await setFaults(rules)).toEqual({ rules: [{ ...rules[0], method: "GET" }, rules[1]] });
    expect((await t.admin("GET", "/__emulator/faults")).body).toEqual({ rules: [{ ...rules[0], method: "GET" }, rules[1]] });
    expect((await t.admin("DELETE", "/__emulator/faults")).body).toEqual({ rules: [] });
    expect((await t.admin("GET", "/__emulator/faults")).body).toEqual({ rules: [] });
  });

  test.each([
    [{ rules: [{ errorRate: 2 }] }, "rules[0].errorRate: must be <= 1"],
    [{ rules: [{ errorStatus: 500 }] }, "rules[0].errorStatus: must be one of 503, 429"],
    [{ rules: [{ latencyMs: -1 }] }, "rules[0].latencyMs: must be >= 0"],
    [{ rules: [{ times: 1.5 }] }, "rules[0].times: must be integer"],
    [{ rules: [{ colour: "red" }] }, "rules[0].colour: is not allowed"],
    [{}, "rules: is required"],
    [
      { rules: [{ route: "/api/v1/nope" }] },
      `rules[0].route: must be one of "/api/v1/token", ${ASSET_ROUTES}, "/api/v1/apps", "/api/v1/apps/{appId}", "/api/v1/apps/{appId}/secret", ${ORG_ROUTES}, "<unmatched>"`,
    ],
  ])("PUT /__emulator/faults %j answers 400", async (body, message) => {
    const res = await t.admin("PUT", "/__emulator/faults", body);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  test("faults given at start are active and listed", async () => {
    const rules = [{ method: "GET", route: ENVIRONMENTS, errorRate: 1, errorStatus: 429 as const, retryAfterSeconds: 1 }];
    const emulator = await startEmulator({ port: 0, quiet: true, faults: rules });
    try {
      expect(await (await fetch(`${emulator.url}/__emulator/faults`)).json()).toEqual({ rules });
      const res = await fetch(`${emulator.url}${ENVIRONMENTS}`);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("1");
    } finally {
      await emulator.stop();
    }
  });

  test("invalid start-time faults are refused", async () => {
    await expect(startEmulator({ port: 0, quiet: true, faults: [{ errorRate: 3 }] })).rejects.toThrow("rules[0].errorRate: must be <= 1");
  });
});

describe("counters", () => {
  test("count API requests per method, route template and status; admin routes are not counted", async () => {
    await t.admin("DELETE", "/__emulator/counters");
    const created = await t.call("POST", CONFIG_MAPS, { body: configMapBody("a") });
    await t.call("POST", CONFIG_MAPS, { body: configMapBody("a") });
    await t.call("GET", `${CONFIG_MAPS}/${created.body.meta.id}`);
    await t.call("GET", `${CONFIG_MAPS}/00000000-0000-4000-8000-000000000000`);
    await t.call("GET", CONFIG_MAPS, { token: null });
    await t.call("GET", "/api/v1/unknown", { token: null });
    await t.token("runai-admin", "runai-admin-secret");
    await t.admin("GET", "/__emulator/state");

    const counters = await t.admin("GET", "/__emulator/counters");
    expect(counters.status).toBe(200);
    expect(counters.body).toEqual({
      [`POST ${CONFIG_MAPS}`]: { "202": 1, "409": 1 },
      [`GET ${CONFIG_MAPS}/{AssetId}`]: { "200": 1, "404": 1 },
      [`GET ${CONFIG_MAPS}`]: { "401": 1 },
      "GET <unmatched>": { "404": 1 },
      [`POST ${TOKEN}`]: { "200": 1 },
    });

    expect((await t.admin("DELETE", "/__emulator/counters")).body).toEqual({});
    expect((await t.admin("GET", "/__emulator/counters")).body).toEqual({});
  });

  test("injected errors are counted with their status", async () => {
    await t.admin("DELETE", "/__emulator/counters");
    await setFaults([{ route: ENVIRONMENTS, errorRate: 1, times: 1 }]);
    await t.call("GET", ENVIRONMENTS);
    await t.call("GET", ENVIRONMENTS);
    expect((await t.admin("GET", "/__emulator/counters")).body).toEqual({ [`GET ${ENVIRONMENTS}`]: { "200": 1, "503": 1 } });
  });
});

describe("admin API", () => {
  test("reset returns to the seed: no assets, apps, counters or faults; tokens stay valid", async () => {
    await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    await t.call("POST", "/api/v1/apps", { body: { name: "ci-bot" } });
    await setFaults([{ latencyMs: 1 }]);
    const res = await t.admin("POST", "/__emulator/reset");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ reset: true });
    const state = await t.admin("GET", "/__emulator/state");
    expect(state.body.assets).toEqual([]);
    expect(state.body.apps).toEqual([]);
    expect((await t.admin("GET", "/__emulator/faults")).body).toEqual({ rules: [] });
    expect((await t.admin("GET", "/__emulator/counters")).body).toEqual({});
    expect((await t.call("GET", ENVIRONMENTS)).status).toBe(200);
  });

  test("GET /__emulator/state dumps organisation, assets with status and apps without secrets", async () => {
    const env = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    const app = await t.call("POST", "/api/v1/apps", { body: { name: "ci-bot" } });
    const state = await t.admin("GET", "/__emulator/state");
    expect(state.body.organisation).toEqual(t.emulator.organisation);
    expect(state.body.assets).toEqual([
      { kind: "environment", meta: env.body.meta, spec: env.body.spec, status: { status: "No issues found" }, forcedStatus: null },
    ]);
    const { secret, ...publicApp } = app.body;
    expect(state.body.apps).toEqual([publicApp]);
    const text = JSON.stringify(state.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain("secretHash");
  });

  test("unknown admin routes answer 404", async () => {
    const res = await t.admin("GET", "/__emulator/nothing");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: "no emulator admin route GET /__emulator/nothing" });
  });
});

describe("organisation", () => {
  test("the seed is fixed", () => {
    expect(t.emulator.organisation).toEqual({
      tenantId: 1,
      clusterId: "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31",
      departments: [
        { id: "101", name: "research" },
        { id: "102", name: "platform" },
      ],
      projects: [
        { id: 1001, name: "team-a", departmentId: "101" },
        { id: 1002, name: "team-b", departmentId: "101" },
        { id: 1003, name: "team-c", departmentId: "102" },
      ],
    });
    expect(t.emulator.adminClientId).toBe("runai-admin");
    expect(t.emulator.adminClientSecret).toBe("runai-admin-secret");
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
