// The `runai` plugin from Go: an Automation-API program (test/e2e/programs/go-automation, built once
// per machine by scripts/ensure-go-program.sh) declares one resource of every kind with
// ctx.RegisterResource("runai:index:<Type>", …), with no generated SDK and no Go language host, plus
// one on a second Run:ai through an explicit `pulumi:providers:runai`. One stack for all kinds, one
// Go run per step: up, a preview with no changes, drift shown by preview --refresh and put back by
// up --refresh, ciphertext in `pulumi stack export`, destroy.
import { execFile, execFileSync } from "node:child_process";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import { CONFIG_MAPS, EmulatorHarness } from "../support/emulator";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const PROJECT = "go-automation-e2e";
const kinds = RESOURCE_TYPES.map((type) => ({ type, name: `go-${type.toLowerCase()}`, fixture: KIND_FIXTURES[type] }));
const N = kinds.length;
const REMOTE = "go-remote-configmap";

/** The secret values the fixtures give the credentials: never in state or in any output. */
const FIXTURE_SECRETS = ["lifecycle-secret-1", "lifecycle-password-1", "lifecycle-registry-1", "lifecycle-token-1"];

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
  return new Promise((resolve, reject) =>
    execFile(goProgram, args, { env: stack.env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      printed += stdout + stderr;
      if (error)
        reject(new Error(`go-automation ${args.join(" ")} failed: ${error.message}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split("\n").pop()!) as GoResult);
    }),
  );
}

const nameOf = (urn: string) => urn.split("::").pop()!;
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
  const resources = {
    ...Object.fromEntries(kinds.map(({ type, name, fixture }) => [name, { type, args: fixture.args(name) }])),
    [REMOTE]: { type: "ConfigMapAsset", args: KIND_FIXTURES.ConfigMapAsset.args(REMOTE), provider: "elsewhere" },
  };
  const providers = {
    elsewhere: {
      url: secondConfig["runai:url"],
      clientId: secondConfig["runai:clientId"],
      clientSecret: (secondConfig["runai:clientSecret"] as { value: string }).value,
    },
  };
  await stack.setConfig("lifecycle:resources", JSON.stringify(resources));
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

  it("destroys everything and leaves nothing behind", async () => {
    const result = await go("destroy");
    expect(result.changes).toEqual({ delete: N + 3 });
    for (const { name, fixture } of kinds)
      expect({ name, status: await status(emulator, fixture.itemPath(ids[name])) }).toEqual({ name, status: 404 });
    expect(await status(second, `${CONFIG_MAPS}/${ids[REMOTE]}`)).toBe(404);
  });

  it("never printed a secret", () => {
    expect(printed).not.toBe("");
    const providerSecret = (second.stackConfig()["runai:clientSecret"] as { value: string }).value;
    for (const secret of [...FIXTURE_SECRETS, providerSecret])
      expect({ secret, printed: printed.includes(secret) }).toEqual({ secret, printed: false });
  });
});
