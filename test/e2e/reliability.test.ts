// The provider under the failures a large tenant sees, through the real CLI: injected faults at
// scale, and a control-plane outage with a restart (credentials that expire or are revoked during a
// run: credential-expiry.test.ts).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import {
  declare,
  expectOrganisationEqualsState,
  expectServerEqualsState,
  lifecycleProgram as program,
  serverObjects,
  serverOrganisationIds,
  untilServerHolds,
} from "../support/declared-assets";
import type { FaultRule } from "../../src/emulator";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

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

describe("departments, projects, applications, clusters, node pools, access rules, workload policies and identity providers under injected faults", () => {
  const KINDS = ["Department", "Project", "Application", "Cluster", "NodePool", "AccessRule", "WorkloadPolicy", "IdentityProvider"];
  const COUNT = 16;
  const FAULTS: FaultRule[] = [
    { errorRate: 0.1, errorStatus: 503 },
    { errorRate: 0.05 / 0.9, errorStatus: 429, retryAfterSeconds: 1 },
    { dropAfterCommitRate: 0.02 },
    { latencyMs: 2, jitterMs: 30 },
  ];
  let emulator: EmulatorHarness;
  let stack: TestStack;
  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    await prepareFixtures(emulator);
    stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), "lifecycle:resources": declare("org", COUNT, KINDS) },
    });
    await emulator.setFaults(FAULTS);
  });
  afterAll(async () => {
    await emulator?.clearFaults();
    await stack?.cleanup();
    await emulator?.stop();
  });

  it("creates them all: one object per resource on the server, each the one the state holds", async () => {
    await stack.up();
    await expectOrganisationEqualsState(emulator, stack, "org", COUNT);
  });

  // An access rule has nothing to change in place: it stays as it is.
  it("updates them all in place (a cluster renamed, a node pool relabelled, quotas and a policy's limit changed): still one object per resource", async () => {
    await stack.setConfig("lifecycle:resources", declare("org", COUNT, KINDS, "inPlace"));
    await stack.up();
    await expectOrganisationEqualsState(emulator, stack, "org", COUNT);
    await emulator.clearFaults();
    await stack.preview({ expectNoChanges: true, refresh: true });
  });

  it("destroys them all: nothing of theirs is left on the server", async () => {
    await emulator.setFaults(FAULTS.filter((fault) => !("retryAfterSeconds" in fault)));
    await stack.destroy();
    expect(await serverOrganisationIds(emulator, "org")).toEqual([]);
  });
});

describe("tenant and security settings under injected faults", () => {
  // Two keys of each kind (a setting has one resource per key): the fixtures' first and replacing keys.
  const SETTINGS = ["TenantSetting", "SecuritySetting"];
  const resources = (variant: "args" | "inPlace") =>
    JSON.stringify(
      Object.fromEntries(
        SETTINGS.flatMap((type) => {
          const fixture = KIND_FIXTURES[type];
          const first = variant === "inPlace" ? fixture.inPlace!("faulty") : fixture.args("faulty");
          return [
            [`faulty-${type.toLowerCase()}-1`, { type, args: first }],
            [`faulty-${type.toLowerCase()}-2`, { type, args: fixture.replacing("faulty") }],
          ];
        }),
      ),
    );
  /** Each key's value on the server, read by hand. */
  const values = async (variant: "args" | "inPlace" | "original") => {
    const read: Record<string, unknown> = {};
    for (const type of SETTINGS) {
      const fixture = KIND_FIXTURES[type];
      for (const key of [fixture.args("faulty").key, fixture.replacing("faulty").key] as string[]) {
        read[key] = variant === "original" ? fixture.singleton!.original(key) : await fixture.singleton!.valueOf(emulator, key);
      }
    }
    return read;
  };
  const FAULTS: FaultRule[] = [
    { errorRate: 0.2, errorStatus: 503 },
    { errorRate: 0.1, errorStatus: 429, retryAfterSeconds: 1 },
    { dropAfterCommitRate: 0.1 },
    { latencyMs: 2, jitterMs: 30 },
  ];
  let emulator: EmulatorHarness;
  let stack: TestStack;
  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    stack = await TestStack.create({ program, config: { ...emulator.stackConfig(), "lifecycle:resources": resources("args") } });
    await emulator.setFaults(FAULTS);
  });
  afterAll(async () => {
    await emulator?.clearFaults();
    await stack?.cleanup();
    await emulator?.stop();
  });

  // The values are read by hand with the faults cleared: the harness's reads are not retried.
  it("sets them all, updates them in place, and the next refresh finds nothing to change", async () => {
    await stack.up();
    await emulator.clearFaults();
    expect(await values("args")).toEqual({
      "gpuIdleTimeout.minutes": "30",
      "login.banner": "Managed by Pulumi",
      browserSessionTimeout: { idleTimeout: 30 },
      logoutRedirectUri: { uri: "https://example.com/signed-out" },
    });
    await stack.setConfig("lifecycle:resources", resources("inPlace"));
    await emulator.setFaults(FAULTS);
    await stack.up();
    await emulator.clearFaults();
    expect(await values("inPlace")).toMatchObject({ "gpuIdleTimeout.minutes": "45", browserSessionTimeout: { idleTimeout: 45 } });
    await stack.preview({ expectNoChanges: true, refresh: true });
  });

  it("destroys them all: every key holds the value it had before the stack", async () => {
    await emulator.setFaults([{ errorRate: 0.2, errorStatus: 503 }, { dropAfterCommitRate: 0.1 }]);
    await stack.destroy();
    await emulator.clearFaults();
    expect(await values("inPlace")).toEqual(await values("original"));
  });
});

