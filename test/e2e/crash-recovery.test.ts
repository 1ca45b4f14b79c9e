// `pulumi up` killed with SIGKILL (CLI, language host and providers at once, as when a CI runner is
// killed) in the creates and in an update of a 30-object run, with the engine's checkpoints kept and
// skipped (PULUMI_SKIP_CHECKPOINTS). The messages must lead back to a converged stack with `pulumi cancel`,
// the discovery run (`pulumi up` after the cancel) and at most the commands it names, once, in
// agreement with the engine's own warning, with no edit of the program, no duplicate and no orphan.
// Last, settings: a create killed between Run:ai taking the value and the engine saving it loses the
// value to put back (and the provider says so at the next create); one killed before its write loses nothing.
import * as fs from "node:fs";
import * as path from "node:path";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import { VALIDATE_ONLY_SUFFIX } from "../../src/emulator/http/counters";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";
import type { CommandResult, StackExport } from "../support/pulumi-stack";
import { RECOVERY, RECOVERY_SKIPPED_CHECKPOINTS, refusalLine, refusalsInDiagnostics } from "../support/not-managed";

const program = path.join(__dirname, "programs/lifecycle");
// Kinds that need nothing else to exist (no credential reference), so any 30 of them can be declared;
// the fixtures give each numbered policy a place of its own.
const KINDS = [
  "ConfigMapAsset",
  "EnvironmentAsset",
  "NfsAsset",
  "HostPathAsset",
  "ComputeAsset",
  "GitAsset",
  "WorkloadPolicy",
  "IdentityProvider",
];
const COUNT = 30;
const names = Array.from({ length: COUNT }, (_, i) => `crash-${i}`);
const kindOf = (i: number) => KIND_FIXTURES[KINDS[i % KINDS.length]];

/** What a refusal asks of the user, after naming the object: an asset, a policy (no name of its own to change), an identity provider. */
const ASSET_REFUSAL = "Set adoptExisting: true to take it over with this program's values, or choose another meta.name.";
const POLICY_REFUSAL =
  "Set adoptExisting: true to take it over with this program's values (adopting overwrites the scope's policy with the program's), " +
  "or remove it from this program (it exists already).";
const IDP_REFUSAL = "Set adoptExisting: true to take it over with this program's values, or choose another alias.";
const refusalOf = (line: string) =>
  line.includes('Workload policy "') ? POLICY_REFUSAL : line.includes('Identity provider "') ? IDP_REFUSAL : ASSET_REFUSAL;

function declared(variant: "args" | "inPlace") {
  return JSON.stringify(Object.fromEntries(names.map((name, i) => [name, { type: kindOf(i).type, args: kindOf(i)[variant]!(name) }])));
}

/**
 * The emulator of the describe that runs (each starts one of its own): what a describe leaves on
 * it goes away with it, so no describe destroys its 30 objects only to give the next a clean server.
 */
let emulator: EmulatorHarness;
async function startEmulator(): Promise<void> {
  // A sync wait long enough that a kill lands while many writes are in flight.
  emulator = await EmulatorHarness.start({ syncDelayMs: 400 });
  await prepareFixtures(emulator);
}

async function acknowledgedWrites(method: string): Promise<number> {
  let total = 0;
  for (const [key, byStatus] of Object.entries(await emulator.counters())) {
    // A policy's validateOnly PUT at check writes nothing.
    if (!key.startsWith(`${method} `) || key.endsWith(VALIDATE_ONLY_SUFFIX)) continue;
    for (const [status, count] of Object.entries(byStatus)) if (status.startsWith("2")) total += count;
  }
  return total;
}

/** Objects on the server named like this test's resources: name → ids (a policy's id is its place). */
async function serverObjects(): Promise<Map<string, string[]>> {
  const state = (await emulator.api("GET", "/__emulator/state")).body as {
    assets: { meta: { id: string; name: string } }[];
    policies: { name: string; type: string; scope: string; scopeId: string }[];
  };
  const identityProviders = (await emulator.api("GET", "/api/v1/idps")).body as { alias: string }[];
  const named = [
    ...state.assets.map(({ meta }) => ({ name: meta.name, id: meta.id })),
    ...state.policies.map((policy) => ({ name: policy.name, id: `${policy.type}/${policy.scope}/${policy.scopeId}` })),
    ...identityProviders.map(({ alias }) => ({ name: alias, id: alias })),
  ];
  const byName = new Map<string, string[]>();
  for (const { name, id } of named) {
    if (!name.startsWith("crash-")) continue;
    byName.set(name, [...(byName.get(name) ?? []), id]);
  }
  return byName;
}

