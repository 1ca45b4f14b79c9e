// Credentials through the real pulumi CLI against the emulator: their secret values are ciphertext in
// state (even when the program passes plain strings) and appear in no command's output, diff or
// emulator log; refresh never reports them as drift; a rotated secret replaces the credential and
// the datasource that names it, in an order that never deletes a credential still in use.
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { CommandResult, TestStack } from "../support/pulumi-stack";
import { isPulumiPropertyTrace } from "../support/pulumi-trace";

const program = path.join(__dirname, "programs/credentials");
const ACCESS_KEYS = "/api/v1/asset/credentials/access-key";
const S3 = "/api/v1/asset/datasource/s3";
const GENERIC_SECRETS = "/api/v1/asset/credentials/generic-secret";

// Distinctive values, so a leak anywhere is found by a plain text search.
const SECRETS = {
  secretAccessKey: "s3-secret-FIRST-7d1f0c2a",
  gitPassword: "git-password-5b9e44d1",
  registryPassword: "registry-password-0c6a1e93",
  hfToken: "hf-token-9a2c7e41",
  wandbToken: "wandb-token-3e8b5f06",
};
const ROTATED = "s3-secret-ROTATED-e4a09b7c";
const SECRET_TYPE_KEY = "4dabf18193072939515e22adb298388d";

/** The program's plain secrets, with this access key secret. */
const environment = (secretAccessKey: string) => ({
  E2E_SECRET_ACCESS_KEY: secretAccessKey,
  E2E_REGISTRY_PASSWORD: SECRETS.registryPassword,
  E2E_HF_TOKEN: SECRETS.hfToken,
  E2E_WANDB_TOKEN: SECRETS.wandbToken,
});
/** Runs a command with the access key's secret rotated. */
const rotated = { env: environment(ROTATED) };

type Json = Record<string, any>;
type Ids = Record<"key" | "datasets" | "login" | "code" | "registry" | "tokens" | "mounted", string>;

describe("credentials with the real CLI", () => {
  let emulator: EmulatorHarness;
  let stack: TestStack;
  const transcripts: CommandResult[] = [];
  const record = (result: CommandResult) => {
    transcripts.push(result);
    return result;
  };
  const ids = async () => (await stack.outputs()).ids as Ids;
  const verbose = ["--logtostderr", "-v=9"];

  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), gitPassword: { value: SECRETS.gitPassword, secret: true } },
      // Plain strings, as a CI job passes them: the resources must encrypt them all the same.
      env: environment(SECRETS.secretAccessKey),
    });
  });
  afterAll(async () => {
    await stack?.cleanup();
    await emulator?.stop();
  });

  let created: Ids;

  it("creates each credential and the datasource that names it by id", async () => {
    const up = record(await stack.up(verbose));
    expect(up.stdout).toContain("+ 8 created"); // seven resources and the stack
    created = await ids();
    expect((await emulator.api("GET", `${S3}/${created.datasets}`)).body.spec.accessKeyAssetId).toBe(created.key);
    // Run:ai never returns a secret: the emulator answers null, as the provider must expect.
    const { body: key } = await emulator.api("GET", `${ACCESS_KEYS}/${created.key}`);
    expect(key.spec).toMatchObject({ accessKeyId: "AKIADATASETS", secretAccessKey: null });
    const { body: tokens } = await emulator.api("GET", `${GENERIC_SECRETS}/${created.tokens}`);
    expect(tokens.spec.keyValuePairs).toEqual([
      { key: "hf", value: null },
      { key: "wandb", value: null },
    ]);
    // The Kubernetes secret's name is an output.
    expect((await stack.outputs()).keySecretName).toEqual(key.clusterInfo.resources[0].name);
  });

  it("holds every secret value only as ciphertext in state, inputs and outputs alike", async () => {
    const state = await stack.exportState();
    const text = JSON.stringify(state);
    for (const secret of Object.values(SECRETS)) expect({ secret, inState: text.includes(secret) }).toEqual({ secret, inState: false });

    const byName = (name: string) => (state.deployment.resources ?? []).find((r) => r.urn.endsWith(`::${name}`));
    const ciphertext = { [SECRET_TYPE_KEY]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) };
    const spec = (name: string, side: "inputs" | "outputs") => (byName(name)?.[side] as Json | undefined)?.spec as Json;
    expect(spec("datasets-key", "inputs").secretAccessKey).toEqual(ciphertext);
    expect(spec("datasets-key", "outputs").secretAccessKey).toEqual(ciphertext);
    // Only the secret is hidden: the key id stays readable.
    expect(spec("datasets-key", "outputs").accessKeyId).toBe("AKIADATASETS");
    expect(spec("nvcr", "outputs").password).toEqual(ciphertext);
    expect(spec("git-login", "outputs").password).toEqual(ciphertext);
    // A list with a secret element is secret as a whole (the engine's rule).
    expect(spec("api-tokens", "outputs").keyValuePairs).toEqual(ciphertext);
  });

  it("shows no change on preview and refresh, although Run:ai returns no secret", async () => {
    record(await stack.preview({ expectNoChanges: true }));
    record(await stack.refresh({ expectNoChanges: true, extra: verbose }));
    record(await stack.preview({ expectNoChanges: true, refresh: true }));
  });

  it("updates a description in place, keeping the credential", async () => {
    await stack.setConfig("keyDescription", "datasets bucket, rotated quarterly");
    const up = record(await stack.up());
    expect(up.stdout).toContain("~ 1 updated");
    expect(await ids()).toEqual(created);
  });

  it("replaces a rotated access key and the S3 asset that uses it: the datasource goes first, and comes back on the new key", async () => {
    const preview = record(await stack.preview({ extra: ["--diff"] }, rotated));
    expect(preview.stdout).toContain("+-2 to replace");
    expect(preview.stdout).toContain("[secret]");

    const up = record(await stack.up(verbose, rotated));
    expect(up.stdout).toContain("+-2 replaced");
    const at = (text: string) => {
      const index = up.stdout.indexOf(text);
      if (index < 0) throw new Error(`"${text}" is not in the output of up`);
      return index;
    };
    // Names are kept, so each old object goes before its replacement; the S3 asset, which uses the
    // key, goes before the key and comes back after it.
    expect(at("datasets deleting original")).toBeLessThan(at("datasets-key deleting original"));
    expect(at("datasets-key deleting original")).toBeLessThan(at("datasets-key creating replacement"));
    expect(at("datasets-key creating replacement")).toBeLessThan(at("datasets creating replacement"));

    const after = await ids();
    expect(after.key).not.toBe(created.key);
    expect(after.datasets).not.toBe(created.datasets);
    expect({ ...after, key: "", datasets: "" }).toEqual({ ...created, key: "", datasets: "" });
    expect((await emulator.api("GET", `${S3}/${after.datasets}`)).body.spec.accessKeyAssetId).toBe(after.key);
    expect((await emulator.api("GET", `${ACCESS_KEYS}/${created.key}`)).status).toBe(404);
    expect(await emulator.statusCount(412)).toBe(0);
    expect(JSON.stringify(await stack.exportState())).not.toContain(ROTATED);
    record(await stack.preview({ expectNoChanges: true }, rotated));
  });

  it("destroys everything in dependency order, with no 412", async () => {
    const destroy = record(await stack.destroy([], rotated));
    expect(destroy.stdout).toContain("- 8 deleted");
    expect(await emulator.statusCount(412)).toBe(0);
  });

  it("never shows a secret in any command's output (also at -v=9, but for the engine's own property records)", () => {
    const needles = [...Object.values(SECRETS), ROTATED];
    for (const { command, stdout, stderr } of transcripts) {
      const isVerbose = command.includes("-v=9");
      if (isVerbose) expect(stderr.split("\n").length).toBeGreaterThan(100); // the trace really was on
      const leaks = `${stdout}\n${stderr}`
        .split("\n")
        .filter((line) => needles.some((needle) => line.includes(needle)))
        .filter((line) => !(isVerbose && isPulumiPropertyTrace(line)))
        .map((line) => line.slice(0, 160));
      expect({ command, leaks }).toEqual({ command, leaks: [] });
    }
  });

  it("left no secret in the emulator's log, and sent nothing the contract refuses", async () => {
    const log = emulator.logs.join("\n");
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [...Object.values(SECRETS), ROTATED])
      expect({ secret, inLog: log.includes(secret) }).toEqual({ secret, inLog: false });
    expect(await emulator.statusCount(400)).toBe(0);
  });
});

