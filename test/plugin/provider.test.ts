// The runai plugin's provider (src/plugin/provider.ts) called as the engine calls it, against the
// emulator: secrets arrive wrapped and leave wrapped (the paths that came in secret and the kind's
// secret fields), a read with only an id imports the object (inputs without any secret), an unknown
// id fails with the type and the id, a gone object reads as gone, names default to the resource's
// name, and the settings come from the Configure call's args.
import { clearTokenCache } from "../../src/client";
import { PluginConfig } from "../../src/plugin/configuration";
import { RunaiPluginProvider } from "../../src/plugin/provider";
import { isSecretWrapper, unwrapSecrets, wrapSecret } from "../../src/plugin/secrets";
import { caught } from "../support/async";
import { APPS, CONFIG_MAPS, EmulatorHarness } from "../support/emulator";

const PASSWORDS = "/api/v1/asset/credentials/password";
const urn = (type: string, name: string) => `urn:pulumi:test::project::runai:index:${type}::${name}`;
type Json = Record<string, any>;

let emulator: EmulatorHarness;
let provider: RunaiPluginProvider;

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  // As the engine configures an explicit provider: args, the secret wrapped.
  const config = PluginConfig.fromConfigure(
    { url: emulator.url, clientId: emulator.emulator.adminClientId, clientSecret: wrapSecret(emulator.emulator.adminClientSecret) },
    new Map(),
  );
  provider = new RunaiPluginProvider(
    "9.9.9",
    () => config,
    async () => "{}",
  );
});
afterAll(async () => {
  clearTokenCache();
  await emulator?.stop();
});

const password = (name: string) => ({
  meta: { name, scope: "project", projectId: 1001 },
  spec: { user: "bob", password: wrapSecret("pw-1") },
});

it("checks with the resource's name as the default name and keeps secret inputs wrapped", async () => {
  const { inputs, failures } = await provider.check!(
    urn("PasswordCredential", "named-by-urn"),
    {},
    {
      meta: { scope: "project", projectId: 1001 },
      spec: { user: "bob", password: wrapSecret("pw-1") },
    },
  );
  expect(failures).toEqual([]);
  expect(inputs.meta.name).toBe("named-by-urn");
  expect(inputs.spec.password).toEqual(wrapSecret("pw-1"));
});

it("reports check failures with the field and the rule", async () => {
  const { failures } = await provider.check!(
    urn("ConfigMapAsset", "bad"),
    {},
    { meta: { scope: "project", projectId: 1001 }, spec: { configMap: "c", mountPath: "relative" } },
  );
  // The path leads the reason (the engine prints it as "<resource> has a problem: <reason>").
  expect(failures).toEqual([{ property: "", reason: 'spec.mountPath: must be an absolute path (start with "/"), got "relative"' }]);
});

it("creates, refreshes and imports a credential: its value wrapped in outputs, absent from imported inputs", async () => {
  const { id, outs } = await provider.create!(urn("PasswordCredential", "pw"), password("plugin-pw"));
  expect(outs.spec.password).toEqual(wrapSecret("pw-1"));
  expect(outs.spec.user).toBe("bob");

  const refreshed = await provider.read!(id, urn("PasswordCredential", "pw"), outs);
  expect(refreshed).toEqual({ id, props: expect.objectContaining({ spec: expect.objectContaining({ password: wrapSecret("pw-1") }) }) });
  expect(refreshed.inputs).toBeUndefined(); // drift stays a difference between outputs and the program

  const imported = await provider.read!(id, urn("PasswordCredential", "pw"), {});
  expect(imported.inputs).toEqual({ meta: { name: "plugin-pw", scope: "project", projectId: 1001 }, spec: { user: "bob" } });
  expect(JSON.stringify(imported)).not.toContain("pw-1");
  await provider.delete!(id, urn("PasswordCredential", "pw"), outs);
  expect((await emulator.api("GET", `${PASSWORDS}/${id}`)).status).toBe(404);
});

it("wraps the application's secret, which no input held, and imports an application without it", async () => {
  const { id, outs } = await provider.create!(urn("Application", "app"), { name: "plugin-app" });
  expect(isSecretWrapper(outs.secret)).toBe(true);
  const secret = unwrapSecrets(outs.secret).value as string;
  expect(await emulator.tryToken("plugin-app", secret)).toEqual(expect.any(String));

  const imported = await provider.read!(id, urn("Application", "app"), {});
  expect(imported.inputs).toEqual({ name: "plugin-app", enabled: true });
  expect(imported.props).not.toHaveProperty("secret");
  await provider.delete!(id, urn("Application", "app"), outs);
  expect((await emulator.api("GET", `${APPS}/${id}`)).status).toBe(404);
});

it("imports an asset by id alone, with only the fields a program writes", async () => {
  const { body } = await emulator.api("POST", CONFIG_MAPS, {
    meta: { name: "made-by-hand", scope: "project", projectId: 1001, description: "by hand" },
    spec: { configMap: "by-hand", mountPath: "/etc/by-hand" },
  });
  const imported = await provider.read!(body.meta.id, urn("ConfigMapAsset", "imp"), {});
  expect(imported.id).toBe(body.meta.id);
  expect(imported.inputs).toEqual({
    meta: { name: "made-by-hand", description: "by hand", scope: "project", projectId: 1001 },
    spec: { configMap: "by-hand", mountPath: "/etc/by-hand" },
  });
  expect((imported.props as Json).meta).toMatchObject({ id: body.meta.id, createdBy: expect.any(String) });
});

it("fails the import of an unknown id with the type and the id, and reads a deleted object as gone", async () => {
  const missing = "00000000-0000-4000-8000-000000000000";
  const error = await caught(provider.read!(missing, urn("ConfigMapAsset", "nope"), {}));
  expect(error.message).toBe(`cannot import runai:index:ConfigMapAsset "${missing}": Run:ai has no ConfigMap asset with this id`);
  expect(await provider.read!(missing, urn("ConfigMapAsset", "nope"), { meta: { name: "nope" } })).toEqual({ id: "", props: {} });
});

it("refuses a type it does not serve, naming the ones it does", async () => {
  const error = await caught(provider.create!("urn:pulumi:test::project::runai:index:Workload::w", {}));
  expect(error.message).toMatch(
    /^unknown resource type runai:index:Workload: this runai plugin \(v9\.9\.9\) serves runai:index:ConfigMapAsset, /,
  );
});