/** The server holds exactly one object per declared name, and it is the one in the stack's state (returned). */
async function expectServerEqualsState(stack: TestStack): Promise<StackExport> {
  const ids = (await stack.outputs()).ids as Record<string, string>;
  const onServer = await serverObjects();
  expect(Object.fromEntries([...onServer].sort())).toEqual(Object.fromEntries(names.map((n) => [n, [ids[n]]]).sort()));
  const state = await stack.exportState();
  expect(
    (state.deployment.resources ?? [])
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/runai:"))
      .map((r) => r.id)
      .sort(),
  ).toEqual(Object.values(ids).sort());
  return state;
}

/** Where the file backend keeps the stack's checkpoints: `<project>/<stack>.json`. */
const stacksDirOf = (stack: TestStack) => path.join(new URL(stack.env.PULUMI_BACKEND_URL!).pathname, ".pulumi", "stacks");

/**
 * The ids of this test's objects in the engine's last checkpoint, read from the backend's file (no
 * CLI process, so the kill can wait on it): name → id; empty before the first checkpoint.
 */
function checkpointedIds(stack: TestStack): Record<string, string> {
  const stacksDir = stacksDirOf(stack);
  const projects = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
  const checkpoint = projects.map((project) => path.join(stacksDir, project, `${stack.name}.json`)).find((file) => fs.existsSync(file));
  if (!checkpoint) return {};
  // Written atomically (a rename), so a read sees a whole checkpoint.
  const { checkpoint: body } = JSON.parse(fs.readFileSync(checkpoint, "utf8")) as {
    checkpoint: { latest?: { resources?: { type: string; urn: string; id?: string }[] } };
  };
  return Object.fromEntries(
    (body.latest?.resources ?? [])
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/runai:"))
      .map((r) => [r.urn.split("::").pop()!, r.id!]),
  );
}

/**
 * The file backend writes each checkpoint atomically but its `.attrs` sidecar in place: a kill during
 * that write leaves it empty and every command fails with "failed to load checkpoint: EOF" (an engine
 * matter, not this provider's; the README's recovery section says to delete the empty file). The
 * checkpoint itself is whole, so deleting the empty sidecar is all it takes.
 */
function repairInterruptedAttrsWrite(stack: TestStack): void {
  const stacksDir = stacksDirOf(stack);
  for (const project of fs.readdirSync(stacksDir)) {
    const attrs = path.join(stacksDir, project, `${stack.name}.json.attrs`);
    if (fs.existsSync(attrs) && fs.statSync(attrs).size === 0) {
      process.stderr.write(`crash-recovery: the kill emptied ${path.basename(attrs)}; deleting it as the README says\n`);
      fs.rmSync(attrs);
    }
  }
}

/**
 * Kills `pulumi up` once `method` writes have been acknowledged, then walks the recovery the messages
 * name. With checkpoints skipped (the stack's environment sets PULUMI_SKIP_CHECKPOINTS), the engine
 * wrote nothing of the killed run: no record of interrupted creates, so the refusals name one command.
 */
