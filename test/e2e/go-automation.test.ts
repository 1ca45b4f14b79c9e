// The `runai` plugin from Go: an Automation-API program (test/e2e/programs/go-automation, built once
// per machine by scripts/ensure-go-program.sh) declares one resource of every kind with
// ctx.RegisterResource("runai:index:<Type>", …), with no generated SDK and no Go language host, plus
// one on a second Run:ai through an explicit `pulumi:providers:runai`. One stack for all kinds, one
// Go run per step, the lifecycle of test/e2e/lifecycle.test.ts: up, a preview with no changes, drift
// shown by preview --refresh and put back by up --refresh, ciphertext in `pulumi stack export`, an
// in-place update, a replace, objects deleted by hand dropped by refresh and recreated by up, objects
// made by hand refused without adoptExisting and adopted with it, destroy. Each step only changes
// the stack's `lifecycle:resources` config, which the program reads.
import { execFile, execFileSync } from "node:child_process";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import type { KindFixture } from "../fixtures/kinds";
import { kindFor } from "../../src/provider/registry";
import { waitUntil } from "../support/async";
import { CONFIG_MAPS, EmulatorHarness } from "../support/emulator";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const PROJECT = "go-automation-e2e";
const kinds = RESOURCE_TYPES.map((type) => ({ type, name: `go-${type.toLowerCase()}`, fixture: KIND_FIXTURES[type] as KindFixture }));
const N = kinds.length;
const REMOTE = "go-remote-configmap";

/** The secret values the fixtures give the credentials (before and after a rotation): never in state or in any output. */
const FIXTURE_SECRETS = ["secret", "password", "registry", "token"].flatMap((what) => [`lifecycle-${what}-1`, `lifecycle-${what}-2`]);
type Json = Record<string, any>;

interface GoResult {
  changes?: Record<string, number>;
  steps?: { op: string; urn: string }[];
  ids?: Record<string, string>;
}

let goProgram: string;
let emulator: EmulatorHarness;
let second: EmulatorHarness;
let stack: TestStack;
/** Everything the Go program printed, for the secrecy check. */
let printed = "";

