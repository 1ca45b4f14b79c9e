// The tenant's settings and identity providers: the tenant settings of `/v1/k8s/setting` (the
// contract names one key, `department.use`; the others are the emulator's, UNCONFIRMED), the security
// settings of `/api/v1/security/settings` with the defaults the contract gives or implies, and the
// identity providers (none until the admin API stages one). Each reset brings the defaults back.

/** A tenant setting as the list serves it; `value` is a string, as the contract's `Setting` types it. */
export interface TenantSettingRecord {
  key: string;
  value: string;
  type: "Boolean" | "Number" | "String";
  label: string;
  category: string;
  description: string;
  stage: string;
}

/**
 * An identity provider as stored: `Idp1` with the client secret in clear (the routes mask it) and
 * the SAML metadata as written (no read returns it). A staged one has no data.
 */
export interface IdentityProviderRecord {
  alias: string;
  type: "saml" | "oidc" | "openshift-v4";
  redirectUri: string;
  oidcData?: Record<string, unknown>;
  samlData?: Record<string, unknown>;
  ocpData?: Record<string, unknown>;
  mappers?: Record<string, string>;
}

export type SecuritySettingValues = Record<string, Record<string, unknown>>;

const TENANT_SETTING_DEFAULTS: readonly TenantSettingRecord[] = [
  // The contract's example setting.
  {
    key: "department.use",
    value: "true",
    type: "Boolean",
    label: "Show departments",
    category: "Department",
    description: "Enable the department feature",
    stage: "GA",
  },
  {
    key: "overQuota.use",
    value: "true",
    type: "Boolean",
    label: "Over quota",
    category: "Resources",
    description: "Let workloads use resources beyond their project's quota when they are idle",
    stage: "GA",
  },
  {
    key: "workloadTemplates.use",
    value: "false",
    type: "Boolean",
    label: "Workload templates",
    category: "Workloads",
    description: "Enable workload templates",
    stage: "Beta",
  },
  {
    key: "gpuIdleTimeout.minutes",
    value: "0",
    type: "Number",
    label: "GPU idle timeout",
    category: "Workloads",
    description: "Minutes a workload's GPUs may stay idle before it is stopped (0: never)",
    stage: "GA",
  },
  {
    key: "login.banner",
    value: "",
    type: "String",
    label: "Login banner",
    category: "General",
    description: "Text shown on the login page",
    stage: "GA",
  },
];

/** `settingsKeyEnum` with the defaults: `BrowserSessionTimeoutSetting.idleTimeout` defaults to 60; the rest is UNCONFIRMED. */
const SECURITY_SETTING_DEFAULTS: SecuritySettingValues = {
  autoRedirectSSO: { enabled: false, idpAlias: null },
  excludeGroupsFromToken: { enabled: false },
  browserSessionTimeout: { idleTimeout: 60 },
  logoutRedirectUri: { uri: null },
};

export class SettingsTable {
  tenant: TenantSettingRecord[] = [];
  security: SecuritySettingValues = {};
  identityProviders: IdentityProviderRecord[] = [];

  constructor() {
    this.clear();
  }

  clear(): void {
    this.tenant = TENANT_SETTING_DEFAULTS.map((setting) => ({ ...setting }));
    this.security = structuredClone(SECURITY_SETTING_DEFAULTS);
    this.identityProviders = [];
  }

  tenantSetting(key: string): TenantSettingRecord | undefined {
    return this.tenant.find((setting) => setting.key === key);
  }

  /** A state file's settings over the defaults (a file from before settings keeps the defaults). */
  restore(saved: Partial<Pick<SettingsTable, "tenant" | "security" | "identityProviders">> | undefined): void {
    this.clear();
    if (saved?.tenant) this.tenant = saved.tenant;
    if (saved?.security) this.security = saved.security;
    if (saved?.identityProviders) this.identityProviders = saved.identityProviders;
  }

  toPersisted(): Pick<SettingsTable, "tenant" | "security" | "identityProviders"> {
    return { tenant: this.tenant, security: this.security, identityProviders: this.identityProviders };
  }
}