async function killAndRecover(
  stack: TestStack,
  method: "POST" | "PUT",
  after: number,
  skipCheckpoints = false,
  alsoWhen: () => boolean = () => true,
): Promise<CommandResult[]> {
  await emulator.resetCounters();
  const stateBefore = skipCheckpoints ? JSON.stringify((await stack.exportState()).deployment.resources ?? []) : "";
  const killed = await stack.runKilled(
    ["up", "--yes", "--skip-preview"],
    async () => (await acknowledgedWrites(method)) >= after && alsoWhen(),
  );
  expect(killed.killed).toBe(true);
  if (skipCheckpoints) expect(JSON.stringify((await stack.exportState()).deployment.resources ?? [])).toBe(stateBefore);

  repairInterruptedAttrsWrite(stack);
  // What a user does next: run it again. The file backend's lock names `pulumi cancel`.
  const locked = await stack.up([], { allowFailure: true });
  expect(locked.stderr).toContain(
    "the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.",
  );
  await stack.run(["cancel", "--yes"]);

  const commands: CommandResult[] = [];
  commands.push(await stack.up([], { allowFailure: true }));
  if (commands[0].code !== 0) {
    // The engine lists the creates the kill interrupted and asks for a refresh; every object the
    // interrupted run left behind is refused by its own short line, and the first refusal of the
    // run says, once, the refresh and the one-run adoption that recover them all (only the adoption
    // when checkpoints are skipped: the engine has no record to drop, and says nothing itself).
    const { stdout } = commands[0];
    const recovery = skipCheckpoints ? RECOVERY_SKIPPED_CHECKPOINTS : RECOVERY;
    if (skipCheckpoints) expect(stdout).not.toContain("interrupted while creating");
    else {
      expect(stdout).toContain("interrupted while creating");
      expect(stdout).toContain("you can repair your stack using `pulumi refresh`");
    }
    const refusals = refusalsInDiagnostics(stdout);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.filter((line) => line.endsWith(` ${recovery}`))).toHaveLength(1);
    expect(refusals.map((line) => refusalLine(line).replace(/^.* already exists in .* is not managed by this stack\. /, ""))).toEqual(
      refusals.map(refusalOf),
    );
    if (skipCheckpoints) expect((await stack.exportState()).deployment.pending_operations ?? []).toEqual([]);
    else await clearPendingCreates(stack, commands);
    commands.push(await stack.up([], { env: { RUNAI_ADOPT_EXISTING: "true" } }));
  }
  await stack.preview({ expectNoChanges: true, refresh: true });
  const state = await expectServerEqualsState(stack);
  expect(state.deployment.pending_operations ?? []).toEqual([]);
  return commands;
}

/**
 * The engine keeps a record of every create the kill interrupted, and warns about it at every run,
 * until a refresh drops it. The objects themselves are not in the state yet: the adopting `up` that
 * follows takes them over.
 */
async function clearPendingCreates(stack: TestStack, commands: CommandResult[]) {
  const before = await stack.exportState();
  expect((before.deployment.pending_operations ?? []).length).toBeGreaterThan(0);
  commands.push(await stack.refresh({ extra: ["--clear-pending-creates"] }));
  const after = await stack.exportState();
  expect(after.deployment.pending_operations ?? []).toEqual([]);
}

describe("pulumi up killed with SIGKILL", () => {
  let stack: TestStack;
  beforeAll(async () => {
    await startEmulator();
    stack = await TestStack.create({ program, config: { ...emulator.stackConfig(), "lifecycle:resources": declared("args") } });
  });
  afterAll(async () => {
    await stack?.cleanup({ destroy: false });
    await emulator?.stop();
  });

  // One kill with every state an object of an interrupted create can be in: made and checkpointed
  // (kept, with its id), made but not checkpointed (refused, then adopted), and not made yet (created).
  it("in the creates, with some objects made and checkpointed: converges with cancel, up, then the refresh and the one-run adoption it names", async () => {
    let atKill: Record<string, string> = {};
    const commands = await killAndRecover(stack, "POST", 12, false, () => Object.keys((atKill = checkpointedIds(stack))).length >= 4);
    expect(commands.map((c) => c.code !== 0)).toEqual([true, false, false]);
    const checkpointed = Object.keys(atKill).length;
    expect({ checkpointed: checkpointed >= 4 && checkpointed < COUNT }).toEqual({ checkpointed: true });
    const ids = (await stack.outputs()).ids as Record<string, string>;
    expect(Object.fromEntries(Object.keys(atKill).map((name) => [name, ids[name]]))).toEqual(atKill);
  });

  it("in the middle of an update of all 30: one `pulumi up` after the cancel finishes it", async () => {
    await stack.setConfig("lifecycle:resources", declared("inPlace"));
    // killAndRecover also finds no pending operation left: the engine drops its records of
    // interrupted updates by itself once they are done again.
    const commands = await killAndRecover(stack, "PUT", 10);
    expect(commands.map((c) => c.code)).toEqual([0]);
  });
});

