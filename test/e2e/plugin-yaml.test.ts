// The runai plugin (bin/pulumi-resource-runai) driven by Pulumi YAML programs, so through nothing
// but the plugin and its schema: every kind of the registry in one stack, one command per step
// (up → no-op preview → drift in preview --refresh → in-place update → replace → out-of-band delete,
// refresh and recreate → objects made by hand refused, then adopted with adoptExisting → pulumi import
// of objects made by hand, one and a bulk file → no-op preview → destroy), the lifecycle of
// test/e2e/lifecycle.test.ts and more, with an explicit `pulumi:providers:runai`
// pointing at a second emulator and secrets checked in state, in logs and in generated code. Then
// the YAML quickstart example as a user runs it, and the plugin tarball installed with
// `pulumi plugin install --file`.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { promisify } from "node:util";
import { kindFor, RESOURCE_TYPES } from "../../src/provider/registry";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import type { KindFixture } from "../fixtures/kinds";
import { waitUntil } from "../support/async";
import { EmulatorHarness } from "../support/emulator";
import { RECOVERY, refusalsInDiagnostics } from "../support/not-managed";
import { pulumiBinDir, repoRoot, TestStack } from "../support/pulumi-stack";
import type { CommandResult, ExportedResource } from "../support/pulumi-stack";

type Json = Record<string, any>;

const programs = path.join(__dirname, "programs");
const SECOND_SECRET = "second-admin-secret";

/** The resource of each kind, e.g. "y-configmapasset". */
const kinds = RESOURCE_TYPES.map((type) => ({ type, name: `y-${type.toLowerCase()}`, fixture: KIND_FIXTURES[type] as KindFixture }));
const N = kinds.length;
const token = (type: string) => `runai:index:${type}`;

let emulator: EmulatorHarness;
let second: EmulatorHarness;

beforeAll(async () => {
  [emulator, second] = await Promise.all([EmulatorHarness.start(), EmulatorHarness.start({ adminClientSecret: SECOND_SECRET })]);
  await prepareFixtures(emulator);
});
afterAll(async () => {
  await emulator?.stop();
  await second?.stop();
});

/** A YAML resource declaration. */
interface YamlResource {
  type: string;
  properties?: Json;
  options?: Json;
}

/**
 * The lifecycle program: the base Pulumi.yaml (plugin path, config) plus resources and outputs.
 * `resources:` comes last, so the code `pulumi import` generates can be appended to it.
 */
function writeProgram(stack: TestStack, resources: Record<string, YamlResource>, outputs: Json, imported = ""): void {
  const base = fs.readFileSync(path.join(programs, "yaml-lifecycle/Pulumi.yaml"), "utf8");
  // JSON is YAML: each resource on one line keeps the text simple and exact.
  const lines = Object.entries(resources).map(([name, resource]) => `  ${name}: ${JSON.stringify(resource)}`);
  const text = `${base}outputs: ${JSON.stringify(outputs)}\nresources:\n${lines.join("\n")}\n${imported}`;
  fs.writeFileSync(path.join(stack.workDir, "Pulumi.yaml"), text);
}

/** What a step declares: every kind with the inputs `argsOf` gives it, plus `extra` resources. */
interface Declared {
  argsOf: (fixture: KindFixture, name: string) => Json;
  extra?: Record<string, YamlResource>;
}

/** Every kind as `declared` says; the secret volume mounts the program's password credential. */
function lifecycleResources({ argsOf, extra = {} }: Declared): Record<string, YamlResource> {
  const resources: Record<string, YamlResource> = {};
  for (const { type, name, fixture } of kinds) {
    const properties = argsOf(fixture, name);
    if (type === "SecretVolumeAsset") properties.spec = { ...properties.spec, credentialAssetId: "${y-passwordcredential.id}" };
    resources[name] = { type: token(type), properties };
  }
  // An explicit provider with another URL and other credentials; the name defaults to the resource's.
  resources.second = {
    type: "pulumi:providers:runai",
    properties: { url: "${secondUrl}", clientId: "runai-admin", clientSecret: "${secondClientSecret}" },
  };
  resources["y-elsewhere"] = {
    type: token("ConfigMapAsset"),
    properties: { meta: { scope: "project", projectId: 1001 }, spec: { configMap: "elsewhere", mountPath: "/etc/elsewhere" } },
    options: { provider: "${second}" },
  };
  return { ...resources, ...extra };
}

