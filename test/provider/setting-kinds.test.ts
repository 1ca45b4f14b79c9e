// TenantSetting and SecuritySetting: singletons that exist before any stack. Their check messages
// (an unknown key with the keys the tenant has, a value of the wrong type naming the key and the
// type, autoRedirectSSO without an identity provider), their diff, and their provider against the
// emulator: create records the replaced value, update is in place, read shows a hand change, delete
// puts the replaced value back unless restoreOnDelete is false.
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";
import { dynamicClassInputs } from "../../src/resources/common";
import { EmulatorHarness } from "../support/emulator";

type Json = Record<string, unknown>;
const tenant = providerFor("TenantSetting") as Required<ReturnType<typeof providerFor>>;
const security = providerFor("SecuritySetting") as Required<ReturnType<typeof providerFor>>;
const TENANT_KEYS = '"department.use", "overQuota.use", "workloadTemplates.use", "gpuIdleTimeout.minutes", "login.banner"';
const NO_IDP =
  "value.enabled: cannot turn autoRedirectSSO on: the tenant has no identity provider, so every login would be redirected to a single sign-on that does not exist (add an identity provider first)";

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start({ checkContract: true });
  const config = emulator.adminSettings();
  for (const p of [tenant, security]) await p.configure({ config: { get: (key: string) => config[key] } } as never);
});
afterAll(async () => {
  clearTokenCache();
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.reset();
});

const reasons = async (provider: typeof tenant, news: Json) => ((await provider.check({}, news)).failures ?? []).map((f) => f.reason);
const tenantValue = async (key: string) =>
  ((await emulator.api("GET", "/v1/k8s/setting")).body as Json[]).find((setting) => setting.key === key)?.value;
const securityValue = async (key: string) => (await emulator.api("GET", `/api/v1/security/settings/${key}`)).body;

