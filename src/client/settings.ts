// Typed endpoints for the tenant's settings: tenant settings (`/v1/k8s/setting`), security settings
// (`/api/v1/security/settings`); the identity providers are in identity-providers.ts.
import {
  SecuritySettingList,
  SecuritySettingValue,
  TenantSettingList,
  type TenantSetting,
  type TenantSettingValue,
} from "../schemas/settings";
import { RunaiNotFoundError } from "./errors";
import type { HttpTransport } from "./http";

export const TENANT_SETTINGS_PATH = "/v1/k8s/setting";
export const SECURITY_SETTINGS_PATH = "/api/v1/security/settings";

export class TenantSettingsEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /** `GET /v1/k8s/setting`: every tenant setting with its type and value. */
  async list(): Promise<TenantSetting[]> {
    return this.transport.request({ method: "GET", path: TENANT_SETTINGS_PATH, schema: TenantSettingList });
  }

  /**
   * One setting, from the list: `GET /v1/k8s/setting/{settingKey}` answers a bare boolean, which
   * holds neither the type nor a value of another type. A key the tenant lacks throws RunaiNotFoundError.
   */
  async get(key: string): Promise<TenantSetting> {
    const found = (await this.list()).find((setting) => setting.key === key);
    if (found) return found;
    throw new RunaiNotFoundError({
      method: "GET",
      path: TENANT_SETTINGS_PATH,
      status: 404,
      serverMessage: `the tenant has no setting "${key}"`,
    });
  }

  /** `PUT /v1/k8s/setting` `{key, value}` (200 `{msg}`): sets one setting. */
  async set(key: string, value: TenantSettingValue): Promise<void> {
    await this.transport.request({ method: "PUT", path: TENANT_SETTINGS_PATH, body: { key, value } });
  }
}

export class SecuritySettingsEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /** `GET /api/v1/security/settings`: every security setting, by key. */
  async list(): Promise<Record<string, SecuritySettingValue | null | undefined>> {
    return this.transport.request({ method: "GET", path: SECURITY_SETTINGS_PATH, schema: SecuritySettingList });
  }

  /** `GET /api/v1/security/settings/{key}`: one setting's value. */
  async get(key: string): Promise<SecuritySettingValue> {
    return this.transport.request({ method: "GET", path: this.itemPath(key), schema: SecuritySettingValue });
  }

  /** `PUT /api/v1/security/settings/{key}` with the value's object (200, no body). */
  async set(key: string, value: SecuritySettingValue): Promise<void> {
    await this.transport.request({ method: "PUT", path: this.itemPath(key), body: value });
  }

  private itemPath(key: string): string {
    return `${SECURITY_SETTINGS_PATH}/${encodeURIComponent(key)}`;
  }
}
