// Security settings (`/api/v1/security/settings/{key}`): single sign-on redirection, groups in
// tokens, the browser session's idle timeout and the logout redirect, one object value per key (see
// setting-rules.ts for what a singleton's create and delete mean). The fields of each key's value
// are checked statically; turning autoRedirectSSO on is checked against the tenant's identity
// providers, since redirecting every login to an SSO that does not exist locks administrators out.
import type { SecuritySettingKey, SecuritySettingValue } from "../../schemas/settings";
import { SECURITY_SETTING_KEYS, SECURITY_SETTING_OUTPUTS, SecuritySettingInputs } from "../../schemas/settings";
import type { ProviderContext } from "../context";
import type { Json, ResourceKind } from "../kind";
import { stripNulls } from "../normalize";
import type { Failures } from "../validation";
import { isKnown, isObject } from "../validation";
import {
  quotedList,
  SETTING_CREATION_ONLY,
  SETTING_UPDATABLE,
  settingUniqueKey,
  valueToRestore,
  warnWhenAlreadySet,
} from "./setting-rules";

/** A security setting as the kind handles it: its key, value and, once set, the value it replaced. */
export interface SecuritySettingObject {
  key: string;
  value: SecuritySettingValue;
  previousValue?: SecuritySettingValue;
}

/** The contract's `…Setting` schemas: each key's fields, their type and rule. */
interface FieldRule {
  type: "boolean" | "number" | "string";
  /** Beyond the type, e.g. a minimum; undefined when the value passes. */
  rule?(value: never): string | undefined;
}

const IDP_ALIAS = /^[a-z0-9_-]*$/;
// The contract writes the pattern as a regular-expression literal: the same, without the slashes.
const LOGOUT_URI = /^(https?:\/\/)?([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})(:[0-9]{1,5})?(\/[^\s]*)?$|^$/;

const FIELDS: Record<SecuritySettingKey, Record<string, FieldRule>> = {
  autoRedirectSSO: {
    enabled: { type: "boolean" },
    idpAlias: { type: "string", rule: (v: string) => (IDP_ALIAS.test(v) ? undefined : "lowercase letters, digits, '_' or '-'") },
  },
  excludeGroupsFromToken: { enabled: { type: "boolean" } },
  browserSessionTimeout: { idleTimeout: { type: "number", rule: (v: number) => (v >= 1 ? undefined : "at least 1 (minutes)") } },
  logoutRedirectUri: { uri: { type: "string", rule: (v: string) => (LOGOUT_URI.test(v) ? undefined : "an http(s) URL or empty") } },
};

const isSecurityKey = (key: unknown): key is SecuritySettingKey => SECURITY_SETTING_KEYS.includes(key as SecuritySettingKey);

/** The key is one the API has; each field of the value is one of the key's, of its type. */
function validateSecuritySetting(failures: Failures, inputs: Json): void {
  const { key, value } = inputs;
  if (typeof key !== "string" || !isKnown(key)) return;
  if (!isSecurityKey(key)) {
    failures.add(["key"], `"${key}" is not a security setting (the keys: ${quotedList(SECURITY_SETTING_KEYS)})`);
    return;
  }
  if (!isObject(value)) return; // the schema reports it
  const fields = FIELDS[key];
  // In the fields' alphabetical order, as the engine hands them over (it sorts object keys).
  for (const [field, given] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = ["value", field];
    const spec = fields[field];
    if (!spec) {
      failures.add(path, `is not a field of the key "${key}" (its fields: ${Object.keys(fields).join(", ")})`);
      continue;
    }
    if (given === null || !isKnown(given)) continue;
    if (typeof given !== spec.type) {
      failures.add(path, `must be a ${spec.type} for the key "${key}", got ${JSON.stringify(given)}`);
      continue;
    }
    const broken = spec.rule?.(given as never);
    if (broken) failures.add(path, `must be ${broken} for the key "${key}", got ${JSON.stringify(given)}`);
  }
}

/** autoRedirectSSO on: the tenant must have an identity provider, and the one named must exist. */
async function checkIdentityProviders(ctx: ProviderContext, inputs: Json, failures: Failures): Promise<Json> {
  const { key, value } = inputs;
  if (key !== "autoRedirectSSO" || !isObject(value) || value.enabled !== true) return inputs;
  const providers = await ctx.client.identityProviders.list();
  if (providers.length === 0) {
    failures.add(
      ["value", "enabled"],
      "cannot turn autoRedirectSSO on: the tenant has no identity provider, so every login would be redirected to a single sign-on that does not exist (add an identity provider first)",
    );
    return inputs;
  }
  const alias = value.idpAlias;
  if (typeof alias === "string" && isKnown(alias) && !providers.some((idp) => idp.alias === alias)) {
    failures.add(
      ["value", "idpAlias"],
      `"${alias}" is not an identity provider of the tenant (its identity providers: ${quotedList(providers.map((idp) => idp.alias))})`,
    );
  }
  return inputs;
}

async function readSetting(ctx: ProviderContext, key: string): Promise<SecuritySettingObject> {
  return { key, value: await ctx.client.securitySettings.get(key) };
}

export const securitySettingKind: ResourceKind<SecuritySettingObject, SecuritySettingInputs> = {
  type: "SecuritySetting",
  label: "Security setting",
  inputSchema: SecuritySettingInputs,
  outputTypes: SECURITY_SETTING_OUTPUTS,
  validate: validateSecuritySetting,
  updatable: SETTING_UPDATABLE,
  creationOnly: SETTING_CREATION_ONLY,
  identity: {
    idOf: (setting) => setting.key,
    describe: (values) => `security setting "${values.key}"`,
    location: () => "the tenant",
    uniqueKey: settingUniqueKey("a security setting"),
  },
  writeOnlyInputs: ["restoreOnDelete"],
  returnedOnce: ["previousValue"],
  references: { resolve: checkIdentityProviders },
  toOutputs: (setting) => ({
    key: setting.key,
    value: stripNulls(setting.value),
    previousValue: setting.previousValue && stripNulls(setting.previousValue),
  }),
  operations: {
    async create(ctx, inputs) {
      const previousValue = await ctx.client.securitySettings.get(inputs.key);
      warnWhenAlreadySet(`security setting "${inputs.key}"`, stripNulls(previousValue), stripNulls(inputs.value));
      await ctx.client.securitySettings.set(inputs.key, inputs.value);
      return { ...(await readSetting(ctx, inputs.key)), previousValue };
    },
    // A setting always exists: there is nothing to find before creating, nor to adopt.
    findExisting: () => Promise.resolve(undefined),
    adopt: (_ctx, existing) => Promise.resolve(existing),
    read: readSetting,
    async update(ctx, key, _olds, news) {
      await ctx.client.securitySettings.set(key, news.value);
      return readSetting(ctx, key);
    },
    async delete(ctx, key, values) {
      const restored = valueToRestore<SecuritySettingValue>(values as Json);
      if (restored !== undefined) await ctx.client.securitySettings.set(key, restored);
      return "kept";
    },
  },
};