/**
 * examples/data-pipeline on an emulator of its own: up, outputs, a refreshing preview with nothing
 * to do and destroy. It shares nothing with the scenario above, so it runs beside it, started with
 * the file; its test checks what it saw.
 */
async function runDataPipeline() {
  const emulator = await EmulatorHarness.start();
  const stack = await TestStack.create({
    program: path.join(__dirname, "../../examples/data-pipeline"),
    config: {
      ...emulator.stackConfig(),
      s3AccessKeyId: "AKIAEXAMPLE",
      s3SecretAccessKey: { value: SECRETS.secretAccessKey, secret: true },
      gitPassword: { value: SECRETS.gitPassword, secret: true },
    },
  });
  try {
    const up = (await stack.up()).stdout;
    const outputs = await stack.outputs();
    const ids = outputs.assetIds as Record<string, string>;
    const datasetsKey = (await emulator.api("GET", `${S3}/${ids.datasets}`)).body.spec.accessKeyAssetId as string;
    await stack.preview({ expectNoChanges: true, refresh: true });
    const destroy = (await stack.destroy()).stdout;
    const statuses = { 400: await emulator.statusCount(400), 412: await emulator.statusCount(412) };
    return { up, outputs, ids, datasetsKey, destroy, statuses };
  } finally {
    await stack.cleanup();
    await emulator.stop();
  }
}

let dataPipeline: ReturnType<typeof runDataPipeline>;
beforeAll(() => {
  dataPipeline = runDataPipeline();
  dataPipeline.catch(() => undefined); // reported by its test
});
afterAll(() => dataPipeline.catch(() => undefined));

describe("examples/data-pipeline", () => {
  it("creates a project's compute, data and credentials, then has nothing to do, and destroys them with no 412", async () => {
    const { up, outputs, ids, datasetsKey, destroy, statuses } = await dataPipeline;
    expect(up).toContain("+ 7 created");
    expect(datasetsKey).toBe(ids.bucketKey);
    expect(outputs.checkpointClaim).toMatch(/^pvc-checkpoints-/);
    expect(destroy).toContain("- 7 deleted");
    expect(statuses).toEqual({ 400: 0, 412: 0 });
  });
});