describe("TenantSetting check", () => {
  it("refuses a key the tenant does not have, naming the keys it has, and writes nothing", async () => {
    await emulator.resetCounters();
    expect(await reasons(tenant, { key: "departments.use", value: true })).toEqual([
      `key: "departments.use" is not a setting of this tenant (its keys: ${TENANT_KEYS})`,
    ]);
    expect(await emulator.writeCount()).toBe(0);
  });

  it("refuses a value of another type than the key's, naming the key and its type", async () => {
    expect(await reasons(tenant, { key: "department.use", value: "yes" })).toEqual([
      'value: must be a boolean for the key "department.use" (its type is Boolean), got "yes"',
    ]);
    expect(await reasons(tenant, { key: "gpuIdleTimeout.minutes", value: true })).toEqual([
      'value: must be a number for the key "gpuIdleTimeout.minutes" (its type is Number), got true',
    ]);
    expect(await reasons(tenant, { key: "gpuIdleTimeout.minutes", value: 30 })).toEqual([]);
  });

  it("asks nothing about a key still unknown at preview, and refuses a value that is no boolean, number or string", async () => {
    expect(await reasons(tenant, { key: UNKNOWN, value: true })).toEqual([]);
    expect(checkInputs(kindFor("TenantSetting"), { key: "login.banner", value: ["a"] }).failures.map((f) => f.reason)).toEqual([
      expect.stringMatching(/^value: /),
    ]);
  });

  it("refuses two resources for one key at preview, naming the first", async () => {
    const declared = (name: string, args: Json) => JSON.parse(JSON.stringify(dynamicClassInputs("TenantSetting", name, args))) as Json;
    expect((await tenant.check({}, declared("banner-a", { key: "login.banner", value: "a" }))).failures).toEqual([]);
    expect((await tenant.check({}, declared("banner-b", { key: "login.banner", value: "b" }))).failures).toEqual([
      {
        property: "",
        reason: 'key: "login.banner" is also declared by resource "banner-a" (a tenant setting has one value: one resource per key)',
      },
    ]);
  });

  it("updates the value and restoreOnDelete in place, and replaces for another key", () => {
    const kind = kindFor("TenantSetting");
    const state = { key: "login.banner", value: "hello", previousValue: "", type: "String" };
    expect(diffInputs(kind, state, { key: "login.banner", value: "hello" }).changes).toBe(false);
    expect(diffInputs(kind, state, { key: "login.banner", value: "hello", restoreOnDelete: true }).changes).toBe(false);
    expect(diffInputs(kind, state, { key: "login.banner", value: "bye" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffInputs(kind, state, { key: "login.banner", value: "hello", restoreOnDelete: false }).replaces).toEqual([]);
    expect(diffInputs(kind, state, { key: "department.use", value: "hello" })).toEqual({
      changes: true,
      replaces: ["key"],
      deleteBeforeReplace: false,
    });
  });
});

describe("TenantSetting against the emulator", () => {
  it("records the value it replaced, updates in place, shows a hand change on read, and puts the value back on delete", async () => {
    const { id, outs } = await tenant.create({ key: "workloadTemplates.use", value: true });
    expect(id).toBe("workloadTemplates.use");
    expect(outs).toMatchObject({ key: "workloadTemplates.use", value: true, previousValue: false, type: "Boolean", stage: "Beta" });
    expect(await tenantValue("workloadTemplates.use")).toBe("true");

    const { outs: updated } = await tenant.update(id, outs, { key: "workloadTemplates.use", value: false });
    expect(updated).toMatchObject({ value: false, previousValue: false });

    await emulator.api("PUT", "/v1/k8s/setting", { key: "workloadTemplates.use", value: true });
    const { props } = await tenant.read(id, updated);
    expect(props).toMatchObject({ value: true, previousValue: false });

    await tenant.delete(id, props as Json);
    expect(await tenantValue("workloadTemplates.use")).toBe("false");
  });

  it("reads numbers and strings in their type, and leaves the current value on delete with restoreOnDelete: false", async () => {
    const { outs } = await tenant.create({ key: "gpuIdleTimeout.minutes", value: 30, restoreOnDelete: false });
    expect(outs).toMatchObject({ value: 30, previousValue: 0, restoreOnDelete: false });
    await tenant.delete("gpuIdleTimeout.minutes", outs);
    expect(await tenantValue("gpuIdleTimeout.minutes")).toBe("30");
  });

  it("imports by the key: the current value, no previous value, so delete leaves the value as it is", async () => {
    await emulator.api("PUT", "/v1/k8s/setting", { key: "login.banner", value: "imported" });
    const { id, props } = await tenant.read("login.banner", {});
    expect({ id, props }).toMatchObject({ id: "login.banner", props: { key: "login.banner", value: "imported" } });
    expect(props).not.toHaveProperty("previousValue");
    await tenant.delete("login.banner", props as Json);
    expect(await tenantValue("login.banner")).toBe("imported");
  });
});

describe("SecuritySetting check", () => {
  const kind = kindFor("SecuritySetting");
  const staticReasons = (inputs: Json) => checkInputs(kind, inputs).failures.map((f) => f.reason);

  it("refuses an unknown key naming the keys, and fields of the wrong type or not of the key, naming the key", () => {
    expect(staticReasons({ key: "autoRedirectSso", value: { enabled: false } })).toEqual([
      'key: "autoRedirectSso" is not a security setting (the keys: "autoRedirectSSO", "excludeGroupsFromToken", "browserSessionTimeout", "logoutRedirectUri")',
    ]);
    expect(staticReasons({ key: "browserSessionTimeout", value: { idleTimeout: "60", enabled: true } })).toEqual([
      'value.enabled: is not a field of the key "browserSessionTimeout" (its fields: idleTimeout)',
      'value.idleTimeout: must be a number for the key "browserSessionTimeout", got "60"',
    ]);
    expect(staticReasons({ key: "browserSessionTimeout", value: { idleTimeout: 0 } })).toEqual([
      'value.idleTimeout: must be at least 1 (minutes) for the key "browserSessionTimeout", got 0',
    ]);
    expect(staticReasons({ key: "autoRedirectSSO", value: { enabled: "yes", idpAlias: "My IdP" } })).toEqual([
      'value.enabled: must be a boolean for the key "autoRedirectSSO", got "yes"',
      `value.idpAlias: must be lowercase letters, digits, '_' or '-' for the key "autoRedirectSSO", got "My IdP"`,
    ]);
    expect(staticReasons({ key: "logoutRedirectUri", value: { uri: "not a url" } })).toEqual([
      'value.uri: must be an http(s) URL or empty for the key "logoutRedirectUri", got "not a url"',
    ]);
    expect(staticReasons({ key: "logoutRedirectUri", value: { uri: "https://example.com/bye" } })).toEqual([]);
  });

  it("refuses turning autoRedirectSSO on while the tenant has no identity provider, and writes nothing", async () => {
    await emulator.resetCounters();
    expect(await reasons(security, { key: "autoRedirectSSO", value: { enabled: true } })).toEqual([NO_IDP]);
    expect(await emulator.writeCount()).toBe(0);
    expect(await reasons(security, { key: "autoRedirectSSO", value: { enabled: false } })).toEqual([]);
  });

  it("accepts it once the tenant has one, and names the tenant's identity providers for an alias it lacks", async () => {
    expect((await emulator.admin("POST", "/__emulator/idps", { alias: "corp-oidc" })).status).toBe(200);
    expect(await reasons(security, { key: "autoRedirectSSO", value: { enabled: true, idpAlias: "corp-oidc" } })).toEqual([]);
    expect(await reasons(security, { key: "autoRedirectSSO", value: { enabled: true, idpAlias: "okta" } })).toEqual([
      'value.idpAlias: "okta" is not an identity provider of the tenant (its identity providers: "corp-oidc")',
    ]);
  });
});

describe("SecuritySetting against the emulator", () => {
  it("records the value it replaced, updates in place, shows a hand change on read, and puts the value back on delete", async () => {
    const { id, outs } = await security.create({ key: "browserSessionTimeout", value: { idleTimeout: 15 } });
    expect({ id, outs }).toEqual({
      id: "browserSessionTimeout",
      outs: { key: "browserSessionTimeout", value: { idleTimeout: 15 }, previousValue: { idleTimeout: 60 } },
    });
    const { outs: updated } = await security.update(id, outs, { key: "browserSessionTimeout", value: { idleTimeout: 30 } });
    expect(updated).toEqual({ key: "browserSessionTimeout", value: { idleTimeout: 30 }, previousValue: { idleTimeout: 60 } });
    await emulator.api("PUT", "/api/v1/security/settings/browserSessionTimeout", { idleTimeout: 240 });
    const { props } = await security.read(id, updated);
    expect(props).toMatchObject({ value: { idleTimeout: 240 } });
    expect(
      diffInputs(kindFor("SecuritySetting"), props as Json, { key: "browserSessionTimeout", value: { idleTimeout: 30 } }).changes,
    ).toBe(true);
    await security.delete(id, props as Json);
    expect(await securityValue("browserSessionTimeout")).toEqual({ idleTimeout: 60 });
  });

  it("sets autoRedirectSSO with the tenant's identity provider, and puts it back off on delete", async () => {
    await emulator.admin("POST", "/__emulator/idps", { alias: "corp-oidc" });
    const { outs } = await security.create({ key: "autoRedirectSSO", value: { enabled: true, idpAlias: "corp-oidc" } });
    expect(outs).toEqual({
      key: "autoRedirectSSO",
      value: { enabled: true, idpAlias: "corp-oidc" },
      previousValue: { enabled: false },
    });
    await security.delete("autoRedirectSSO", outs);
    expect(await securityValue("autoRedirectSSO")).toEqual({ enabled: false, idpAlias: null });
  });
});
