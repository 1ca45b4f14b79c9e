// The lifecycle every kind of the registry must live through, run for all kinds at once: one stack,
// one resource per kind, one `pulumi up` per step (create → no-op preview → drift shown and reverted →
// in-place update → replace → out-of-band delete → recreate → adopt → destroy). A new kind gets the
// whole contract by adding its fixture (test/fixtures/kinds.ts); a kind without one fails here.
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import type { KindFixture } from "../fixtures/kinds";
import { waitUntil } from "../support/async";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

const program = path.join(__dirname, "programs/lifecycle");
type Json = Record<string, any>;

/** The resource of each kind in the stack, e.g. "lc-configmapasset". */
const kinds = RESOURCE_TYPES.map((type) => ({ type, name: `lc-${type.toLowerCase()}`, fixture: KIND_FIXTURES[type] as KindFixture }));
const N = kinds.length;

let emulator: EmulatorHarness;
let stack: TestStack;

/** Declares, for the next command, each kind's resource with the inputs `argsOf` gives it (plus extras). */
async function declare(argsOf: (fixture: KindFixture, name: string) => Json, extra: Record<string, { type: string; args: Json }> = {}) {
  const resources = Object.fromEntries(kinds.map(({ type, name, fixture }) => [name, { type, args: argsOf(fixture, name) }]));
  await stack.setConfig("lifecycle:resources", JSON.stringify({ ...resources, ...extra }));
}

async function ids(): Promise<Record<string, string>> {
  return (await stack.outputs()).ids as Record<string, string>;
}

/** The object name in a kind's inputs (assets: meta.name; others: name; none for an access rule). */
function nameIn(args: Json): string | undefined {
  return args.meta?.name ?? args.name;
}

async function status(fixture: KindFixture, id: string): Promise<number> {
  return (await emulator.api("GET", fixture.itemPath(id))).status;
}

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  await prepareFixtures(emulator);
  stack = await TestStack.create({ program, config: emulator.stackConfig() });
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

it("has a lifecycle fixture for every kind in the registry", () => {
  expect(kinds.filter((k) => !k.fixture).map((k) => k.type)).toEqual([]);
});

describe(`the lifecycle of every kind (${RESOURCE_TYPES.join(", ")})`, () => {
  let created: Record<string, string>;

  it("creates one of each in one up, and a second preview has nothing to do", async () => {
    await declare((fixture, name) => fixture.args(name));
    expect((await stack.up()).stdout).toContain(`+ ${N + 1} created`); // and the stack itself
    created = await ids();
    for (const { name, fixture } of kinds) expect({ name, status: await status(fixture, created[name]) }).toEqual({ name, status: 200 });
    await stack.preview({ expectNoChanges: true });
  });

  it("shows hand edits in preview --refresh, puts the program's values back with up --refresh, then refreshes clean", async () => {
    const editable = kinds.filter((k) => k.fixture.editByHand);
    for (const { name, fixture } of editable) await fixture.editByHand?.(emulator, created[name]);

    const drift = await stack.previewJson({ refresh: true });
    const updated = (drift.steps ?? []).filter((step) => step.op === "update").map((step) => step.urn.split("::").pop());
    expect(updated.sort()).toEqual(editable.map((k) => k.name).sort());

    await stack.up(["--refresh"]);
    for (const { name, fixture } of editable) {
      const { body } = await emulator.api("GET", fixture.itemPath(created[name]));
      expect({ name, reverted: fixture.holdsProgramValue?.(body) }).toEqual({ name, reverted: true });
    }
    await stack.refresh({ expectNoChanges: true });
  });

  it("updates in place, keeping every id", async () => {
    // A kind without an update keeps its inputs for this step.
    await declare((fixture, name) => fixture.inPlace?.(name) ?? fixture.args(name));
    expect((await stack.up()).stdout).toContain(`~ ${kinds.filter((k) => k.fixture.inPlace).length} updated`);
    expect(await ids()).toEqual(created);
    await stack.preview({ expectNoChanges: true });
  });

  it("replaces on a creation-only change (the old object first when the name stays): new ids, the old objects gone", async () => {
    await declare((fixture, name) => fixture.replacing(name));
    const { stdout } = await stack.up();
    expect(stdout).toContain(`+-${N} replaced`);
    for (const { name, fixture } of kinds) {
      // Names are unique: a same-named replacement can only be created once the old object is gone.
      const before = fixture.inPlace?.(name) ?? fixture.args(name);
      const keepsName = nameIn(before) !== undefined && nameIn(fixture.replacing(name)) === nameIn(before);
      const order =
        stdout.indexOf(`${name} deleting original`) < stdout.indexOf(`${name} creating replacement`) ? "delete first" : "create first";
      expect({ name, order }).toEqual({ name, order: keepsName ? "delete first" : "create first" });
    }
    const replaced = await ids();
    for (const { name, fixture } of kinds) {
      expect(replaced[name]).not.toBe(created[name]);
      expect({ name, old: await status(fixture, created[name]), new: await status(fixture, replaced[name]) }).toEqual({
        name,
        old: 404,
        new: 200,
      });
    }
    created = replaced;
    await stack.preview({ expectNoChanges: true });
  });

  it("drops objects deleted by hand on refresh, and up recreates them", async () => {
    for (const { name, fixture } of kinds) {
      expect((await emulator.api("DELETE", fixture.itemPath(created[name]))).status).toBeLessThan(300);
    }
    await waitUntil(async () => {
      for (const { name, fixture } of kinds) if ((await status(fixture, created[name])) !== 404) return false;
      return true;
    });
    expect((await stack.refresh()).stdout).toContain(`- ${N} deleted`);
    expect((await stack.up()).stdout).toContain(`+ ${N} created`);
    const recreated = await ids();
    for (const { name, fixture } of kinds) {
      expect(recreated[name]).not.toBe(created[name]);
      expect(await status(fixture, recreated[name])).toBe(200);
    }
    created = recreated;
  });

  it("adopts objects made by hand with adoptExisting, keeping their ids", async () => {
    const byHand: Record<string, string> = {};
    const adopters: Record<string, { type: string; args: Json }> = {};
    for (const { type, name, fixture } of kinds) {
      const adoptName = `${name}-adopt`;
      byHand[adoptName] = await fixture.createByHand(emulator, adoptName);
      adopters[adoptName] = { type, args: { ...fixture.args(adoptName), adoptExisting: true } };
    }
    await declare((fixture, name) => fixture.replacing(name), adopters);
    expect((await stack.up()).stdout).toContain(`+ ${N} created`);
    const after = await ids();
    for (const adoptName of Object.keys(byHand)) expect({ adoptName, id: after[adoptName] }).toEqual({ adoptName, id: byHand[adoptName] });
    await stack.preview({ expectNoChanges: true });
    created = after;
  });

  it("destroys everything and leaves nothing behind", async () => {
    expect((await stack.destroy()).stdout).toContain(`- ${2 * N + 1} deleted`); // and the stack itself
    for (const { name, fixture } of kinds) {
      for (const resource of [name, `${name}-adopt`]) {
        expect({ resource, status: await status(fixture, created[resource]) }).toEqual({ resource, status: 404 });
      }
    }
  });
});

describe("the whole file", () => {
  it("sent no request body the OpenAPI referee rejected", async () => {
    expect(await emulator.statusCount(400)).toBe(0);
  });
});
