// The tenant's settings: tenant settings (/v1/k8s/setting: a list, a PUT of one key and value, a
// boolean read by key), security settings (/api/v1/security/settings: all, or one by key, whose PUT
// replaces that key's object); the identity providers are in identity-providers.ts. Only the admin
// client may change a setting (UNCONFIRMED: the contract names no permission for them).
import type { EmulatorContext } from "../context";
import { badRequest, forbidden, notFound } from "../http/errors";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import type { TenantSettingRecord } from "../state/settings-table";

type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

const TENANT_SETTINGS = "/v1/k8s/setting";
const SECURITY_SETTINGS = "/api/v1/security/settings";

export const SETTINGS_FAMILY = defineFamily({
  name: "settings",
  rows: [
    { method: "GET", template: TENANT_SETTINGS, operationId: "getTenantSettings", handler: "listTenantSettings" },
    { method: "PUT", template: TENANT_SETTINGS, operationId: "updateTenantSetting", handler: "setTenantSetting" },
    { method: "GET", template: `${TENANT_SETTINGS}/{settingKey}`, operationId: "getTenantSettingsByKey", handler: "getTenantSetting" },
    { method: "GET", template: SECURITY_SETTINGS, operationId: "get_security_settings", handler: "listSecuritySettings" },
    { method: "GET", template: `${SECURITY_SETTINGS}/{key}`, operationId: "get_security_setting_by_key", handler: "getSecuritySetting" },
    { method: "PUT", template: `${SECURITY_SETTINGS}/{key}`, operationId: "update_security_setting_by_key", handler: "setSecuritySetting" },
  ],
  handlers: settingsHandlers,
});

export interface SettingsHandlers {
  listTenantSettings: Handler;
  setTenantSetting: Handler;
  getTenantSetting: Handler;
  listSecuritySettings: Handler;
  getSecuritySetting: Handler;
  setSecuritySetting: Handler;
}

/** Each security setting's fields and their JSON types (the contract's `…Setting` schemas). */
const SECURITY_FIELDS: Record<string, Record<string, "boolean" | "number" | "string">> = {
  autoRedirectSSO: { enabled: "boolean", idpAlias: "string" },
  excludeGroupsFromToken: { enabled: "boolean" },
  browserSessionTimeout: { idleTimeout: "number" },
  logoutRedirectUri: { uri: "string" },
};

/** The value as the list stores it (a string), or the reason it does not fit the setting's type. */
function storedValue(setting: TenantSettingRecord, value: unknown): string | { refused: string } {
  const refused = { refused: `value: must be a ${setting.type.toLowerCase()} for the setting "${setting.key}" (type ${setting.type})` };
  switch (setting.type) {
    case "Boolean":
      // UNCONFIRMED: "true"/"false" strings are taken too, as the list itself holds them.
      if (typeof value === "boolean") return String(value);
      return value === "true" || value === "false" ? value : refused;
    case "Number":
      return typeof value === "number" && Number.isFinite(value) ? String(value) : refused;
    case "String":
      return typeof value === "string" ? value : refused;
  }
}

export function settingsHandlers(ctx: EmulatorContext): SettingsHandlers {
  const settings = ctx.store.settings;
  const adminOnly = (req: ApiRequest): void => {
    if (!ctx.access.isAdmin(req.callerId)) throw forbidden("only a tenant administrator may change the tenant's settings");
  };
  const tenantSetting = (key: string): TenantSettingRecord => {
    const setting = settings.tenantSetting(key);
    if (!setting) throw notFound(`setting "${key}" not found`);
    return setting;
  };
  return {
    listTenantSettings() {
      return { status: 200, body: settings.tenant.map((setting) => ({ ...setting, source: "Tenant", active: true })) };
    },
    async setTenantSetting(req) {
      adminOnly(req);
      const { key, value } = (req.body ?? {}) as { key?: unknown; value?: unknown };
      if (typeof key !== "string" || key === "") throw badRequest("key: is required");
      if (value === undefined) throw badRequest("value: is required");
      const setting = tenantSetting(key);
      const stored = storedValue(setting, value);
      if (typeof stored !== "string") throw badRequest(stored.refused);
      setting.value = stored;
      await ctx.commit();
      return { status: 200, body: { msg: "done" } };
    },
    getTenantSetting(req) {
      // The contract answers a boolean "that indicates if the requested setting is enabled":
      // UNCONFIRMED for a setting of another type (true when its value is neither empty nor 0).
      const setting = tenantSetting(req.params.settingKey);
      const enabled = setting.type === "Boolean" ? setting.value === "true" : setting.value !== "" && setting.value !== "0";
      return { status: 200, body: enabled };
    },
    listSecuritySettings() {
      // `SettingsGetResponse` spells one key `excludeGroupsFromTokens`, the key enum `excludeGroupsFromToken`.
      const { excludeGroupsFromToken, ...rest } = settings.security;
      return { status: 200, body: { ...rest, excludeGroupsFromTokens: excludeGroupsFromToken } };
    },
    getSecuritySetting(req) {
      return { status: 200, body: settings.security[req.params.key] };
    },
    async setSecuritySetting(req) {
      adminOnly(req);
      const key = req.params.key;
      const fields = SECURITY_FIELDS[key];
      const body = req.body;
      if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("request body: must be object");
      const problems: string[] = [];
      for (const [field, value] of Object.entries(body)) {
        const type = fields[field];
        if (!type) problems.push(`${field}: is not a field of the setting "${key}"`);
        else if (value !== null && typeof value !== type) problems.push(`${field}: must be ${type}`);
      }
      const idleTimeout = (body as { idleTimeout?: unknown }).idleTimeout;
      if (key === "browserSessionTimeout" && typeof idleTimeout === "number" && idleTimeout < 1) problems.push("idleTimeout: must be >= 1");
      if (problems.length > 0) throw badRequest(problems.join("; "));
      // UNCONFIRMED: the PUT replaces the key's whole object (a field left out becomes null).
      settings.security[key] = Object.fromEntries(
        Object.keys(fields).map((field) => [field, (body as Record<string, unknown>)[field] ?? null]),
      );
      await ctx.commit();
      return { status: 200 };
    },
  };
}
