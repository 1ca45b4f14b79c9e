// The provider under the failures a large tenant sees, through the real CLI: injected faults at
// scale, a control-plane outage with a restart, access tokens that expire every two seconds, and a
// client secret revoked in the middle of a run.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import type { KindFixture } from "../fixtures/kinds";
import { APPS, EmulatorHarness, ROLE_IDS } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

const program = path.join(__dirname, "programs/lifecycle");
type Variant = "args" | "inPlace";

/** `count` resources named `<prefix>-<i>`, cycling through `kinds`. */
function declare(prefix: string, count: number, kinds: string[], variant: Variant = "args"): string {
  const fixture = (i: number): KindFixture => KIND_FIXTURES[kinds[i % kinds.length]];
  return JSON.stringify(
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`${prefix}-${i}`, { type: fixture(i).type, args: fixture(i)[variant]!(`${prefix}-${i}`) }]),
    ),
  );
}

/** Objects on the server whose name starts with `prefix`: name → ids. */
async function serverObjects(emulator: EmulatorHarness, prefix: string): Promise<Record<string, string[]>> {
  const state = (await emulator.api("GET", "/__emulator/state")).body as { assets: { meta: { id: string; name: string } }[] };
  const byName: Record<string, string[]> = {};
  for (const { meta } of state.assets) if (meta.name.startsWith(`${prefix}-`)) (byName[meta.name] ??= []).push(meta.id);
  return byName;
}

/** One object per declared name on the server, and each is the one the stack's state holds. */
async function expectServerEqualsState(emulator: EmulatorHarness, stack: TestStack, prefix: string, count: number) {
  const ids = (await stack.outputs()).ids as Record<string, string>;
  expect(Object.keys(ids)).toHaveLength(count);
  const expected = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, [id]]));
  expect(await serverObjects(emulator, prefix)).toEqual(expected);
}

describe("100 assets of eight kinds under injected faults", () => {
  const KINDS = ["ConfigMapAsset", "EnvironmentAsset", "NfsAsset", "HostPathAsset", "ComputeAsset", "PvcAsset", "GitAsset", "S3Asset"];
  const COUNT = 100;
  let emulator: EmulatorHarness;
  let stack: TestStack;
  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    await prepareFixtures(emulator);
    stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), "lifecycle:resources": declare("scale", COUNT, KINDS) },
    });
    await emulator.setFaults([
      // 10 % answered 503 and 5 % 429 with Retry-After (the first matching rule that fires wins),
      // 2 % of writes committed and then the connection dropped, and jitter on every request.
      { errorRate: 0.1, errorStatus: 503 },
      { errorRate: 0.05 / 0.9, errorStatus: 429, retryAfterSeconds: 1 },
      { dropAfterCommitRate: 0.02 },
      { latencyMs: 2, jitterMs: 30 },
    ]);
    await emulator.resetCounters();
  });
  afterAll(async () => {
    await emulator?.clearFaults();
    await stack?.cleanup();
    await emulator?.stop();
  });

  it("creates them all: the server equals the state, with no duplicate and no orphan", async () => {
    await stack.up();
    await expectServerEqualsState(emulator, stack, "scale", COUNT);
  });

  it("updates them all in place: every object holds the new values, still one per name", async () => {
    await stack.setConfig("lifecycle:resources", declare("scale", COUNT, KINDS, "inPlace"));
    await stack.up();
    await expectServerEqualsState(emulator, stack, "scale", COUNT);
    await emulator.clearFaults();
    await stack.preview({ expectNoChanges: true, refresh: true });
  });

  it("destroys them all: nothing is left on the server", async () => {
    await emulator.setFaults([{ errorRate: 0.1, errorStatus: 503 }, { dropAfterCommitRate: 0.02 }, { latencyMs: 2, jitterMs: 30 }]);
    await stack.destroy();
    expect(await serverObjects(emulator, "scale")).toEqual({});
  });

  it("met every fault kind, and sent nothing the API refused as malformed", async () => {
    const counters = await emulator.counters();
    const statuses = (status: string) => Object.values(counters).reduce((sum, byStatus) => sum + (byStatus[status] ?? 0), 0);
    expect({ "503": statuses("503") > 0, "429": statuses("429") > 0, "400": statuses("400") }).toEqual({
      "503": true,
      "429": true,
      "400": 0,
    });
  });
});

