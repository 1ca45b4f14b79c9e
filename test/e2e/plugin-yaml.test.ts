// The runai plugin (bin/pulumi-resource-runai) driven by Pulumi YAML programs, so through nothing
// but the plugin and its schema: the lifecycle of every kind (test/support/lifecycle.ts) in one
// stack, one command per step, with an explicit `pulumi:providers:runai` pointing at a second
// emulator, secrets checked in state, in logs and in generated code, and `pulumi import` of objects
// made by hand (one and a bulk file) before the destroy. Then the YAML quickstart example as a user
// runs it, the plugin tarball installed with `pulumi plugin install --file`, and the plugin's
// up-front check of its settings.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { promisify } from "node:util";
import { kindFor } from "../../src/provider/registry";
import { KIND_FIXTURES, objectStatus, prepareFixtures } from "../fixtures/kinds";
import type { KindFixture } from "../fixtures/kinds";
import { EmulatorHarness } from "../support/emulator";
import { describeLifecycle, fixtureSecrets, lifecycleKinds } from "../support/lifecycle";
import type { Declaration } from "../support/lifecycle-host";
import { cliHost } from "../support/lifecycle-cli-host";
import { pulumiBinDir, repoRoot, TestStack } from "../support/pulumi-stack";
import type { ExportedResource } from "../support/pulumi-stack";

type Json = Record<string, any>;

const programs = path.join(__dirname, "programs");
const SECOND_SECRET = "second-admin-secret";

/** The resource of each kind, e.g. "y-configmapasset". */
const kinds = lifecycleKinds("y-");
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

/** Every kind as declared; the secret volume mounts the program's password credential. */
function lifecycleResources(declared: Declaration): Record<string, YamlResource> {
  const resources: Record<string, YamlResource> = {};
  for (const [name, { type, args }] of Object.entries(declared)) {
    const properties =
      name === "y-secretvolumeasset" ? { ...args, spec: { ...args.spec, credentialAssetId: "${y-passwordcredential.id}" } } : args;
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
  return resources;
}

/** The lifecycle program for `declared` (plus imported code): outputs the id of every resource but the provider. */
function writeLifecycle(stack: TestStack, declared: Declaration, imported = ""): void {
  const resources = lifecycleResources(declared);
  const named = Object.keys(resources).filter((name) => name !== "second");
  const outputs = { ids: Object.fromEntries(named.map((name) => [name, `\${${name}.id}`])), appSecret: "${y-application.secret}" };
  writeProgram(stack, resources, outputs, imported);
}

function isCiphertext(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as Json).ciphertext === "string" && !("plaintext" in value);
}

