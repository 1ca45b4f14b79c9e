// Drift at scale through the real CLI: a refresh of many assets of a kind reads a few by id and the
// rest from one list of the kind (client/listed-reads.ts), and still sees every hand edit and every
// object deleted by hand.
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import { declare, lifecycleProgram as program } from "../support/declared-assets";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";
import { READS_BEFORE_LIST } from "../../src/client/listed-reads";

const KINDS = ["ConfigMapAsset", "EnvironmentAsset", "ComputeAsset"];
const PER_KIND = 16;
const COUNT = KINDS.length * PER_KIND;

describe(`a refresh of ${COUNT} assets of ${KINDS.length} kinds`, () => {
  let emulator: EmulatorHarness;
  let stack: TestStack;
  let ids: Record<string, string>;
  const edited: string[] = [];
  const deleted: string[] = [];

  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    await prepareFixtures(emulator);
    stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), "lifecycle:resources": declare("drift", COUNT, KINDS) },
    });
    await stack.up();
    ids = (await stack.outputs()).ids as Record<string, string>;
  });
  afterAll(async () => {
    await stack?.cleanup();
    await emulator?.stop();
  });

  it("sees every hand edit and every deletion by hand, reading at most a few by id per kind", async () => {
    // `declare` cycles through the kinds: drift-<i> is of KINDS[i % KINDS.length].
    for (const [k, type] of KINDS.entries()) {
      const fixture = KIND_FIXTURES[type];
      const names = (i: number) => `drift-${i * KINDS.length + k}`;
      for (const i of [3, 9, 14]) {
        await fixture.editByHand!(emulator, ids[names(i)]);
        edited.push(names(i));
      }
      expect((await emulator.api("DELETE", fixture.itemPath(ids[names(12)]))).status).toBeLessThan(300);
      deleted.push(names(12));
    }
    await emulator.resetCounters();

    const drift = await stack.previewJson({ refresh: true });
    const steps = (op: string) => (drift.steps ?? []).filter((step) => step.op === op).map((step) => step.urn.split("::").pop()!);
    expect(steps("update").sort()).toEqual([...edited].sort());
    expect(steps("create").sort()).toEqual([...deleted].sort());

    const counters = await emulator.counters();
    const sum = (route: string) => Object.values(counters[route] ?? {}).reduce((a, b) => a + b, 0);
    for (const type of KINDS) {
      const item = KIND_FIXTURES[type].itemPath("{AssetId}");
      const list = item.slice(0, -"/{AssetId}".length);
      // The first reads by id, the rest from the list; an object the list lacks (deleted) by id again.
      expect({ type, byId: sum(`GET ${item}`) <= READS_BEFORE_LIST + 1, listed: sum(`GET ${list}`) >= 1 }).toEqual({
        type,
        byId: true,
        listed: true,
      });
    }
  });

  it("up --refresh puts everything back, after which a refresh finds nothing to change", async () => {
    await stack.up(["--refresh"]);
    await stack.preview({ refresh: true, expectNoChanges: true });
    await stack.destroy();
  });
});
