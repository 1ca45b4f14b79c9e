// The lifecycle every kind of the registry must live through, written once for every host that
// serves the kinds (the dynamic TypeScript classes, Pulumi YAML through the runai plugin, a Go
// Automation-API program): one stack per host, one resource per kind, one engine run per step:
// create → no-op preview → drift shown by preview --refresh and reverted → in-place update keeping
// the ids → replace (the old object first when the name stays) → out-of-band delete dropped by
// refresh and recreated by up → objects made by hand refused with the exact "not managed by this
// stack" message → adopted with adoptExisting keeping their ids → destroy, nothing left, no secret
// printed. A singleton (a setting) exists before any stack: it is never deleted, refused nor
// adopted, and "nothing left" means that it holds the tenant's original value again. A host plugs in through `LifecycleHost`; its own tests go in the slots the driver leaves.
import { kindFor, RESOURCE_TYPES } from "../../src/provider/registry";
import { KIND_FIXTURES, objectStatus } from "../fixtures/kinds";
import type { KindFixture } from "../fixtures/kinds";
import { waitUntil } from "./async";
import type { Declaration, LifecycleHost, LifecycleKind } from "./lifecycle-host";
import { RECOVERY } from "./not-managed";

type Json = Record<string, any>;

/** One resource per kind of the registry, named `<prefix><type in lower case>`. */
export function lifecycleKinds(prefix: string): LifecycleKind[] {
  return RESOURCE_TYPES.map((type) => ({ type, name: `${prefix}${type.toLowerCase()}`, fixture: KIND_FIXTURES[type] }));
}

/** Host-specific tests, declared between the shared steps. */
export interface HostSteps {
  /** After the create step (e.g. secrets in state). */
  afterCreate?(): void;
  /** After the adoption step, before destroy (e.g. imports). */
  afterAdopt?(): void;
  /** Extra checks once everything is destroyed (e.g. a second emulator). */
  afterDestroy?(): Promise<void>;
}

/** The ids the steps leave behind, for the host's own tests. */
export interface LifecycleState {
  /** The stack's `ids` output after the last step that changed them. */
  ids: Record<string, string>;
  /** The objects made by hand under `<name>-adopt`: their ids. */
  byHand: Record<string, string>;
}

/** The object name in a kind's inputs (assets: meta.name; others: name; none for an access rule). */
/** The object's name in the args, at its kind's name path (`meta.name`, `name`, an identity provider's `alias`). */
function nameIn(type: string, args: Json): string | undefined {
  const namePath = kindFor(type).identity.namePath ?? "name";
  return namePath.split(".").reduce<any>((value, key) => value?.[key], args);
}

/** The values at a dotted path (`a[].b`: field b of every element of list a). */
function valuesAt(value: unknown, parts: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (parts.length === 0) return [String(value)];
  const [head, ...rest] = parts;
  const inner = (value as Json)[head.replace(/\[\]$/, "")];
  return head.endsWith("[]") && Array.isArray(inner) ? inner.flatMap((element) => valuesAt(element, rest)) : valuesAt(inner, rest);
}

/** The secret inputs the fixtures give every kind (before and after a rotation): never in state or in any output. */
export function fixtureSecrets(kinds: LifecycleKind[]): string[] {
  return kinds.flatMap(({ type, name, fixture }) =>
    (kindFor(type).secrets?.inputs ?? []).flatMap((secretPath) =>
      [fixture.args(name), fixture.replacing(name)].flatMap((args) => valuesAt(args, secretPath.split("."))),
    ),
  );
}

