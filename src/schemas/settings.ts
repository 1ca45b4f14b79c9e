// Tenant settings (`/v1/k8s/setting`) and security settings (`/api/v1/security/settings`): the
// answers as the contract declares them (lenient: unknown keys kept) and the inputs of the
// TenantSetting and SecuritySetting kinds. Both are singletons that exist before any stack: the
// resource's id is the setting's key.
import { z } from "zod";
import { lenientObject } from "./common";

// ---- tenant settings -----------------------------------------------------------------------------

/**
 * `Setting`: one tenant setting as the list returns it. The contract types `value` as a string
 * (its example is `true`) and names the setting's type in `type` ("Boolean" in its example).
 */
export const TenantSetting = lenientObject({
  key: z.string(),
  value: z.union([z.string(), z.boolean(), z.number()]).nullish(),
  type: z.string().nullish(),
  active: z.boolean().nullish(),
  category: z.string().nullish(),
  description: z.string().nullish(),
  source: z.string().nullish(),
  label: z.string().nullish(),
  stage: z.string().nullish(),
});
export type TenantSetting = z.infer<typeof TenantSetting>;

/** `GET /v1/k8s/setting`: every tenant setting, a bare array. */
export const TenantSettingList = z.array(TenantSetting);

/** A tenant setting's value as a program writes it: the type the setting's `type` names. */
export type TenantSettingValue = boolean | number | string;

export const TenantSettingInputs = z.strictObject({
  key: z
    .string()
    .min(1)
    .describe('The tenant setting\'s key, e.g. "department.use"; a change replaces the resource (the old key gets its value back).'),
  value: z
    .union([z.boolean(), z.number(), z.string()])
    .describe("The setting's value, of the type the setting has (`type` output): a boolean, a number or a string."),
  restoreOnDelete: z
    .boolean()
    .optional()
    .describe(
      "Whether deleting the resource puts back the value it replaced (`previousValue`); default true. With false the current value stays.",
    ),
});
export type TenantSettingInputs = z.infer<typeof TenantSettingInputs>;

/** The outputs of a TenantSetting beyond its inputs. */
export const TENANT_SETTING_OUTPUTS = {
  previousValue: z
    .union([z.boolean(), z.number(), z.string()])
    .describe("The value the setting had when the resource set it: what deleting the resource puts back (absent after an import)."),
  type: z.string().describe('The setting\'s type as Run:ai names it, e.g. "Boolean".'),
  label: z.string().describe("The setting's label in the Run:ai UI."),
  category: z.string().describe('The setting\'s category, e.g. "Department".'),
  description: z.string().describe("What the setting does, as Run:ai describes it."),
  stage: z.string().describe('The setting\'s stage, e.g. "Beta".'),
};

// ---- security settings ---------------------------------------------------------------------------

/** `settingsKeyEnum`: the keys `/api/v1/security/settings/{key}` accepts. */
export const SECURITY_SETTING_KEYS = ["autoRedirectSSO", "excludeGroupsFromToken", "browserSessionTimeout", "logoutRedirectUri"] as const;
export type SecuritySettingKey = (typeof SECURITY_SETTING_KEYS)[number];

/** `Settings`: one security setting's value, an object whose fields depend on the key. */
export const SecuritySettingValue = z.record(z.string(), z.unknown());
export type SecuritySettingValue = z.infer<typeof SecuritySettingValue>;

/** `SettingsGetResponse`: every security setting (the contract spells one key `excludeGroupsFromTokens` here). */
export const SecuritySettingList = z.record(z.string(), SecuritySettingValue.nullish());

export const SecuritySettingInputs = z.strictObject({
  key: z
    .string()
    .min(1)
    .describe(
      "The security setting's key: autoRedirectSSO, excludeGroupsFromToken, browserSessionTimeout or logoutRedirectUri; a change replaces the resource (the old key gets its value back).",
    ),
  value: SecuritySettingValue.describe(
    "The setting's value, an object whose fields depend on the key: autoRedirectSSO {enabled, idpAlias}, excludeGroupsFromToken {enabled}, browserSessionTimeout {idleTimeout} (minutes), logoutRedirectUri {uri}.",
  ),
  restoreOnDelete: z
    .boolean()
    .optional()
    .describe(
      "Whether deleting the resource puts back the value it replaced (`previousValue`); default true. With false the current value stays.",
    ),
});
export type SecuritySettingInputs = z.infer<typeof SecuritySettingInputs>;

/** The outputs of a SecuritySetting beyond its inputs. */
export const SECURITY_SETTING_OUTPUTS = {
  previousValue: SecuritySettingValue.describe(
    "The value the setting had when the resource set it: what deleting the resource puts back (absent after an import).",
  ),
};
