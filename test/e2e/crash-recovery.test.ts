// `pulumi up` killed with SIGKILL (CLI, language host and providers at once, as when a CI runner is
// killed) at three points of a 30-asset run. The messages must lead back to a converged stack with
// `pulumi cancel` plus at most two commands they name, with no edit of the program, no duplicate and
// no orphan. The discovery run (`pulumi up` after the cancel) is one of the two.
import * as fs from "node:fs";
import * as path from "node:path";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";
import type { CommandResult } from "../support/pulumi-stack";

const program = path.join(__dirname, "programs/lifecycle");
// Kinds that need nothing else to exist (no credential reference), so any 30 of them can be declared.
const KINDS = ["ConfigMapAsset", "EnvironmentAsset", "NfsAsset", "HostPathAsset", "ComputeAsset", "GitAsset"];
const COUNT = 30;
const names = Array.from({ length: COUNT }, (_, i) => `crash-${i}`);
const kindOf = (i: number) => KIND_FIXTURES[KINDS[i % KINDS.length]];

function declared(variant: "args" | "inPlace") {
  return JSON.stringify(Object.fromEntries(names.map((name, i) => [name, { type: kindOf(i).type, args: kindOf(i)[variant]!(name) }])));
}

let emulator: EmulatorHarness;
beforeAll(async () => {
  // A sync wait long enough that a kill lands while many writes are in flight.
  emulator = await EmulatorHarness.start({ syncDelayMs: 400 });
  await prepareFixtures(emulator);
});
afterAll(() => emulator?.stop());

async function acknowledgedWrites(method: string): Promise<number> {
  let total = 0;
  for (const [key, byStatus] of Object.entries(await emulator.counters())) {
    if (!key.startsWith(`${method} `)) continue;
    for (const [status, count] of Object.entries(byStatus)) if (status.startsWith("2")) total += count;
  }
  return total;
}

/** Objects on the server named like this test's resources: name → ids. */
async function serverObjects(): Promise<Map<string, string[]>> {
  const state = (await emulator.api("GET", "/__emulator/state")).body as { assets: { meta: { id: string; name: string } }[] };
  const byName = new Map<string, string[]>();
  for (const { meta } of state.assets) {
    if (!meta.name.startsWith("crash-")) continue;
    byName.set(meta.name, [...(byName.get(meta.name) ?? []), meta.id]);
  }
  return byName;
}

/** The server holds exactly one object per declared name, and it is the one in the stack's state. */
async function expectServerEqualsState(stack: TestStack) {
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
}

/**
 * The file backend writes each checkpoint atomically but its `.attrs` sidecar in place: a kill during
 * that write leaves it empty and every command fails with "failed to load checkpoint: EOF" (an engine
 * matter, not this provider's; the README's recovery section says to delete the empty file). The
 * checkpoint itself is whole, so deleting the empty sidecar is all it takes.
 */
function repairInterruptedAttrsWrite(stack: TestStack): void {
  const stacksDir = path.join(new URL(stack.env.PULUMI_BACKEND_URL!).pathname, ".pulumi", "stacks");
  for (const project of fs.readdirSync(stacksDir)) {
    const attrs = path.join(stacksDir, project, `${stack.name}.json.attrs`);
    if (fs.existsSync(attrs) && fs.statSync(attrs).size === 0) {
      process.stderr.write(`crash-recovery: the kill emptied ${path.basename(attrs)}; deleting it as the README says\n`);
      fs.rmSync(attrs);
    }
  }
}

/** Kills `pulumi up` once `method` writes have been acknowledged, then walks the recovery the messages name. */
async function killAndRecover(stack: TestStack, method: "POST" | "PUT", after: number): Promise<CommandResult[]> {
  await emulator.resetCounters();
  const killed = await stack.runKilled(["up", "--yes", "--skip-preview"], async () => (await acknowledgedWrites(method)) >= after);
  expect(killed.killed).toBe(true);

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
    // Everything the interrupted run left behind is refused by name, and the refusal names the switch.
    const output = commands[0].stdout + commands[0].stderr;
    expect(output).toContain(
      "If an interrupted run of this stack created it, take over everything such a run left behind, for one run, with RUNAI_ADOPT_EXISTING=true pulumi up, then drop the engine's records of the interrupted creates with pulumi refresh --clear-pending-creates.",
    );
    commands.push(await stack.up([], { env: { RUNAI_ADOPT_EXISTING: "true" } }));
  }
  await stack.preview({ expectNoChanges: true, refresh: true });
  await expectServerEqualsState(stack);
  return commands;
}

/**
 * The engine keeps a record of every create the kill interrupted, and warns about it at every run,
 * until a refresh drops it; the conflict message names the command. The objects are in the state by
 * then, so dropping the records changes nothing else.
 */
async function clearPendingCreates(stack: TestStack) {
  const before = await stack.exportState();
  expect((before.deployment.pending_operations ?? []).length).toBeGreaterThan(0);
  await stack.refresh({ extra: ["--clear-pending-creates"] });
  const after = await stack.exportState();
  expect(after.deployment.pending_operations ?? []).toEqual([]);
  await stack.preview({ expectNoChanges: true, refresh: true });
  await expectServerEqualsState(stack);
}

describe("pulumi up killed with SIGKILL", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await TestStack.create({ program, config: { ...emulator.stackConfig(), "lifecycle:resources": declared("args") } });
  });
  afterAll(() => stack?.cleanup());

  it("early in the creates: converges with cancel, up, then the named one-run adoption", async () => {
    const commands = await killAndRecover(stack, "POST", 6);
    expect(commands.map((c) => c.code !== 0)).toEqual([true, false]);
    await clearPendingCreates(stack);
  });

  it("late in the creates, with most objects made: the same two commands", async () => {
    await stack.destroy();
    expect((await serverObjects()).size).toBe(0);
    const commands = await killAndRecover(stack, "POST", 24);
    expect(commands.map((c) => c.code !== 0)).toEqual([true, false]);
    await clearPendingCreates(stack);
  });

  it("in the middle of an update of all 30: one `pulumi up` after the cancel finishes it", async () => {
    await stack.setConfig("lifecycle:resources", declared("inPlace"));
    const commands = await killAndRecover(stack, "PUT", 10);
    expect(commands.map((c) => c.code)).toEqual([0]);
    const state = await stack.exportState();
    // The engine drops its records of interrupted updates by itself once they are done again.
    expect((state.deployment.pending_operations ?? []).map((op) => op.type)).toEqual([]);
  });
});