/** Resolves once the server holds `count` objects named `<prefix>-…`. */

describe("an outage of the control plane in the middle of an up", () => {
  const KINDS = ["ConfigMapAsset", "EnvironmentAsset", "NfsAsset", "ComputeAsset"];
  const COUNT = 30;
  /**
   * An emulator that keeps its state in a file, so that `restart` (on the same port) picks up where
   * it stopped, and a stack of `count` assets named `<prefix>-<i>` on it.
   */
  async function outageStack(prefix: string, count: number, config: Record<string, string> = {}) {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "runai-outage-")), "state.json");
    const emulator = await EmulatorHarness.start({ stateFile, syncDelayMs: 300 });
    await prepareFixtures(emulator);
    const port = emulator.emulator.port;
    const stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), ...config, "lifecycle:resources": declare(prefix, count, KINDS) },
    });
    return { emulator, stack, restart: () => EmulatorHarness.start({ stateFile, syncDelayMs: 300, port }) };
  }

  // The outage stays well inside a retry budget the test sets (the default is 60 s): a short outage
  // keeps the wait, and the backoff that grows through it, short.
  it("rides out a 6-second stop and a restart from the state file within a 20-second retry budget; the next preview has nothing to do", async () => {
    const outage = await outageStack("outage", COUNT, { "runai:retryTimeoutSeconds": "20" });
    const { stack, restart } = outage;
    let { emulator } = outage;
    try {
      await emulator.resetCounters();
      const running = stack.up();
      // Stop once a third of the objects exist, restart 6 s later on the same address.
      await untilServerHolds(emulator, "outage", 10);
      await emulator.stop();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      emulator = await restart();

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
    const outage = await outageStack("short", 12, { "runai:retryTimeoutSeconds": "3" });
    const { stack, restart } = outage;
    let { emulator } = outage;
    try {
      const running = stack.up([], { allowFailure: true });
      await untilServerHolds(emulator, "short", 4);
      await emulator.stop();
      const failed = await running;
      expect(failed.code).not.toBe(0);
      expect(failed.stdout).toMatch(/→ network error: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(gave up after \d+ attempts\)/);

      // Creates whose answer never came are kept in state under a placeholder, so a plain second up
      // converges: no "already exists", no orphan, no duplicate.
      emulator = await restart();
      await stack.up();
      await expectServerEqualsState(emulator, stack, "short", 12);
      await stack.preview({ expectNoChanges: true });
    } finally {
      await stack.cleanup();
      await emulator.stop();
    }
  });
});
