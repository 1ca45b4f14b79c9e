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
import type { FileStack } from "../support/declared-assets";
import type { FaultRule } from "../../src/emulator";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

// Three stacks side by side, each on an emulator of its own with its own faults: what one proves does
// not depend on the others, and running them at once takes the time of the longest.
describe("under injected faults, side by side: 100 assets of eight kinds; departments, projects, applications, clusters, node pools, access rules, workload policies and identity providers; tenant and security settings", () => {
  const ASSET_KINDS = [
    "ConfigMapAsset",
    "EnvironmentAsset",
    "NfsAsset",
    "HostPathAsset",
    "ComputeAsset",
    "PvcAsset",
    "GitAsset",
    "S3Asset",
  ];
  const ASSET_COUNT = 100;
  const ORG_KINDS = ["Department", "Project", "Application", "Cluster", "NodePool", "AccessRule", "WorkloadPolicy", "IdentityProvider"];
  const ORG_COUNT = 16;
  const FAULTS: FaultRule[] = [
    // 10 % answered 503 and 5 % 429 with Retry-After (the first matching rule that fires wins),
    // 2 % of writes committed and then the connection dropped, and jitter on every request.
    { errorRate: 0.1, errorStatus: 503 },
    { errorRate: 0.05 / 0.9, errorStatus: 429, retryAfterSeconds: 1 },
    { dropAfterCommitRate: 0.02 },
    { latencyMs: 2, jitterMs: 30 },
  ];
  // Destroy meets the same faults but the 429s.
  const DESTROY_FAULTS = FAULTS.filter((fault) => !("retryAfterSeconds" in fault));

  // Settings: two keys of each kind (a setting has one resource per key), the fixtures' first and
  // replacing keys, under harsher faults.
  const SETTINGS = ["TenantSetting", "SecuritySetting"];
  const SETTING_FAULTS: FaultRule[] = [
    { errorRate: 0.2, errorStatus: 503 },
    { errorRate: 0.1, errorStatus: 429, retryAfterSeconds: 1 },
    { dropAfterCommitRate: 0.1 },
    { latencyMs: 2, jitterMs: 30 },
  ];
  const settingResources = (variant: "args" | "inPlace") =>
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
  /** Each key's value on the server, read by hand (with the faults cleared: the harness's reads are not retried). */
  const settingValues = async (variant: "inPlace" | "original" | "held") => {
    const read: Record<string, unknown> = {};
    for (const type of SETTINGS) {
      const fixture = KIND_FIXTURES[type];
      for (const key of [fixture.args("faulty").key, fixture.replacing("faulty").key] as string[]) {
        read[key] = variant === "original" ? fixture.singleton!.original(key) : await fixture.singleton!.valueOf(settings.emulator, key);
      }
    }
    return read;
  };

  /** An emulator (with the fixtures' prerequisites) and a stack declaring `resources` on it, faults on. */
  async function faultyStack(resources: string, faults: FaultRule[], withFixtures = true): Promise<FileStack> {
    const emulator = await EmulatorHarness.start();
    if (withFixtures) await prepareFixtures(emulator);
    const stack = await TestStack.create({ program, config: { ...emulator.stackConfig(), "lifecycle:resources": resources } });
    await emulator.setFaults(faults);
    await emulator.resetCounters();
    return { emulator, stack };
  }
  let assets: FileStack;
  let org: FileStack;
  let settings: FileStack;
  beforeAll(async () => {
    [assets, org, settings] = await Promise.all([
      faultyStack(declare("scale", ASSET_COUNT, ASSET_KINDS), FAULTS),
      faultyStack(declare("org", ORG_COUNT, ORG_KINDS), FAULTS),
      faultyStack(settingResources("args"), SETTING_FAULTS, false),
    ]);
  });
  afterAll(async () => {
    for (const file of [assets, org, settings]) {
      await file?.emulator.clearFaults();
      await file?.stack.cleanup();
      await file?.emulator.stop();
    }
  });

  it("creates them all: the server equals the state, one object per resource, with no duplicate and no orphan; every key holds the program's value", async () => {
    await Promise.all([
      (async () => {
        await assets.stack.up();
        await expectServerEqualsState(assets.emulator, assets.stack, "scale", ASSET_COUNT);
      })(),
      (async () => {
        await org.stack.up();
        await expectOrganisationEqualsState(org.emulator, org.stack, "org", ORG_COUNT);
      })(),
      (async () => {
        await settings.stack.up();
        await settings.emulator.clearFaults();
        expect(await settingValues("held")).toEqual({
          "gpuIdleTimeout.minutes": "30",
          "login.banner": "Managed by Pulumi",
          browserSessionTimeout: { idleTimeout: 30 },
          logoutRedirectUri: { uri: "https://example.com/signed-out" },
        });
      })(),
    ]);
  });

  // An access rule has nothing to change in place: it stays as it is.
  it("updates them all in place (assets' values, a cluster renamed, a node pool relabelled, quotas, a policy's limit, settings' values): still one object per resource, and the next refresh finds nothing to change", async () => {
    await Promise.all([
      (async () => {
        await assets.stack.setConfig("lifecycle:resources", declare("scale", ASSET_COUNT, ASSET_KINDS, "inPlace"));
        await assets.stack.up();
        await expectServerEqualsState(assets.emulator, assets.stack, "scale", ASSET_COUNT);
        await assets.emulator.clearFaults();
        await assets.stack.preview({ expectNoChanges: true, refresh: true });
      })(),
      (async () => {
        await org.stack.setConfig("lifecycle:resources", declare("org", ORG_COUNT, ORG_KINDS, "inPlace"));
        await org.stack.up();
        await expectOrganisationEqualsState(org.emulator, org.stack, "org", ORG_COUNT);
        await org.emulator.clearFaults();
        await org.stack.preview({ expectNoChanges: true, refresh: true });
      })(),
      (async () => {
        await settings.stack.setConfig("lifecycle:resources", settingResources("inPlace"));
        await settings.emulator.setFaults(SETTING_FAULTS);
        await settings.stack.up();
        await settings.emulator.clearFaults();
        expect(await settingValues("held")).toMatchObject({ "gpuIdleTimeout.minutes": "45", browserSessionTimeout: { idleTimeout: 45 } });
        await settings.stack.preview({ expectNoChanges: true, refresh: true });
      })(),
    ]);
  });

  it("destroys them all: nothing of theirs is left on the server, and every key holds the value it had before the stack", async () => {
    await Promise.all([
      (async () => {
        await assets.emulator.setFaults(DESTROY_FAULTS);
        await assets.stack.destroy();
        expect(await serverObjects(assets.emulator, "scale")).toEqual({});
      })(),
      (async () => {
        await org.emulator.setFaults(DESTROY_FAULTS);
        await org.stack.destroy();
        expect(await serverOrganisationIds(org.emulator, "org")).toEqual([]);
      })(),
      (async () => {
        await settings.emulator.setFaults([{ errorRate: 0.2, errorStatus: 503 }, { dropAfterCommitRate: 0.1 }]);
        await settings.stack.destroy();
        await settings.emulator.clearFaults();
        expect(await settingValues("held")).toEqual(await settingValues("original"));
      })(),
    ]);
  });

  // The assets' run makes enough requests that every fault fires (the organisation's few may miss the 429s).
  it("met every fault kind, and sent nothing the API refused as malformed", async () => {
    const counters = await assets.emulator.counters();
    const statuses = (status: string) => Object.values(counters).reduce((sum, byStatus) => sum + (byStatus[status] ?? 0), 0);
    expect({ "503": statuses("503") > 0, "429": statuses("429") > 0, "400": statuses("400") }).toEqual({
      "503": true,
      "429": true,
      "400": 0,
    });
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
      // Its objects go away with the emulator: a destroy would prove nothing here.
      await stack.cleanup({ destroy: false });
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
      // Its objects go away with the emulator: a destroy would prove nothing here.
      await stack.cleanup({ destroy: false });
      await emulator.stop();
    }
  });
});