/** The lifecycle program for `declared` (plus imported code): outputs the id of every resource but the provider. */
function writeLifecycle(stack: TestStack, declared: Declared, imported = ""): void {
  const resources = lifecycleResources(declared);
  const named = Object.keys(resources).filter((name) => name !== "second");
  const outputs = { ids: Object.fromEntries(named.map((name) => [name, `\${${name}.id}`])), appSecret: "${y-application.secret}" };
  writeProgram(stack, resources, outputs, imported);
}

/** The object name in a kind's inputs (assets: meta.name; others: name; none for an access rule). */
function nameIn(args: Json): string | undefined {
  return args.meta?.name ?? args.name;
}

/** Values that must never appear in clear text in state, logs or generated code. */
function secretValues(): string[] {
  const values = [emulator.emulator.adminClientSecret, SECOND_SECRET];
  for (const { type, name, fixture } of kinds) {
    for (const secretPath of kindFor(type).secrets?.inputs ?? [])
      for (const args of [fixture.args(name), fixture.replacing(name)]) values.push(...valuesAt(args, secretPath.split(".")));
  }
  return values;
}

function valuesAt(value: unknown, parts: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (parts.length === 0) return [String(value)];
  const [head, ...rest] = parts;
  const inner = (value as Json)[head.replace(/\[\]$/, "")];
  return head.endsWith("[]") && Array.isArray(inner) ? inner.flatMap((element) => valuesAt(element, rest)) : valuesAt(inner, rest);
}

function isCiphertext(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as Json).ciphertext === "string" && !("plaintext" in value);
}

