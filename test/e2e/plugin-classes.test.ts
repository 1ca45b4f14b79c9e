// The plugin-backed TypeScript classes (`pulumi-runai/plugin`) through the real CLI and the
// `runai` plugin named in Pulumi.yaml:
//  - a stack of every kind made with the dynamic classes moves to them by changing the import:
//    no replace, no create, no delete, no API write, the same ids; a refresh then drops the
//    dynamic provider's code from state;
//  - typed arguments with Outputs between resources, secrets, and an explicit `runai.Provider`
//    pointing at a second Run:ai.
import * as fs from "node:fs";
import * as path from "node:path";
import { objectStatus, prepareFixtures } from "../fixtures/kinds";
import { CONFIG_MAPS, EmulatorHarness } from "../support/emulator";
import { fixtureSecrets, lifecycleKinds } from "../support/lifecycle";
import { TestStack } from "../support/pulumi-stack";

const programs = path.join(__dirname, "programs");
const kinds = lifecycleKinds("mv-");
const N = kinds.length;
/** What a user adds to Pulumi.yaml for the plugin-backed classes: the runai plugin, from the package. */
const PLUGIN_SECTION = "plugins:\n  providers:\n    - name: runai\n      path: node_modules/pulumi-runai/bin\n";

describe(`moving a stack of every kind (${N}) from the dynamic classes to pulumi-runai/plugin`, () => {
  let emulator: EmulatorHarness;
  let stack: TestStack;
  let created: Record<string, string>;

  const ids = async () => (await stack.outputs()).ids as Record<string, string>;

  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    await prepareFixtures(emulator);
    // The generic program of the lifecycle suite: the dynamic classes, one resource per declared entry.
    stack = await TestStack.create({ program: path.join(programs, "lifecycle"), config: emulator.stackConfig() });
    const resources = Object.fromEntries(kinds.map(({ type, name, fixture }) => [name, { type, args: fixture.args(name) }]));
    await stack.setConfig("lifecycle:resources", JSON.stringify(resources));
  });
  afterAll(async () => {
    await stack?.cleanup();
    await emulator?.stop();
  });

  it("creates every kind as a dynamic resource", async () => {
    expect((await stack.up()).stdout).toContain(`+ ${N + 1} created`);
    created = await ids();
    const types = (await stack.exportState()).deployment.resources!.map((r) => r.type);
    for (const { type } of kinds) expect(types).toContain(`pulumi-nodejs:dynamic/runai:${type}`);
  });

  it("after the import changes to pulumi-runai/plugin, preview plans nothing but 'same' (the classes alias the dynamic types)", async () => {
    // Only the program's files change, as a user changes them: index.ts imports "pulumi-runai/plugin"
    // and Pulumi.yaml names the plugin; the stack's configuration stays.
    const index = path.join(stack.workDir, "index.ts");
    const dynamic = fs.readFileSync(index, "utf8");
    fs.writeFileSync(index, dynamic.replace('import * as runai from "pulumi-runai";', 'import * as runai from "pulumi-runai/plugin";'));
    expect(fs.readFileSync(index, "utf8")).not.toBe(dynamic);
    fs.appendFileSync(path.join(stack.workDir, "Pulumi.yaml"), PLUGIN_SECTION);
    await emulator.resetCounters();
    const preview = await stack.previewJson();
    expect(preview.changeSummary).toEqual({ same: N + 1 });
    await stack.preview({ expectNoChanges: true });
  });

  it("up moves every resource to runai:index:<Type> with its id, without writing to Run:ai", async () => {
    expect((await stack.up()).stdout).toContain(`${N + 1} unchanged`);
    expect(await ids()).toEqual(created);
    expect(await emulator.writeCount()).toBe(0);

    const resources = (await stack.exportState()).deployment.resources!;
    const byName = Object.fromEntries(resources.map((r) => [r.urn.split("::").pop(), r]));
    for (const { type, name, fixture } of kinds) {
      const resource = byName[name];
      expect({ name, type: resource.type, id: resource.id, inputs: Object.keys(resource.inputs ?? {}).includes("__provider") }).toEqual({
        name,
        type: `runai:index:${type}`,
        id: created[name],
        inputs: false,
      });
      expect({ name, status: await objectStatus(emulator, fixture, created[name]) }).toEqual({ name, status: 200 });
    }
    // The dynamic provider is gone from the stack: nothing refers to it any more.
    expect(resources.map((r) => r.type)).not.toContain("pulumi:providers:pulumi-nodejs");
  });

  it("a refresh drops the dynamic provider's code the outputs still held, keeps secrets ciphertext, and then nothing changes", async () => {
    const before = await stack.exportState();
    expect(JSON.stringify(before.deployment.resources)).toContain("__provider");

    await stack.refresh();
    const after = await stack.exportState();
    const text = JSON.stringify(after.deployment.resources);
    expect(text).not.toContain("__provider");
    for (const secret of fixtureSecrets(kinds)) {
      expect({ secret, inState: text.includes(secret) }).toEqual({ secret, inState: false });
    }
    const app = after.deployment.resources!.find((r) => r.type === "runai:index:Application")!;
    expect(app.outputs?.secret).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));

    await stack.preview({ expectNoChanges: true });
    expect(await ids()).toEqual(created);
  });

  it("destroy through the plugin deletes every object and puts every setting back", async () => {
    expect((await stack.destroy()).stdout).toContain(`- ${N + 1} deleted`);
    for (const { name, fixture } of kinds) {
      // A setting is never deleted: it holds the value it had before the stack again.
      if (fixture.singleton) {
        const value = await fixture.singleton.valueOf(emulator, created[name]);
        expect({ name, value }).toEqual({ name, value: fixture.singleton.original(created[name]) });
        continue;
      }
      expect({ name, status: await objectStatus(emulator, fixture, created[name]) }).toEqual({ name, status: 404 });
    }
  });
});