/** Resolves once the server holds `count` objects named `<prefix>-…`. */
async function untilServerHolds(emulator: EmulatorHarness, prefix: string, count: number): Promise<void> {
  while (Object.keys(await serverObjects(emulator, prefix)).length < count) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("an outage of the control plane in the middle of an up", () => {
  const KINDS = ["ConfigMapAsset", "EnvironmentAsset", "NfsAsset", "ComputeAsset"];
  const COUNT = 30;
  it("rides out a 20-second stop and a restart from the state file within the retry budget; the next preview has nothing to do", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "runai-outage-")), "state.json");
    let emulator = await EmulatorHarness.start({ stateFile, syncDelayMs: 300 });
    await prepareFixtures(emulator);
    const port = emulator.emulator.port;
    const stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), "lifecycle:resources": declare("outage", COUNT, KINDS) },
    });
    try {
      await emulator.resetCounters();
      const running = stack.up();
      // Stop once a third of the objects exist, restart 20 s later on the same address.
      await untilServerHolds(emulator, "outage", 10);
      await emulator.stop();
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      emulator = await EmulatorHarness.start({ stateFile, syncDelayMs: 300, port });

      const result = await running;
      expect(result.stdout).toContain(`+ ${COUNT + 1} created`);
      await expectServerEqualsState(emulator, stack, "outage", COUNT);
      await stack.preview({ expectNoChanges: true, refresh: true });
    } finally {
      await stack.cleanup();
      await emulator.stop();
    }
  });

  it("fails with the retry budget's message when the outage outlasts runai:retryTimeoutSeconds, and the next up converges", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "runai-outage-")), "state.json");
    let emulator = await EmulatorHarness.start({ stateFile, syncDelayMs: 300 });
    await prepareFixtures(emulator);
    const port = emulator.emulator.port;
    const stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), "runai:retryTimeoutSeconds": "3", "lifecycle:resources": declare("short", 12, KINDS) },
    });
    try {
      const running = stack.up([], { allowFailure: true });
      await untilServerHolds(emulator, "short", 4);
      await emulator.stop();
      const failed = await running;
      expect(failed.code).not.toBe(0);
      expect(failed.stdout).toMatch(/→ network error: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(gave up after \d+ attempts\)/);

      // Creates whose answer never came are kept in state under a placeholder, so a plain second up
      // converges: no "already exists", no orphan, no duplicate.
      emulator = await EmulatorHarness.start({ stateFile, syncDelayMs: 300, port });
      await stack.up();
      await expectServerEqualsState(emulator, stack, "short", 12);
      await stack.preview({ expectNoChanges: true });
    } finally {
      await stack.cleanup();
      await emulator.stop();
    }
  });
});

describe("credentials that expire or are revoked during a run", () => {
  const KINDS = ["ConfigMapAsset", "EnvironmentAsset", "NfsAsset"];

  /** An emulator issuing 2-second tokens, and an application with the rights to manage assets. */
  async function setup(syncDelayMs: number) {
    const emulator = await EmulatorHarness.start({ tokenTtlSeconds: 2, syncDelayMs });
    const adminToken = async () => (await emulator.tryToken(emulator.emulator.adminClientId, emulator.emulator.adminClientSecret))!;
    const app = (await emulator.call("POST", APPS, { body: { name: "deployer" }, token: await adminToken() })).body;
    const rule = { subjectType: "app", subjectId: "deployer", roleId: ROLE_IDS.systemAdministrator, scopeType: "tenant", scopeId: "1" };
    expect((await emulator.call("POST", "/api/v1/authorization/access-rules", { body: rule, token: await adminToken() })).status).toBe(201);
    const config = (prefix: string, count: number) => ({
      "runai:url": emulator.url,
      "runai:clientId": app.clientId as string,
      "runai:clientSecret": { value: app.secret as string, secret: true },
      "lifecycle:resources": declare(prefix, count, KINDS),
    });
    return { emulator, app, adminToken, config };
  }

  it("a 60-second up with 2-second tokens completes, and no 401 reaches the user", async () => {
    // 24 assets that each take ~20 s to sync, eight at a time: about a minute, some thirty token lifetimes.
    const { emulator, config } = await setup(20_000);
    const stack = await TestStack.create({ program, config: config("expiry", 24) });
    try {
      const result = await stack.up();
      expect(result.stdout + result.stderr).not.toContain("401");
      await expectServerEqualsState(emulator, stack, "expiry", 24);
      const tokens = (await emulator.counters())["POST /api/v1/token"]?.["200"] ?? 0;
      // Renewed as the tokens expired (the run outlives some twenty of them), not fetched once.
      expect(tokens).toBeGreaterThan(10);
    } finally {
      await stack.cleanup();
      await emulator.stop();
    }
  });

  it("a client secret regenerated mid-run fails the run at once, naming runai:clientSecret", async () => {
    const { emulator, app, adminToken, config } = await setup(5_000);
    const stack = await TestStack.create({ program, config: config("revoked", 24) });
    try {
      const running = stack.up([], { allowFailure: true });
      while (((await emulator.counters())["POST /api/v1/asset/datasource/config-map"]?.["202"] ?? 0) < 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const regenerated = await emulator.call("POST", `${APPS}/${app.id}/secret`, { token: await adminToken() });
      expect(regenerated.status).toBe(200);
      const failed = await running;
      expect(failed.code).not.toBe(0);
      // A refusal is final: never retried, so the refused token requests stay fewer than the resources.
      const refused = (await emulator.counters())["POST /api/v1/token"]?.["401"] ?? 0;
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(24);
      expect(failed.stdout).toContain(
        "Run:ai refused the client credentials of runai:clientId and runai:clientSecret (or the RUNAI_CLIENT_ID and RUNAI_CLIENT_SECRET environment variables): POST /api/v1/token → 401: invalid client credentials. Check the client id, and set the secret with `pulumi config set --secret runai:clientSecret <secret>`",
      );
      expect(failed.stdout + failed.stderr).not.toContain(app.secret);
    } finally {
      await stack.cleanup();
      await emulator.stop();
    }
  });
});