describe("every kind through a Pulumi YAML program and the runai plugin", () => {
  let stack: TestStack;
  const logs: CommandResult[] = [];
  const log = async (result: Promise<CommandResult>) => {
    const done = await result;
    logs.push(done);
    return done;
  };
  let created: Record<string, string>;
  /** What the program declares now: each step changes it, and later steps keep it. */
  let declared: Declared = { argsOf: (fixture, name) => fixture.args(name) };
  const declare = (next: Declared) => {
    declared = next;
    writeLifecycle(stack, declared);
  };
  /** The objects made by hand under `<name>-adopt`, by name: their ids. */
  const byHand: Record<string, string> = {};
  /** The application's secret, as `stack output --show-secrets` gave it (that command's output is not a log). */
  const appSecrets: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.create({
      program: path.join(programs, "yaml-lifecycle"),
      config: { ...emulator.stackConfig(), secondUrl: second.url, secondClientSecret: { value: SECOND_SECRET, secret: true } },
    });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  const ids = async () => (await stack.outputs()).ids as Record<string, string>;
  const status = async (fixture: KindFixture, id: string) => (await emulator.api("GET", fixture.itemPath(id))).status;

  it("creates every kind in one up, one asset through an explicit provider on a second emulator; a second preview has nothing to do", async () => {
    declare({ argsOf: (fixture, name) => fixture.args(name) });
    expect((await log(stack.up())).stdout).toContain(`+ ${N + 3} created`); // the kinds, the explicit provider and its asset, the stack
    created = await ids();
    for (const { name, fixture } of kinds) expect({ name, status: await status(fixture, created[name]) }).toEqual({ name, status: 200 });

    const elsewhere = created["y-elsewhere"];
    const onSecond = await second.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(elsewhere));
    expect({ status: onSecond.status, name: onSecond.body.meta?.name }).toEqual({ status: 200, name: "y-elsewhere" });
    expect((await emulator.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(elsewhere))).status).toBe(404);

    await log(stack.preview({ expectNoChanges: true }));
  });

  it("keeps the application secret, the credential values and runai:clientSecret as ciphertext in state", async () => {
    const state = await stack.exportState();
    const text = JSON.stringify(state);
    for (const value of secretValues()) expect({ value, inState: text.includes(value) }).toEqual({ value, inState: false });

    const resources = state.deployment.resources ?? [];
    const byName = (name: string) => resources.find((r) => r.urn.endsWith(`::${name}`)) as ExportedResource;
    expect(isCiphertext(byName("y-application").outputs?.secret)).toBe(true);
    for (const { type, name } of kinds) {
      for (const secretPath of kindFor(type).secrets?.inputs ?? []) {
        const [field, inner] = secretPath.replace(/^spec\./, "").split("[].");
        const pick = (spec: unknown) => (inner ? (spec as Json)?.[field]?.[0]?.[inner] : (spec as Json)?.[field]);
        const where = { name, field: secretPath };
        expect({ ...where, input: isCiphertext(pick(byName(name).inputs?.spec)) }).toEqual({ ...where, input: true });
        expect({ ...where, output: isCiphertext(pick(byName(name).outputs?.spec)) }).toEqual({ ...where, output: true });
      }
    }
    const providers = resources.filter((r) => r.type === "pulumi:providers:runai");
    expect(providers.map((p) => p.urn.split("::").pop()).sort()).toEqual(["default", "second"]);
    for (const provider of providers) expect(isCiphertext(provider.inputs?.clientSecret)).toBe(true);

    // The secret works: the application's own credentials get a token.
    const secret = (await stack.outputs({ showSecrets: true })).appSecret as string;
    appSecrets.push(secret);
    expect(await emulator.tryToken(KIND_FIXTURES.Application.args("y-application").name, secret)).toEqual(expect.any(String));
  });

  it("shows hand edits in preview --refresh, then up --refresh puts them back and applies an in-place change, keeping every id", async () => {
    const editable = kinds.filter((k) => k.fixture.editByHand);
    for (const { name, fixture } of editable) await fixture.editByHand?.(emulator, created[name]);
    const drift = await stack.previewJson({ refresh: true });
    const updated = (drift.steps ?? []).filter((step) => step.op === "update").map((step) => step.urn.split("::").pop());
    expect(updated.sort()).toEqual(editable.map((k) => k.name).sort());

    declare({ argsOf: (fixture, name) => fixture.inPlace?.(name) ?? fixture.args(name) });
    const changed = kinds.filter((k) => k.fixture.inPlace || k.fixture.editByHand).length;
    expect((await log(stack.up(["--refresh"]))).stdout).toContain(`~ ${changed} updated`);
    expect(await ids()).toEqual(created);
    await log(stack.preview({ expectNoChanges: true }));
  });

  it("replaces on a creation-only change (the old object first when the name stays): new ids, the old objects gone", async () => {
    const before = declared.argsOf;
    declare({ argsOf: (fixture, name) => fixture.replacing(name) });
    const { stdout } = await log(stack.up());
    expect(stdout).toContain(`+-${N} replaced`);
    for (const { name, fixture } of kinds) {
      // Names are unique: a same-named replacement can only be created once the old object is gone.
      const old = before(fixture, name);
      const keepsName = nameIn(old) !== undefined && nameIn(fixture.replacing(name)) === nameIn(old);
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
    await log(stack.preview({ expectNoChanges: true }));
  });

  it("drops objects deleted by hand on refresh, and up recreates them", async () => {
    for (const { name, fixture } of kinds) {
      expect((await emulator.api("DELETE", fixture.itemPath(created[name]))).status).toBeLessThan(300);
    }
    await waitUntil(async () => {
      for (const { name, fixture } of kinds) if ((await status(fixture, created[name])) !== 404) return false;
      return true;
    });
    expect((await log(stack.refresh())).stdout).toContain(`- ${N} deleted`);
    expect((await log(stack.up())).stdout).toContain(`+ ${N} created`);
    const recreated = await ids();
    for (const { name, fixture } of kinds) {
      expect(recreated[name]).not.toBe(created[name]);
      expect({ name, status: await status(fixture, recreated[name]) }).toEqual({ name, status: 200 });
    }
    created = recreated;
  });

  /** Each kind's object made by hand, declared under its name `<name>-adopt`, with `adoptExisting` when given. */
  const adopters = (adoptExisting?: boolean): Record<string, YamlResource> =>
    Object.fromEntries(
      kinds.map(({ type, name, fixture }) => {
        const adoptName = `${name}-adopt`;
        const args = fixture.args(adoptName);
        return [adoptName, { type: token(type), properties: adoptExisting === undefined ? args : { ...args, adoptExisting } }];
      }),
    );

  it("refuses objects made by hand under the program's names, each with the exact 'not managed by this stack' message", async () => {
    for (const { name, fixture } of kinds) byHand[`${name}-adopt`] = await fixture.createByHand(emulator, `${name}-adopt`);
    declare({ argsOf: (fixture, name) => fixture.replacing(name), extra: adopters() });
    // Every create is tried, so that every kind reports.
    const result = await log(stack.up(["--continue-on-error"], { allowFailure: true }));
    expect(result.code).not.toBe(0);
    for (const { type, name, fixture } of kinds) {
      const adoptName = `${name}-adopt`;
      const kind = kindFor(type);
      const args = fixture.args(adoptName);
      const { by, at } = kind.identity.createdOf?.((await emulator.api("GET", fixture.itemPath(byHand[adoptName]))).body) ?? {};
      const message =
        `${kind.label} "${kind.identity.describe?.(args) ?? nameIn(args)}" already exists in ${kind.identity.location(args)} ` +
        `(id ${byHand[adoptName]}, created by ${by} at ${at}) and is not managed by this stack. ` +
        "Set adoptExisting: true to take it over with this program's values";
      expect({ adoptName, refused: result.stdout.includes(message) ? message : result.stdout }).toEqual({ adoptName, refused: message });
    }
    // One plugin process served every refusal: the recovery after an interrupted run is said once.
    const refusals = refusalsInDiagnostics(result.stdout);
    expect(refusals.length).toBeGreaterThanOrEqual(kinds.length);
    expect(refusals.filter((line) => line.endsWith(` ${RECOVERY}`))).toHaveLength(1);
    const state = (await stack.exportState()).deployment.resources ?? [];
    expect(state.filter((r) => r.urn.endsWith("-adopt")).map((r) => r.urn)).toEqual([]);
  });

  it("adopts them with adoptExisting: true, keeping their ids", async () => {
    declare({ argsOf: (fixture, name) => fixture.replacing(name), extra: adopters(true) });
    expect((await log(stack.up())).stdout).toContain(`+ ${N} created`);
    const after = await ids();
    for (const adoptName of Object.keys(byHand)) expect({ adoptName, id: after[adoptName] }).toEqual({ adoptName, id: byHand[adoptName] });
    expect(Object.fromEntries(kinds.map(({ name }) => [name, after[name]]))).toEqual(
      Object.fromEntries(kinds.map(({ name }) => [name, created[name]])),
    );
    await log(stack.preview({ expectNoChanges: true }));
  });

  it("imports objects made by hand (one by command line, more from a bulk file) into a stack with no pending change", async () => {
    const single = await KIND_FIXTURES.ConfigMapAsset.createByHand(emulator, "y-imported-config");
    const bulkKinds = ["EnvironmentAsset", "NfsAsset", "Application", "Department", "Project", "AccessRule"];
    const bulk = await Promise.all(
      bulkKinds.map(async (type) => {
        const name = `y-imp-${type.toLowerCase()}`;
        return { type: token(type), name, id: await KIND_FIXTURES[type].createByHand(emulator, name) };
      }),
    );
    const codeDir = path.join(stack.tempDir, "import");
    fs.mkdirSync(codeDir);
    const bulkFile = path.join(codeDir, "bulk.json");
    fs.writeFileSync(bulkFile, JSON.stringify({ resources: bulk }));

    const one = await log(
      stack.run([
        "import",
        token("ConfigMapAsset"),
        "y-imported-config",
        single,
        "--yes",
        "--protect=false",
        "--out",
        path.join(codeDir, "one.yaml"),
      ]),
    );
    expect(one.stdout).toContain("= 1 imported");
    const many = await log(stack.run(["import", "--file", bulkFile, "--yes", "--protect=false", "--out", path.join(codeDir, "bulk.yaml")]));
    expect(many.stdout).toContain(`= ${bulk.length} imported`);

    const generated = ["one.yaml", "bulk.yaml"].map((file) => fs.readFileSync(path.join(codeDir, file), "utf8"));
    expect(generated[0]).toContain("type: runai:ConfigMapAsset");
    const code = generated.join("\n");
    for (const value of secretValues()) expect({ value, inCode: code.includes(value) }).toEqual({ value, inCode: false });
    expect(code).not.toMatch(/^\s+secret:/m); // the application imports without its secret

    // The generated code, added to the program, matches the imported state exactly.
    const imported = generated.map((text) => text.replace(/^resources:\n/, "")).join("");
    writeLifecycle(stack, declared, imported);
    await log(stack.preview({ expectNoChanges: true }));
    const importedIds = Object.fromEntries(
      ((await stack.exportState()).deployment.resources ?? [])
        .filter((r) => r.urn.includes("::y-imp"))
        .map((r) => [r.urn.split("::").pop(), r.id]),
    );
    expect(importedIds).toEqual({ "y-imported-config": single, ...Object.fromEntries(bulk.map((b) => [b.name, b.id])) });
  });

  it("fails an import of an id that does not exist with the type and the id", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const result = await log(stack.run(["import", token("ConfigMapAsset"), "y-missing", missing, "--yes"], { allowFailure: true }));
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(
      `cannot import runai:index:ConfigMapAsset "${missing}": Run:ai has no ConfigMap asset with this id`,
    );
  });

  it("destroys everything, on both emulators, and logged no secret", async () => {
    const state = (await stack.exportState()).deployment.resources ?? [];
    await log(stack.destroy());
    for (const { name, fixture } of kinds) {
      for (const resource of [name, `${name}-adopt`]) {
        expect({ resource, status: await status(fixture, created[resource] ?? byHand[resource]) }).toEqual({ resource, status: 404 });
      }
    }
    expect((await second.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(created["y-elsewhere"]))).status).toBe(404);
    const importedConfig = state.find((r) => r.urn.endsWith("::y-imported-config"));
    expect(await status(KIND_FIXTURES.ConfigMapAsset, String(importedConfig?.id))).toBe(404);

    const printed = logs.map((r) => r.stdout + r.stderr).join("\n");
    for (const value of [...secretValues(), ...appSecrets])
      expect({ value, logged: printed.includes(value) }).toEqual({ value, logged: false });
  });
});