describe("the plugin-backed classes in a typed program, with an explicit runai.Provider", () => {
  const REGISTRY_PASSWORD = "typed-registry-PASSWORD-51c2";
  let emulator: EmulatorHarness;
  let second: EmulatorHarness;
  let stack: TestStack;

  beforeAll(async () => {
    [emulator, second] = await Promise.all([EmulatorHarness.start(), EmulatorHarness.start()]);
    const secondConfig = second.stackConfig();
    stack = await TestStack.create({
      program: path.join(programs, "plugin-typed"),
      config: {
        ...emulator.stackConfig(),
        "typed:secondUrl": secondConfig["runai:url"],
        "typed:secondClientId": secondConfig["runai:clientId"],
        "typed:secondClientSecret": secondConfig["runai:clientSecret"],
        // Plain text on purpose: the class makes the password a secret whatever the program passes.
        "typed:registryPassword": REGISTRY_PASSWORD,
      },
      // Type-checked as a user's program is: pulumi-runai/plugin's declarations resolve and accept
      // an Output where a number is expected.
      env: { PULUMI_NODEJS_TRANSPILE_ONLY: "false" },
    });
  });
  afterAll(async () => {
    await stack?.cleanup();
    await Promise.all([emulator?.stop(), second?.stop()]);
  });

  it("creates them with the outputs of the dynamic classes, secrets kept secret, the explicit provider's asset on the second Run:ai", async () => {
    await stack.up();
    const outputs = await stack.outputs();
    expect(outputs).toMatchObject({ namespace: "runai-typed-team", settingsMountPath: "/etc/settings", ciCredentials: "[secret]" });
    expect(outputs.registrySecretName).toEqual(expect.any(String));

    const revealed = await stack.outputs({ showSecrets: true });
    expect(revealed.ciCredentials).toEqual({ clientId: expect.any(String), clientSecret: expect.any(String) });

    expect((await emulator.api("GET", `${CONFIG_MAPS}/${outputs.settingsId as string}`)).status).toBe(200);
    expect((await second.api("GET", `${CONFIG_MAPS}/${outputs.remoteId as string}`)).status).toBe(200);
    expect((await emulator.api("GET", `${CONFIG_MAPS}/${outputs.remoteId as string}`)).status).toBe(404);

    const state = await stack.exportState();
    const text = JSON.stringify(state);
    for (const secret of [
      REGISTRY_PASSWORD,
      (revealed.ciCredentials as { clientSecret: string }).clientSecret,
      second.stackConfig()["runai:clientSecret"],
    ]) {
      const value = typeof secret === "string" ? secret : secret.value;
      expect(text.includes(value)).toBe(false);
    }
    const types = state.deployment.resources!.map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "runai:index:Project",
        "runai:index:ConfigMapAsset",
        "runai:index:DockerRegistryCredential",
        "runai:index:Application",
        "pulumi:providers:runai",
      ]),
    );
    expect(types.filter((t) => t.startsWith("pulumi-nodejs:"))).toEqual([]);
    // Each resource is declared where the program says `new runai.…`, not in the package's classes.
    const declaredAt = state.deployment.resources!.filter((r) => r.type.startsWith("runai:index:")).map((r) => r.sourcePosition);
    expect(declaredAt).not.toHaveLength(0);
    for (const position of declaredAt) expect(position).toMatch(/^project:\/\/\/index\.ts#\d+,\d+$/);
  });

  it("plans no change on a second preview", async () => {
    await stack.preview({ expectNoChanges: true });
  });
});