/** Runs one Automation-API operation of the Go program on the test stack. */
function go(op: "up" | "preview" | "refresh" | "destroy", flags: string[] = []): Promise<GoResult> {
  return goRun(op, flags).then(({ error, stdout, stderr, args }) => {
    if (error) throw new Error(`go-automation ${args.join(" ")} failed: ${error.message}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
    return JSON.parse(stdout.trim().split("\n").pop()!) as GoResult;
  });
}

/** Runs the Go program, with `env` added, and resolves with what it printed, failed or not. */
function goRun(op: string, flags: string[], env: Record<string, string> = {}) {
  const args = [
    op,
    "-work-dir",
    stack.workDir,
    "-stack",
    stack.name,
    "-project",
    PROJECT,
    "-plugin-dir",
    path.join(repoRoot, "bin"),
    ...flags,
  ];
  return new Promise<{ error: Error | null; stdout: string; stderr: string; args: string[] }>((resolve) =>
    execFile(goProgram, args, { env: { ...stack.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      printed += stdout + stderr;
      resolve({ error, stdout, stderr, args });
    }),
  );
}

const nameOf = (urn: string) => urn.split("::").pop()!;

/** The object name in a kind's inputs (assets: meta.name; others: name; none for an access rule). */
const nameIn = (args: Json): string | undefined => args.meta?.name ?? args.name;

/** The remote asset on the second Run:ai, declared at every step. */
const remote = { [REMOTE]: { type: "ConfigMapAsset", args: KIND_FIXTURES.ConfigMapAsset.args(REMOTE), provider: "elsewhere" } };

/** Declares, for the next run, each kind with the inputs `argsOf` gives it, the remote asset and `extra`. */
function declare(argsOf: (fixture: KindFixture, name: string) => Json, extra: Record<string, { type: string; args: Json }> = {}) {
  const resources = Object.fromEntries(kinds.map(({ type, name, fixture }) => [name, { type, args: argsOf(fixture, name) }]));
  return stack.setConfig("lifecycle:resources", JSON.stringify({ ...resources, ...remote, ...extra }));
}
const status = async (harness: EmulatorHarness, itemPath: string) => (await harness.api("GET", itemPath)).status;

beforeAll(async () => {
  // Built in the background by the e2e global setup; this waits for that build (or makes it).
  const out = execFileSync("bash", [path.join(repoRoot, "scripts/ensure-go-program.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 900_000,
  });
  goProgram = out.trim().split("\n").pop()!;
  [emulator, second] = await Promise.all([EmulatorHarness.start(), EmulatorHarness.start()]);
  await prepareFixtures(emulator);
  stack = await TestStack.create({ program: path.join(__dirname, "programs/go-automation"), config: emulator.stackConfig() });
  const secondConfig = second.stackConfig();
  const providers = {
    elsewhere: {
      url: secondConfig["runai:url"],
      clientId: secondConfig["runai:clientId"],
      clientSecret: (secondConfig["runai:clientSecret"] as { value: string }).value,
    },
  };
  await declare((fixture, name) => fixture.args(name));
  await stack.setConfig("lifecycle:providers", JSON.stringify(providers), true);
  // As a Go program would from the schema: the generic secret's values and the application's
  // secret marked by the program. The other credentials' secrets are passed plain: the plugin
  // makes them secret itself.
  await stack.setConfig("lifecycle:secretInputs", JSON.stringify({ GenericSecretCredential: ["spec.keyValuePairs[].value"] }));
  await stack.setConfig("lifecycle:secretOutputs", JSON.stringify({ Application: ["secret"] }));
}, 960_000);

afterAll(async () => {
  await stack?.cleanup();
  await Promise.all([emulator?.stop(), second?.stop()]);
});

describe(`a Go Automation-API program with every kind (${RESOURCE_TYPES.join(", ")})`, () => {
  let ids: Record<string, string>;

  it("creates one of each in one up, and the explicit provider's asset on the second Run:ai", async () => {
    const result = await go("up");
    // The kinds, the remote asset, the explicit provider and the stack.
    expect(result.changes).toEqual({ create: N + 3 });
    ids = result.ids!;
    for (const { name, fixture } of kinds)
      expect({ name, status: await status(emulator, fixture.itemPath(ids[name])) }).toEqual({ name, status: 200 });
    expect(await status(second, `${CONFIG_MAPS}/${ids[REMOTE]}`)).toBe(200);
    expect(await status(emulator, `${CONFIG_MAPS}/${ids[REMOTE]}`)).toBe(404);
  });

  it("previews no change on a second run", async () => {
    const result = await go("preview", ["-expect-no-changes"]);
    expect(result.changes).toEqual({ same: N + 3 });
  });

  it("shows hand edits in preview --refresh, puts the program's values back with up --refresh, then refreshes clean", async () => {
    const editable = kinds.filter((k) => k.fixture.editByHand);
    for (const { name, fixture } of editable) await fixture.editByHand!(emulator, ids[name]);

    const drift = await go("preview", ["-refresh"]);
    const updated = (drift.steps ?? []).filter((step) => step.op === "update").map((step) => nameOf(step.urn));
    expect(updated.sort()).toEqual(editable.map((k) => k.name).sort());

    await go("up", ["-refresh"]);
    for (const { name, fixture } of editable) {
      const { body } = await emulator.api("GET", fixture.itemPath(ids[name]));
      expect({ name, reverted: fixture.holdsProgramValue!(body) }).toEqual({ name, reverted: true });
    }
    await go("refresh", ["-expect-no-changes"]);
    expect((await stack.outputs()).ids).toEqual(ids);
  });

  it("keeps every secret as ciphertext in `pulumi stack export`", async () => {
    const state = await stack.exportState();
    const resources = state.deployment.resources ?? [];
    const text = JSON.stringify(state);
    const providerSecret = (second.stackConfig()["runai:clientSecret"] as { value: string }).value;
    for (const secret of [...FIXTURE_SECRETS, providerSecret])
      expect({ secret, inState: text.includes(secret) }).toEqual({ secret, inState: false });

    const ciphertext = expect.objectContaining({ ciphertext: expect.any(String) });
    const byName = Object.fromEntries(resources.map((r) => [nameOf(r.urn), r]));
    expect(byName["go-application"].outputs?.secret).toEqual(ciphertext);
    expect(byName["go-accesskeycredential"].inputs?.spec).toMatchObject({ secretAccessKey: ciphertext });
    expect(byName["go-passwordcredential"].outputs?.spec).toMatchObject({ password: ciphertext });
    expect(byName.elsewhere.inputs?.clientSecret).toEqual(ciphertext);
    for (const { type, name } of kinds) expect({ name, type: byName[name].type }).toEqual({ name, type: `runai:index:${type}` });
  });

  it("updates in place, keeping every id", async () => {
    // A kind without an update keeps its inputs for this step.
    await declare((fixture, name) => fixture.inPlace?.(name) ?? fixture.args(name));
    const updated = kinds.filter((k) => k.fixture.inPlace).length;
    expect((await go("up")).changes).toEqual({ update: updated, same: N - updated + 3 });
    expect((await stack.outputs()).ids).toEqual(ids);
    await go("preview", ["-expect-no-changes"]);
  });

  it("replaces on a creation-only change (the old object first when the name stays): new ids, the old objects gone", async () => {
    await declare((fixture, name) => fixture.replacing(name));
    const result = await go("up");
    expect(result.changes).toEqual({ replace: N, same: 3 });
    const ops = (result.steps ?? []).map((step) => `${nameOf(step.urn)} ${step.op}`);
    for (const { name, fixture } of kinds) {
      // Names are unique: a same-named replacement can only be created once the old object is gone.
      const before = fixture.inPlace?.(name) ?? fixture.args(name);
      const keepsName = nameIn(before) !== undefined && nameIn(fixture.replacing(name)) === nameIn(before);
      const order = ops.indexOf(`${name} delete-replaced`) < ops.indexOf(`${name} create-replacement`) ? "delete first" : "create first";
      expect({ name, order }).toEqual({ name, order: keepsName ? "delete first" : "create first" });
    }
    const replaced = result.ids!;
    for (const { name, fixture } of kinds) {
      expect(replaced[name]).not.toBe(ids[name]);
      expect({
        name,
        old: await status(emulator, fixture.itemPath(ids[name])),
        new: await status(emulator, fixture.itemPath(replaced[name])),
      }).toEqual({
        name,
        old: 404,
        new: 200,
      });
    }
    ids = replaced;
    await go("preview", ["-expect-no-changes"]);
  });

  it("drops objects deleted by hand on refresh, and up recreates them", async () => {
    for (const { name, fixture } of kinds) {
      expect((await emulator.api("DELETE", fixture.itemPath(ids[name]))).status).toBeLessThan(300);
    }
    await waitUntil(async () => {
      for (const { name, fixture } of kinds) if ((await status(emulator, fixture.itemPath(ids[name]))) !== 404) return false;
      return true;
    });
    expect((await go("refresh")).changes).toEqual({ delete: N, same: 3 });
    const result = await go("up");
    expect(result.changes).toEqual({ create: N, same: 3 });
    for (const { name, fixture } of kinds) {
      expect(result.ids![name]).not.toBe(ids[name]);
      expect({ name, status: await status(emulator, fixture.itemPath(result.ids![name])) }).toEqual({ name, status: 200 });
    }
    ids = result.ids!;
  });

  /** Each kind's object made by hand, by its name `<name>-adopt`: its id. */
  const byHand: Record<string, string> = {};
  /** Those objects declared in the program, with `adoptExisting` when given. */
  const adopters = (adoptExisting?: boolean) =>
    Object.fromEntries(
      kinds.map(({ type, name, fixture }) => {
        const args = fixture.args(`${name}-adopt`);
        return [`${name}-adopt`, { type, args: adoptExisting === undefined ? args : { ...args, adoptExisting } }];
      }),
    );

  it("refuses objects made by hand under the program's names, each with the exact 'not managed by this stack' message", async () => {
    for (const { name, fixture } of kinds) byHand[`${name}-adopt`] = await fixture.createByHand(emulator, `${name}-adopt`);
    await declare((fixture, name) => fixture.replacing(name), adopters());
    // Every create is tried, so that every kind reports.
    const { error, stdout, stderr } = await goRun("up", [], { PULUMI_CONTINUE_ON_ERROR: "true" });
    expect(error).not.toBeNull();
    const output = stdout + stderr;
    for (const { type, name, fixture } of kinds) {
      const adoptName = `${name}-adopt`;
      const kind = kindFor(type);
      const args = fixture.args(adoptName);
      const { by, at } = kind.identity.createdOf?.((await emulator.api("GET", fixture.itemPath(byHand[adoptName]))).body) ?? {};
      const message =
        `${kind.label} "${kind.identity.describe?.(args) ?? nameIn(args)}" already exists in ${kind.identity.location(args)} ` +
        `(id ${byHand[adoptName]}, created by ${by} at ${at}) and is not managed by this stack. ` +
        "Set adoptExisting: true to take it over with this program's values";
      expect({ adoptName, refused: output.includes(message) ? message : output }).toEqual({ adoptName, refused: message });
    }
    const state = (await stack.exportState()).deployment.resources ?? [];
    expect(state.filter((r) => r.urn.endsWith("-adopt")).map((r) => r.urn)).toEqual([]);
  });

  it("adopts them with adoptExisting: true, keeping their ids", async () => {
    await declare((fixture, name) => fixture.replacing(name), adopters(true));
    const result = await go("up");
    expect(result.changes).toEqual({ create: N, same: N + 3 });
    for (const adoptName of Object.keys(byHand))
      expect({ adoptName, id: result.ids![adoptName] }).toEqual({ adoptName, id: byHand[adoptName] });
    await go("preview", ["-expect-no-changes"]);
  });

  it("destroys everything and leaves nothing behind", async () => {
    const result = await go("destroy");
    expect(result.changes).toEqual({ delete: 2 * N + 3 });
    for (const { name, fixture } of kinds) {
      for (const [resource, id] of [
        [name, ids[name]],
        [`${name}-adopt`, byHand[`${name}-adopt`]],
      ])
        expect({ resource, status: await status(emulator, fixture.itemPath(id)) }).toEqual({ resource, status: 404 });
    }
    expect(await status(second, `${CONFIG_MAPS}/${ids[REMOTE]}`)).toBe(404);
  });

  it("never printed a secret", () => {
    expect(printed).not.toBe("");
    const providerSecret = (second.stackConfig()["runai:clientSecret"] as { value: string }).value;
    for (const secret of [...FIXTURE_SECRETS, providerSecret])
      expect({ secret, printed: printed.includes(secret) }).toEqual({ secret, printed: false });
  });
});