describe("the YAML quickstart example and the plugin tarball", () => {
  it("runs examples/yaml-quickstart with the plugin from node_modules/pulumi-runai/bin", async () => {
    const stack = await TestStack.create({
      program: path.join(repoRoot, "examples/yaml-quickstart"),
      config: { ...emulator.stackConfig(), registryPassword: { value: "quickstart-registry-password", secret: true } },
    });
    try {
      const up = await stack.up();
      expect(up.stdout).toContain("+ 4 created");
      const outputs = await stack.outputs({ showSecrets: true });
      expect(outputs.ciClientId).toBe("ci-app");
      expect(await emulator.tryToken("ci-app", String(outputs.ciSecret))).toEqual(expect.any(String));
      const config = await emulator.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(String(outputs.trainingConfigId)));
      expect(config.body.meta.name).toBe("training-config");
      expect(JSON.stringify(await stack.exportState())).not.toContain("quickstart-registry-password");
      await stack.destroy();
      expect(config.body.meta.id).toBe(outputs.trainingConfigId);
      expect((await emulator.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(String(outputs.trainingConfigId)))).status).toBe(404);
    } finally {
      await stack.cleanup();
    }
  });

  it("installs the tarball of npm run package:plugin with pulumi plugin install --file, and a program without plugins: uses it", async () => {
    const stack = await TestStack.create({ program: path.join(programs, "yaml-installed"), config: emulator.stackConfig() });
    try {
      const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
      const outDir = path.join(stack.tempDir, "tarball");
      await promisify(execFile)("node", [path.join(repoRoot, "scripts/package-plugin.js"), outDir], { cwd: repoRoot });
      const tarball = path.join(outDir, `pulumi-resource-runai-v${version}-linux-amd64.tar.gz`);
      expect(fs.existsSync(tarball)).toBe(true);
      // The program must not find the plugin through the repository's node_modules.
      fs.rmSync(path.join(stack.workDir, "node_modules"), { recursive: true, force: true });

      // Plugin commands take no --stack: run the CLI with the stack's environment (its PULUMI_HOME).
      const pulumi = (args: string[]) =>
        promisify(execFile)(path.join(pulumiBinDir(), "pulumi"), args, { env: stack.env, cwd: stack.workDir });
      await pulumi(["plugin", "install", "resource", "runai", version, "--file", tarball]);
      const listed = await pulumi(["plugin", "ls"]);
      expect(listed.stdout).toMatch(new RegExp(`runai\\s+resource\\s+${version.replace(/\./g, "\\.")}`));

      expect((await stack.up()).stdout).toContain("+ 2 created");
      const id = String((await stack.outputs()).configId);
      expect((await emulator.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(id))).status).toBe(200);
      await stack.destroy();
      expect((await emulator.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(id))).status).toBe(404);
    } finally {
      await stack.cleanup();
    }
  });
});