describe("every kind through a Pulumi YAML program and the runai plugin", () => {
  let stack: TestStack;
  /** What the program declares now: each step changes it, and later steps keep it. */
  let declared: Declaration = {};
  /** The application's secret, as `stack output --show-secrets` gave it (that command's output is not a log). */
  const appSecrets: string[] = [];
  /** Resources `pulumi import` added to the stack, and the id of the one imported by command line. */
  let importedCount = 0;
  let importedConfigId = "";
  /** Values that must never appear in clear text in state, logs or generated code. */
  const secretValues = () => [emulator.emulator.adminClientSecret, SECOND_SECRET, ...fixtureSecrets(kinds)];

  const host = cliHost({
    kinds,
    emulator: () => emulator,
    stack: () => stack,
    // The stack itself, the explicit provider and its asset; then what the imports added.
    extras: () => 3 + importedCount,
    declare: async (resources) => {
      declared = resources;
      writeLifecycle(stack, declared);
    },
    secrets: () => [SECOND_SECRET, ...appSecrets],
    revertsDriftWithInPlaceUpdate: true,
  });
  const { log } = host;

  beforeAll(async () => {
    stack = await TestStack.create({
      program: path.join(programs, "yaml-lifecycle"),
      config: { ...emulator.stackConfig(), secondUrl: second.url, secondClientSecret: { value: SECOND_SECRET, secret: true } },
    });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  const status = (fixture: KindFixture, id: string) => objectStatus(emulator, fixture, id);

  const lifecycle = describeLifecycle(host, {
    afterCreate() {
      it("put the explicit provider's asset on the second emulator only", async () => {
        const elsewhere = lifecycle.ids["y-elsewhere"];
        const onSecond = await second.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(elsewhere));
        expect({ status: onSecond.status, name: onSecond.body.meta?.name }).toEqual({ status: 200, name: "y-elsewhere" });
        expect((await emulator.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(elsewhere))).status).toBe(404);
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
            // A dotted path (`spec.password`, an identity provider's `clientSecret`), `[].` into a list's first element.
            const [head, inner] = secretPath.split("[].");
            const pick = (values: unknown) => {
              const value = head.split(".").reduce<any>((at, key) => at?.[key], values);
              return inner ? value?.[0]?.[inner] : value;
            };
            const where = { name, field: secretPath };
            expect({ ...where, input: isCiphertext(pick(byName(name).inputs)) }).toEqual({ ...where, input: true });
            expect({ ...where, output: isCiphertext(pick(byName(name).outputs)) }).toEqual({ ...where, output: true });
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
    },

    afterAdopt() {
      it("imports objects made by hand (one by command line, more from a bulk file) into a stack with no pending change", async () => {
        const single = await KIND_FIXTURES.ConfigMapAsset.createByHand(emulator, "y-imported-config");
        const bulkKinds = [
          "EnvironmentAsset",
          "NfsAsset",
          "Application",
          "Department",
          "Project",
          "AccessRule",
          "TenantSetting",
          "SecuritySetting",
          "WorkloadPolicy",
          "NodePool",
          "Cluster",
          "IdentityProvider",
        ];
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
        const many = await log(
          stack.run(["import", "--file", bulkFile, "--yes", "--protect=false", "--out", path.join(codeDir, "bulk.yaml")]),
        );
        expect(many.stdout).toContain(`= ${bulk.length} imported`);
        importedCount = 1 + bulk.length;
        importedConfigId = single;

        const generated = ["one.yaml", "bulk.yaml"].map((file) => fs.readFileSync(path.join(codeDir, file), "utf8"));
        expect(generated[0]).toContain("type: runai:ConfigMapAsset");
        const code = generated.join("\n");
        for (const value of secretValues()) expect({ value, inCode: code.includes(value) }).toEqual({ value, inCode: false });
        expect(code).not.toMatch(/^\s+secret:/m); // the application imports without its secret

        // The generated code, added to the program, matches the imported state exactly. An identity
        // provider imports without its client secret, which Run:ai never shows: left out, Run:ai keeps
        // the one it has; given in the program later, it updates the provider in place.
        const imported = generated.map((text) => text.replace(/^resources:\n/, "")).join("");
        writeLifecycle(stack, declared, imported);
        await log(stack.preview({ expectNoChanges: true }));
        const idpBlock = "  y-imp-identityprovider:\n    type: runai:IdentityProvider\n    properties:\n";
        expect(imported).toContain(idpBlock);
        const withSecret = imported.replace(idpBlock, `${idpBlock}      clientSecret:\n        fn::secret: by-hand-secret\n`);
        writeLifecycle(stack, declared, withSecret);
        const givenSecret = await log(stack.up());
        expect(givenSecret.stdout).toContain("~ 1 updated");
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
    },

    async afterDestroy() {
      // On both emulators, the imported objects included.
      expect((await second.api("GET", KIND_FIXTURES.ConfigMapAsset.itemPath(lifecycle.ids["y-elsewhere"]))).status).toBe(404);
      expect(await status(KIND_FIXTURES.ConfigMapAsset, importedConfigId)).toBe(404);
    },
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
    // The CLI's and the YAML host's own start-up take seconds more on a loaded machine: measured on a
    // preview that fails on a setting without any request, just before.
    // Each preview sets the URL itself (`--config`): no `config set` process first.
    const baselineStarted = Date.now();
    await stack.preview({ extra: ["--config", "runai:url=not a url"] }, { allowFailure: true });
    const baseline = Date.now() - baselineStarted;
    await emulator.resetCounters();
    const started = Date.now();
    const preview = await stack.preview({ extra: ["--config", `runai:url=${url}`] }, { allowFailure: true });
    // What the unreachable URL adds is seconds at most, not the retry budget (60 s by default).
    expect(Date.now() - started - baseline).toBeLessThan(10_000);
    expect(preview.code).not.toBe(0);
    const message =
      `cannot reach Run:ai at ${url} (runai:url, or the RUNAI_URL environment variable): the connection was refused ` +
      "(POST /api/v1/token: ECONNREFUSED). Check the URL's host and port, and that the control plane is running";
    expect(diagnosed(`${preview.stdout}\n${preview.stderr}`, message)).toBe(1);
    expect(await emulator.writeCount()).toBe(0);
  });

  it("a call that waits to retry says so once, in the CLI's output", async () => {
    await emulator.setFaults([{ method: "POST", route: "/api/v1/token", errorRate: 1, errorStatus: 503, retryAfterSeconds: 1, times: 2 }]);
    const preview = await stack.preview({ extra: ["--config", `runai:url=${emulator.url}`] });
    const notice =
      "pulumi-runai: POST /api/v1/token → 503: injected fault: service unavailable; retrying (attempt 2 in 1 s; giving up after 60 s)";
    expect(diagnosed(preview.stdout, notice)).toBe(1);
    expect(preview.stdout).toContain("+ 2 to create"); // the asset and the stack
  });
});
