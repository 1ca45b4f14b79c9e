// Credentials that expire or are revoked during a run, through the real CLI: 2-second access tokens
// over a half-minute up, and a client secret regenerated in the middle of one.
import { declare, expectServerEqualsState, lifecycleProgram as program } from "../support/declared-assets";
import { APPS, EmulatorHarness, ROLE_IDS } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

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

  it("a 30-second up with 2-second tokens completes, and no 401 reaches the user", async () => {
    // 24 assets that each take ~10 s to sync, eight at a time: half a minute, some fifteen token
    // lifetimes (the sync polls, at most 2 s apart, keep requests going through every one of them).
    const { emulator, config } = await setup(10_000);
    const stack = await TestStack.create({ program, config: config("expiry", 24) });
    try {
      const result = await stack.up();
      // A word of its own: the ids in the stack's outputs are UUIDs, which may hold the digits.
      expect(result.stdout + result.stderr).not.toMatch(/\b401\b/);
      await expectServerEqualsState(emulator, stack, "expiry", 24);
      const tokens = (await emulator.counters())["POST /api/v1/token"]?.["200"] ?? 0;
      // Renewed as the tokens expired (the run outlives some fifteen of them), not fetched once.
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