describe("the plugin's up-front check, as the dynamic host's (test/e2e/config-errors.test.ts)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await TestStack.create({
      program: path.join(programs, "yaml-lifecycle"),
      config: { ...emulator.stackConfig(), secondUrl: second.url, secondClientSecret: { value: SECOND_SECRET, secret: true } },
    });
    writeProgram(stack, { "y-checked": { type: token("ConfigMapAsset"), properties: KIND_FIXTURES.ConfigMapAsset.args("y-checked") } }, {});
  });
  afterAll(async () => {
    await emulator.clearFaults();
    await stack?.cleanup();
  });

  /** How often `text` occurs in the output's Diagnostics section. */
  const diagnosed = (output: string, text: string) => output.slice(output.indexOf("\nDiagnostics:")).split(text).length - 1;

  it("a runai:url at a closed port fails the preview in under 10 s, once, naming the setting, and writes nothing", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
    await stack.setConfig("runai:url", url);
    await emulator.resetCounters();
    const started = Date.now();
    const preview = await stack.preview({}, { allowFailure: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(preview.code).not.toBe(0);
    const message =
      `cannot reach Run:ai at ${url} (runai:url, or the RUNAI_URL environment variable): the connection was refused ` +
      "(POST /api/v1/token: ECONNREFUSED). Check the URL's host and port, and that the control plane is running";
    expect(diagnosed(`${preview.stdout}\n${preview.stderr}`, message)).toBe(1);
    expect(await emulator.writeCount()).toBe(0);
  });

  it("a call that waits to retry says so once, in the CLI's output", async () => {
    await stack.setConfig("runai:url", emulator.url);
    await emulator.setFaults([{ method: "POST", route: "/api/v1/token", errorRate: 1, errorStatus: 503, retryAfterSeconds: 1, times: 2 }]);
    const preview = await stack.preview();
    const notice =
      "pulumi-runai: POST /api/v1/token → 503: injected fault: service unavailable; retrying (attempt 2 in 1 s; giving up after 60 s)";
    expect(diagnosed(preview.stdout, notice)).toBe(1);
    expect(preview.stdout).toContain("+ 2 to create"); // the asset and the stack
  });
});
