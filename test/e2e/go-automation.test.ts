// The `runai` plugin from Go: an Automation-API program (test/e2e/programs/go-automation, built once
// per machine by scripts/ensure-go-program.sh) declares one resource of every kind with
// ctx.RegisterResource("runai:index:<Type>", …), with no generated SDK and no Go language host, plus
// one on a second Run:ai through an explicit `pulumi:providers:runai`. One stack for all kinds, one
// Go run per step, the lifecycle every host lives through (test/support/lifecycle.ts), plus
// ciphertext in `pulumi stack export`. Each step only changes the stack's `lifecycle:resources`
// config, which the program reads.
import { execFile, execFileSync } from "node:child_process";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import { CONFIG_MAPS, EmulatorHarness } from "../support/emulator";
import { describeLifecycle, fixtureSecrets, lifecycleKinds } from "../support/lifecycle";
import type { ChangeSummary, Declaration, HostRun } from "../support/lifecycle-host";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const PROJECT = "go-automation-e2e";
const kinds = lifecycleKinds("go-");
const REMOTE = "go-remote-configmap";

/** What the program prints last: the run's change summary, its steps and the stack's `ids` output. */
interface GoResult {
  changes?: ChangeSummary;
  steps?: { op: string; urn: string }[];
  ids?: Record<string, string>;
}
type GoRun = HostRun & GoResult;

let goProgram: string;
let emulator: EmulatorHarness;
let second: EmulatorHarness;
let stack: TestStack;
/** Everything the Go program printed, for the secrecy check. */
let printed = "";

/** Runs one Automation-API operation of the Go program on the test stack. */
function go(op: "up" | "preview" | "refresh" | "destroy", flags: string[] = []): Promise<GoRun> {
  return goRun(op, flags).then(({ error, stdout, stderr, args }) => {
    if (error) throw new Error(`go-automation ${args.join(" ")} failed: ${error.message}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
    return { failed: false, output: stdout + stderr, ...(JSON.parse(stdout.trim().split("\n").pop()!) as GoResult) };
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

/** The remote asset on the second Run:ai, declared at every step. */
const remote = { [REMOTE]: { type: "ConfigMapAsset", args: KIND_FIXTURES.ConfigMapAsset.args(REMOTE), provider: "elsewhere" } };

/** Declares, for the next run, `resources` and the remote asset. */
async function declare(resources: Declaration): Promise<void> {
  await stack.setConfig("lifecycle:resources", JSON.stringify({ ...resources, ...remote }));
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
  const secondConfig = second.stackConfig();
  const providers = {
    elsewhere: {
      url: secondConfig["runai:url"],
      clientId: secondConfig["runai:clientId"],
      clientSecret: (secondConfig["runai:clientSecret"] as { value: string }).value,
    },
  };
  // All the stack's settings in the one CLI run that creates it.
  stack = await TestStack.create({
    program: path.join(__dirname, "programs/go-automation"),
    config: {
      ...emulator.stackConfig(),
      "lifecycle:providers": { value: JSON.stringify(providers), secret: true },
      // As a Go program would from the schema: the generic secret's values and the application's
      // secret marked by the program. The other credentials' secrets are passed plain: the plugin
      // makes them secret itself.
      "lifecycle:secretInputs": JSON.stringify({ GenericSecretCredential: ["spec.keyValuePairs[].value"] }),
      "lifecycle:secretOutputs": JSON.stringify({ Application: ["secret"] }),
    },
  });
}, 960_000);

afterAll(async () => {
  await stack?.cleanup();
  await Promise.all([emulator?.stop(), second?.stop()]);
});

describe(`a Go Automation-API program with every kind (${RESOURCE_TYPES.join(", ")})`, () => {
  const providerSecret = () => (second.stackConfig()["runai:clientSecret"] as { value: string }).value;

  const lifecycle = describeLifecycle(
    {
      kinds,
      emulator: () => emulator,
      stack: () => stack,
      extras: () => 3, // the remote asset, the explicit provider and the stack
      declare,
      up: (opts = {}) => go("up", opts.refresh ? ["-refresh"] : []),
      upContinuingOnError: async () => {
        const { error, stdout, stderr } = await goRun("up", [], { PULUMI_CONTINUE_ON_ERROR: "true" });
        return { failed: error !== null, output: stdout + stderr };
      },
      previewNoChanges: () => go("preview", ["-expect-no-changes"]),
      previewRefresh: () => go("preview", ["-refresh"]),
      refresh: (opts = {}) => go("refresh", opts.expectNoChanges ? ["-expect-no-changes"] : []),
      destroy: () => go("destroy"),
      ids: async (run?: GoRun) => run?.ids ?? ((await stack.outputs()).ids as Record<string, string>),
      expectChanges: (run: GoRun, expected) => expect(run.changes).toEqual(expected),
      replaceOrder: ({ steps }, name) => {
        const ops = (steps ?? []).map((step) => `${nameOf(step.urn)} ${step.op}`);
        return ops.indexOf(`${name} delete-replaced`) < ops.indexOf(`${name} create-replacement`) ? "delete first" : "create first";
      },
      // No `refusals`: the program prints the engine's events, not the CLI's Diagnostics section
      // in which the YAML suite counts the recovery said once per provider process.
      printed: () => printed,
      secrets: () => [providerSecret()],
    },
    {
      afterCreate() {
        it("put the explicit provider's asset on the second Run:ai only", async () => {
          expect(await status(second, `${CONFIG_MAPS}/${lifecycle.ids[REMOTE]}`)).toBe(200);
          expect(await status(emulator, `${CONFIG_MAPS}/${lifecycle.ids[REMOTE]}`)).toBe(404);
        });

        it("keeps every secret as ciphertext in `pulumi stack export`", async () => {
          const state = await stack.exportState();
          const resources = state.deployment.resources ?? [];
          const text = JSON.stringify(state);
          for (const secret of [...fixtureSecrets(kinds), providerSecret()])
            expect({ secret, inState: text.includes(secret) }).toEqual({ secret, inState: false });

          const ciphertext = expect.objectContaining({ ciphertext: expect.any(String) });
          const byName = Object.fromEntries(resources.map((r) => [nameOf(r.urn), r]));
          expect(byName["go-application"].outputs?.secret).toEqual(ciphertext);
          expect(byName["go-accesskeycredential"].inputs?.spec).toMatchObject({ secretAccessKey: ciphertext });
          expect(byName["go-passwordcredential"].outputs?.spec).toMatchObject({ password: ciphertext });
          expect(byName.elsewhere.inputs?.clientSecret).toEqual(ciphertext);
          for (const { type, name } of kinds) expect({ name, type: byName[name].type }).toEqual({ name, type: `runai:index:${type}` });
        });
      },
      async afterDestroy() {
        expect(await status(second, `${CONFIG_MAPS}/${lifecycle.ids[REMOTE]}`)).toBe(404);
      },
    },
  );
});
