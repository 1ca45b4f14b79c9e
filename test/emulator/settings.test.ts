// The emulator's tenant settings, security settings and identity providers: the defaults, GET and
// PUT as the contract declares them (every answer checked against it), the refusals, the admin route
// that stages an identity provider, reset, and the state file.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";

type Json = Record<string, any>;
const TENANT = "/v1/k8s/setting";
const SECURITY = "/api/v1/security/settings";

let t: EmulatorHarness;
beforeAll(async () => {
  t = await EmulatorHarness.start({ checkContract: true });
});
afterAll(async () => {
  await t?.stop();
});
beforeEach(async () => {
  await t.reset();
});

const listed = async () => Object.fromEntries(((await t.api("GET", TENANT)).body as Json[]).map((s) => [s.key, [s.type, s.value]]));

describe("tenant settings", () => {
  it("lists the defaults with their type, the values as strings", async () => {
    expect(await listed()).toEqual({
      "department.use": ["Boolean", "true"],
      "overQuota.use": ["Boolean", "true"],
      "workloadTemplates.use": ["Boolean", "false"],
      "gpuIdleTimeout.minutes": ["Number", "0"],
      "login.banner": ["String", ""],
    });
    const { body } = await t.api("GET", TENANT);
    expect(body[0]).toEqual({
      key: "department.use",
      value: "true",
      type: "Boolean",
      label: "Show departments",
      category: "Department",
      description: "Enable the department feature",
      stage: "GA",
      source: "Tenant",
      active: true,
    });
  });

  it("sets one key with PUT {key, value}, answers by key with a boolean, and refuses unknown keys and values of another type", async () => {
    expect(await t.api("PUT", TENANT, { key: "workloadTemplates.use", value: true })).toMatchObject({ status: 200, body: { msg: "done" } });
    expect(await t.api("PUT", TENANT, { key: "gpuIdleTimeout.minutes", value: 45 })).toMatchObject({ status: 200 });
    expect(await t.api("PUT", TENANT, { key: "login.banner", value: "Be nice" })).toMatchObject({ status: 200 });
    expect(await listed()).toMatchObject({
      "workloadTemplates.use": ["Boolean", "true"],
      "gpuIdleTimeout.minutes": ["Number", "45"],
      "login.banner": ["String", "Be nice"],
    });
    expect(await t.api("GET", `${TENANT}/workloadTemplates.use`)).toMatchObject({ status: 200, body: true });
    expect(await t.api("GET", `${TENANT}/overQuota.use`)).toMatchObject({ status: 200, body: true });

    expect(await t.api("PUT", TENANT, { key: "nope", value: true })).toMatchObject({
      status: 404,
      body: { message: 'setting "nope" not found' },
    });
    expect(await t.api("PUT", TENANT, { key: "department.use", value: 1 })).toMatchObject({
      status: 400,
      body: { message: 'value: must be a boolean for the setting "department.use" (type Boolean)' },
    });
    expect(await t.api("PUT", TENANT, { value: true })).toMatchObject({ status: 400, body: { message: "key: is required" } });
  });

  it("lets only the admin change a setting", async () => {
    const app = await t.createApp("settings-bot");
    const refused = await t.call("PUT", TENANT, { body: { key: "department.use", value: false }, token: app.token });
    expect(refused).toMatchObject({ status: 403, body: { message: "only a tenant administrator may change the tenant's settings" } });
    expect(await listed()).toMatchObject({ "department.use": ["Boolean", "true"] });
  });
});

describe("security settings", () => {
  it("has the defaults, listed under the response schema's names and read by key", async () => {
    expect((await t.api("GET", SECURITY)).body).toEqual({
      autoRedirectSSO: { enabled: false, idpAlias: null },
      excludeGroupsFromTokens: { enabled: false },
      browserSessionTimeout: { idleTimeout: 60 },
      logoutRedirectUri: { uri: null },
    });
    expect(await t.api("GET", `${SECURITY}/excludeGroupsFromToken`)).toMatchObject({ status: 200, body: { enabled: false } });
  });

  it("replaces a key's object with PUT, and refuses fields of another key, wrong types and keys outside the enum", async () => {
    expect((await t.api("PUT", `${SECURITY}/logoutRedirectUri`, { uri: "https://example.com/bye" })).status).toBe(200);
    expect((await t.api("GET", `${SECURITY}/logoutRedirectUri`)).body).toEqual({ uri: "https://example.com/bye" });
    expect((await t.api("PUT", `${SECURITY}/autoRedirectSSO`, { enabled: true, idpAlias: "oidc" })).status).toBe(200);
    expect((await t.api("PUT", `${SECURITY}/autoRedirectSSO`, { enabled: false })).status).toBe(200);
    expect((await t.api("GET", `${SECURITY}/autoRedirectSSO`)).body).toEqual({ enabled: false, idpAlias: null });

    expect(await t.api("PUT", `${SECURITY}/browserSessionTimeout`, { idleTimeout: 0, enabled: true })).toMatchObject({
      status: 400,
      body: { message: 'enabled: is not a field of the setting "browserSessionTimeout"; idleTimeout: must be >= 1' },
    });
    expect(await t.api("PUT", `${SECURITY}/excludeGroupsFromToken`, { enabled: "yes" })).toMatchObject({
      status: 400,
      body: { message: "enabled: must be boolean" },
    });
    expect((await t.api("PUT", `${SECURITY}/sessionLength`, { minutes: 5 })).status).toBe(400);
    expect((await t.api("GET", `${SECURITY}/browserSessionTimeout`)).body).toEqual({ idleTimeout: 60 });
  });
});

describe("identity providers", () => {
  it("has none by default; the admin API stages one, reset removes it", async () => {
    expect(await t.api("GET", "/api/v1/idps")).toMatchObject({ status: 200, body: [] });
    expect((await t.admin("POST", "/__emulator/idps", { alias: "corp-saml", type: "saml" })).status).toBe(200);
    expect((await t.api("GET", "/api/v1/idps")).body).toEqual([
      { alias: "corp-saml", type: "saml", redirectUri: "https://emulator.run.ai/auth/realms/runai/broker/corp-saml/endpoint" },
    ]);
    expect(await t.admin("POST", "/__emulator/idps", { alias: "corp-saml" })).toMatchObject({
      status: 400,
      body: { message: 'alias: an identity provider "corp-saml" exists already' },
    });
    expect(await t.admin("POST", "/__emulator/idps", { alias: "Corp" })).toMatchObject({
      status: 400,
      body: { message: "alias: is required: lowercase letters, digits, '_' or '-'" },
    });
    await t.reset();
    expect((await t.api("GET", "/api/v1/idps")).body).toEqual([]);
  });
});

describe("state file", () => {
  it("keeps the settings and identity providers across a restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-settings-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await EmulatorHarness.start({ stateFile });
      await first.api("PUT", TENANT, { key: "login.banner", value: "kept" });
      await first.api("PUT", `${SECURITY}/browserSessionTimeout`, { idleTimeout: 5 });
      await first.admin("POST", "/__emulator/idps", { alias: "kept" });
      await first.stop();
      const second = await EmulatorHarness.start({ stateFile });
      try {
        expect(((await second.api("GET", TENANT)).body as Json[]).find((s) => s.key === "login.banner")?.value).toBe("kept");
        expect((await second.api("GET", `${SECURITY}/browserSessionTimeout`)).body).toEqual({ idleTimeout: 5 });
        expect((await second.api("GET", "/api/v1/idps")).body).toMatchObject([{ alias: "kept" }]);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