/** Declares the shared lifecycle steps for `host`, with the host's own tests in their slots. */
export function describeLifecycle(host: LifecycleHost, hostSteps: HostSteps = {}): LifecycleState {
  const { kinds } = host;
  const N = kinds.length;
  // The kinds whose objects a stack creates and deletes; the others are singletons (settings).
  const objects = kinds.filter((k) => !k.fixture.singleton);
  const singletons = kinds.filter((k) => k.fixture.singleton);
  /** What a kind's object holds now: the item's body, or a singleton's value. */
  const held = async (fixture: KindFixture, id: string) =>
    fixture.singleton ? fixture.singleton.valueOf(host.emulator(), id) : (await host.emulator().api("GET", fixture.itemPath(id))).body;
  /** A singleton's keys hold the tenant's original values again. */
  const expectOriginals = async (ids: (kind: (typeof kinds)[number]) => string[]) => {
    for (const kind of singletons) {
      for (const id of ids(kind)) {
        expect({ id, value: await held(kind.fixture, id) }).toEqual({ id, value: kind.fixture.singleton?.original(id) });
      }
    }
  };
  const state: LifecycleState = { ids: {}, byHand: {} };
  const status = (fixture: KindFixture, id: string) => objectStatus(host.emulator(), fixture, id);
  const declareKinds = (argsOf: (fixture: KindFixture, name: string) => Json, extra: Declaration = {}) =>
    host.declare({
      ...Object.fromEntries(kinds.map(({ type, name, fixture }) => [name, { type, args: argsOf(fixture, name) }])),
      ...extra,
    });
  const inPlaceArgs = (fixture: KindFixture, name: string) => fixture.inPlace?.(name) ?? fixture.args(name);
  /** Each kind's object made by hand, declared under its name `<name>-adopt`, with `adoptExisting` when given. */
  const adopters = (adoptExisting?: boolean): Declaration =>
    Object.fromEntries(
      objects.map(({ type, name, fixture }) => {
        const args = fixture.args(`${name}-adopt`);
        return [`${name}-adopt`, { type, args: adoptExisting === undefined ? args : { ...args, adoptExisting } }];
      }),
    );

  it("creates one of each in one up, and a second preview has nothing to do", async () => {
    await declareKinds((fixture, name) => fixture.args(name));
    host.expectChanges(await host.up(), { create: N + host.extras() });
    state.ids = await host.ids();
    for (const { name, fixture } of kinds) expect({ name, status: await status(fixture, state.ids[name]) }).toEqual({ name, status: 200 });
    host.expectChanges(await host.previewNoChanges(), { same: N + host.extras() });
  });

  hostSteps.afterCreate?.();

  /** Makes the drift by hand; checks preview --refresh plans an update of exactly those kinds. */
  async function driftShownByPreview(): Promise<void> {
    const editable = kinds.filter((k) => k.fixture.editByHand);
    for (const { name, fixture } of editable) await fixture.editByHand?.(host.emulator(), state.ids[name]);
    const drift = await host.previewRefresh();
    const updated = (drift.steps ?? []).filter((step) => step.op === "update").map((step) => step.urn.split("::").pop());
    expect(updated.sort()).toEqual(editable.map((k) => k.name).sort());
  }

  if (host.revertsDriftWithInPlaceUpdate) {
    it("shows hand edits in preview --refresh, then up --refresh puts them back and applies an in-place change, keeping every id", async () => {
      await driftShownByPreview();
      await declareKinds(inPlaceArgs);
      const changed = kinds.filter((k) => k.fixture.inPlace || k.fixture.editByHand).length;
      host.expectChanges(await host.up({ refresh: true }), { update: changed, same: N - changed + host.extras() });
      expect(await host.ids()).toEqual(state.ids);
      await host.previewNoChanges();
    });
  } else {
    it("shows hand edits in preview --refresh, puts the program's values back with up --refresh, then refreshes clean", async () => {
      await driftShownByPreview();
      await host.up({ refresh: true });
      for (const { name, fixture } of kinds.filter((k) => k.fixture.editByHand)) {
        const body = await held(fixture, state.ids[name]);
        expect({ name, reverted: fixture.holdsProgramValue?.(body) }).toEqual({ name, reverted: true });
      }
      await host.refresh({ expectNoChanges: true });
      expect(await host.ids()).toEqual(state.ids);
    });

    it("updates in place, keeping every id", async () => {
      // A kind without an update keeps its inputs for this step.
      await declareKinds(inPlaceArgs);
      const updated = kinds.filter((k) => k.fixture.inPlace).length;
      host.expectChanges(await host.up(), { update: updated, same: N - updated + host.extras() });
      expect(await host.ids()).toEqual(state.ids);
      await host.previewNoChanges();
    });
  }

  it("replaces on a creation-only change (the old object first when the name stays): new ids, the old objects gone", async () => {
    await declareKinds((fixture, name) => fixture.replacing(name));
    const run = await host.up();
    host.expectChanges(run, { replace: N, same: host.extras() });
    for (const { name, fixture } of kinds) {
      // Names are unique: a same-named replacement can only be created once the old object is gone.
      const before = inPlaceArgs(fixture, name);
      const keepsName =
        nameIn(fixture.type, before) !== undefined && nameIn(fixture.type, fixture.replacing(name)) === nameIn(fixture.type, before);
      expect({ name, order: host.replaceOrder(run, name) }).toEqual({ name, order: keepsName ? "delete first" : "create first" });
    }
    const replaced = await host.ids(run);
    for (const { name, fixture } of kinds) {
      expect(replaced[name]).not.toBe(state.ids[name]);
      // A singleton's old key stays, with the value it had before the stack.
      expect({ name, old: await status(fixture, state.ids[name]), new: await status(fixture, replaced[name]) }).toEqual({
        name,
        old: fixture.singleton ? 200 : 404,
        new: 200,
      });
    }
    await expectOriginals(({ name }) => [state.ids[name]]);
    state.ids = replaced;
    await host.previewNoChanges();
  });

  it("drops objects deleted by hand on refresh, and up recreates them", async () => {
    // A singleton cannot be deleted: it takes no part.
    for (const { name, fixture } of objects) {
      expect((await host.emulator().api("DELETE", fixture.itemPath(state.ids[name]))).status).toBeLessThan(300);
    }
    await waitUntil(async () => {
      for (const { name, fixture } of objects) if ((await status(fixture, state.ids[name])) !== 404) return false;
      return true;
    });
    host.expectChanges(await host.refresh(), { delete: objects.length, same: singletons.length + host.extras() });
    const run = await host.up();
    host.expectChanges(run, { create: objects.length, same: singletons.length + host.extras() });
    const recreated = await host.ids(run);
    for (const { name } of singletons) expect({ name, id: recreated[name] }).toEqual({ name, id: state.ids[name] });
    for (const { name, fixture } of objects) {
      // Made again: a new id, or the same one when the id is the object's key (a policy's place, a provider's alias).
      if (!fixture.idIsKey) expect(recreated[name]).not.toBe(state.ids[name]);
      expect({ name, status: await status(fixture, recreated[name]) }).toEqual({ name, status: 200 });
    }
    state.ids = recreated;
  });

  if (!host.skipsRefusal) {
    it("refuses objects made by hand under the program's names, each with the exact 'not managed by this stack' message", async () => {
      for (const { name, fixture } of objects) state.byHand[`${name}-adopt`] = await fixture.createByHand(host.emulator(), `${name}-adopt`);
      await declareKinds((fixture, name) => fixture.replacing(name), adopters());
      // Every create is tried, so that every kind reports.
      const run = await host.upContinuingOnError();
      expect(run.failed).toBe(true);
      for (const { type, name, fixture } of objects) {
        const adoptName = `${name}-adopt`;
        const kind = kindFor(type);
        const args = fixture.args(adoptName);
        const { by, at } =
          kind.identity.createdOf?.((await host.emulator().api("GET", fixture.itemPath(state.byHand[adoptName]))).body) ?? {};
        // A kind whose API records no author (a cluster) names the time alone; one that records neither (an identity provider), the id alone.
        const origin = [by ? `created by ${by}` : "", at ? `at ${at}` : ""].filter(Boolean).join(" ");
        const message =
          `${kind.label} "${kind.identity.describe?.(args) ?? nameIn(type, args)}" already exists in ${kind.identity.location(args)} ` +
          `(id ${state.byHand[adoptName]}${origin ? `, ${origin}` : ""}) and is not managed by this stack. ` +
          "Set adoptExisting: true to take it over with this program's values";
        expect({ adoptName, refused: run.output.includes(message) ? message : run.output }).toEqual({ adoptName, refused: message });
      }
      if (host.refusals) {
        // One provider process served every refusal: the recovery after an interrupted run is said once.
        const refusals = host.refusals(run);
        expect(refusals.length).toBeGreaterThanOrEqual(objects.length);
        expect(refusals.filter((line) => line.endsWith(` ${RECOVERY}`))).toHaveLength(1);
      }
      const resources = (await host.stack().exportState()).deployment.resources ?? [];
      expect(resources.filter((r) => r.urn.endsWith("-adopt")).map((r) => r.urn)).toEqual([]);
    });
  }

  it("adopts objects made by hand with adoptExisting: true, keeping their ids", async () => {
    if (host.skipsRefusal) {
      for (const { name, fixture } of objects) state.byHand[`${name}-adopt`] = await fixture.createByHand(host.emulator(), `${name}-adopt`);
    }
    await declareKinds((fixture, name) => fixture.replacing(name), adopters(true));
    const run = await host.up();
    host.expectChanges(run, { create: objects.length, same: N + host.extras() });
    const after = await host.ids(run);
    for (const adoptName of Object.keys(state.byHand))
      expect({ adoptName, id: after[adoptName] }).toEqual({ adoptName, id: state.byHand[adoptName] });
    const managed = (ids: Record<string, string>) => Object.fromEntries(kinds.map(({ name }) => [name, ids[name]]));
    expect(managed(after)).toEqual(managed(state.ids));
    await host.previewNoChanges();
  });

  hostSteps.afterAdopt?.();

  it("destroys everything and leaves nothing behind, and printed no secret", async () => {
    host.expectChanges(await host.destroy(), { delete: N + objects.length + host.extras() });
    // A singleton is never deleted: every key the stack set holds its original value again.
    await expectOriginals(({ name, fixture }) => [fixture.args(name).key, fixture.replacing(name).key]);
    for (const { name, fixture } of objects) {
      for (const [resource, id] of [
        [name, state.ids[name]],
        [`${name}-adopt`, state.byHand[`${name}-adopt`]],
      ])
        expect({ resource, status: await status(fixture, id) }).toEqual({ resource, status: 404 });
    }
    await hostSteps.afterDestroy?.();

    const printed = host.printed();
    expect(printed).not.toBe("");
    const secrets = [host.emulator().emulator.adminClientSecret, ...fixtureSecrets(kinds), ...(host.secrets?.() ?? [])];
    for (const secret of secrets) expect({ secret, printed: printed.includes(secret) }).toEqual({ secret, printed: false });
  });

  return state;
}