describe("pulumi up killed with SIGKILL, checkpoints skipped (PULUMI_SKIP_CHECKPOINTS=true)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    await startEmulator();
    stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), "lifecycle:resources": declared("args") },
      env: { PULUMI_SKIP_CHECKPOINTS: "true" },
    });
  });
  afterAll(async () => {
    await stack?.cleanup({ destroy: false });
    await emulator?.stop();
  });

  it("in the creates: the state is as before the run; cancel, up, then the one-run adoption it names", async () => {
    const commands = await killAndRecover(stack, "POST", 12, true);
    expect(commands.map((c) => c.code !== 0)).toEqual([true, false]);
  });

  it("in the middle of an update of all 30: one `pulumi up` after the cancel finishes it", async () => {
    await stack.setConfig("lifecycle:resources", declared("inPlace"));
    const commands = await killAndRecover(stack, "PUT", 10, true);
    expect(commands.map((c) => c.code)).toEqual([0]);
  });
});

describe("settings' creates killed: one after Run:ai took its value, one before", () => {
  const TENANT = KIND_FIXTURES.TenantSetting;
  const SECURITY = KIND_FIXTURES.SecuritySetting;
  const tenantKey = TENANT.args("").key as string;
  const securityKey = SECURITY.args("").key as string;
  let stack: TestStack;
  beforeAll(async () => {
    const resources = {
      tenant: { type: "TenantSetting", args: TENANT.args("") },
      security: { type: "SecuritySetting", args: SECURITY.args("") },
    };
    await startEmulator();
    stack = await TestStack.create({ program, config: { ...emulator.stackConfig(), "lifecycle:resources": JSON.stringify(resources) } });
  });
  afterAll(async () => {
    await emulator?.clearFaults();
    await stack?.cleanup();
    await emulator?.stop();
  });

  it("the next create says the value to put back is lost for the one written; the other is restored by destroy", async () => {
    // A create reads the key, sets it, reads it back. Slow reads hold the kill in the tenant
    // setting's window (Run:ai took the value, the engine has not saved the resource: its read back
    // takes 1.5 s) while the security setting's create still waits for its first read (10 s).
    await emulator.resetCounters();
    await emulator.setFaults([
      { method: "GET", route: "/v1/k8s/setting", latencyMs: 1500 },
      { method: "GET", route: "/api/v1/security/settings/{key}", latencyMs: 10_000 },
    ]);
    // The counters come from the admin API, which no fault slows.
    const killed = await stack.runKilled(
      ["up", "--yes", "--skip-preview"],
      async () => ((await emulator.counters())["PUT /v1/k8s/setting"]?.["200"] ?? 0) > 0,
    );
    expect(killed.killed).toBe(true);
    expect((await emulator.counters())["PUT /api/v1/security/settings/{key}"]).toBeUndefined();
    await emulator.clearFaults();
    repairInterruptedAttrsWrite(stack);
    await stack.run(["cancel", "--yes"]);

    // The next up creates both again (the engine warns of the interrupted creates). The tenant
    // setting's create finds the program's value in place and says what that means for destroy.
    const again = await stack.up();
    const said = again.stdout.replace(/\s+/g, " ");
    expect(said).toContain("interrupted while creating");
    expect(said).toContain(
      `tenant setting "${tenantKey}" already held this program's value 30 when the resource was created, so destroy leaves that value. ` +
        "If an interrupted `pulumi up` of this stack set it, the value from before that run is not known: after destroy, set the one you want by hand.",
    );
    expect(said).not.toContain(`security setting "${securityKey}" already held`);
    await stack.refresh({ extra: ["--clear-pending-creates"] });
    await stack.preview({ expectNoChanges: true, refresh: true });
    const previous = Object.fromEntries(
      (await stack.exportState()).deployment
        .resources!.filter((r) => r.type.includes("Setting"))
        .map((r) => [r.id, r.outputs?.previousValue]),
    );
    expect(previous).toEqual({ [tenantKey]: 30, [securityKey]: SECURITY.singleton!.original(securityKey) });

    await stack.destroy();
    expect(await TENANT.singleton!.valueOf(emulator, tenantKey)).toBe("30");
    expect(await SECURITY.singleton!.valueOf(emulator, securityKey)).toEqual(SECURITY.singleton!.original(securityKey));
    // As the warning says: the value from before the stack, set by hand.
    await emulator.api("PUT", "/v1/k8s/setting", { key: tenantKey, value: Number(TENANT.singleton!.original(tenantKey)) });
    expect(await TENANT.singleton!.valueOf(emulator, tenantKey)).toBe(TENANT.singleton!.original(tenantKey));
  });
});
