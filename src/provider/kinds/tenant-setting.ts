// Tenant settings (`/v1/k8s/setting`): the tenant's feature switches, one key and one value each
// (see setting-rules.ts for what a singleton's create and delete mean). The list is the only read
// that gives a setting's type and a value of any type (`GET /v1/k8s/setting/{key}` answers a bare
// boolean), so read and check use it. The contract types every listed value as a string: it is
// read back in the type the setting's `type` names.
import type { TenantSetting, TenantSettingValue } from "../../schemas/settings";
import { TENANT_SETTING_OUTPUTS, TenantSettingInputs } from "../../schemas/settings";
import type { ProviderContext } from "../context";
import type { Json, ResourceKind } from "../kind";
import type { Failures } from "../validation";
import { isKnown } from "../validation";
import {
  quotedList,
  SETTING_CREATION_ONLY,
  SETTING_UPDATABLE,
  settingUniqueKey,
  valueToRestore,
  warnWhenAlreadySet,
} from "./setting-rules";

/** A tenant setting as the kind handles it: the listed setting and, once set, the value it replaced. */
export type TenantSettingObject = TenantSetting & { previousValue?: TenantSettingValue };

/** The JavaScript type of a setting's values, from the `type` Run:ai lists ("Boolean", "Number", "String", …). */
function valueTypeOf(settingType: string | null | undefined): "boolean" | "number" | "string" {
  const type = (settingType ?? "").toLowerCase();
  if (type === "boolean" || type === "bool") return "boolean";
  if (["number", "integer", "int", "float", "double"].includes(type)) return "number";
  return "string";
}

/** The listed value in the setting's own type. */
export function typedValue(setting: TenantSetting): TenantSettingValue | undefined {
  const { value } = setting;
  if (value === null || value === undefined) return undefined;
  const type = valueTypeOf(setting.type);
  if (typeof value !== "string" || type === "string") return value;
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  if (type === "number" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** An unknown key, naming the keys the tenant has; a value of another type than the key's. */
async function checkAgainstTenant(ctx: ProviderContext, inputs: Json, failures: Failures): Promise<Json> {
  const { key, value } = inputs;
  if (typeof key !== "string" || !isKnown(key)) return inputs;
  const settings = await ctx.client.tenantSettings.list();
  const setting = settings.find((s) => s.key === key);
  if (!setting) {
    failures.add(["key"], `"${key}" is not a setting of this tenant (its keys: ${quotedList(settings.map((s) => s.key))})`);
    return inputs;
  }
  const wanted = valueTypeOf(setting.type);
  if (isKnown(value) && typeof value !== wanted) {
    failures.add(
      ["value"],
      `must be a ${wanted} for the key "${key}" (its type is ${setting.type ?? "String"}), got ${JSON.stringify(value)}`,
    );
  }
  return inputs;
}

export const tenantSettingKind: ResourceKind<TenantSettingObject, TenantSettingInputs> = {
  type: "TenantSetting",
  label: "Tenant setting",
  inputSchema: TenantSettingInputs,
  outputTypes: TENANT_SETTING_OUTPUTS,
  updatable: SETTING_UPDATABLE,
  creationOnly: SETTING_CREATION_ONLY,
  identity: {
    idOf: (setting) => setting.key,
    describe: (values) => `tenant setting "${values.key}"`,
    location: () => "the tenant",
    uniqueKey: settingUniqueKey("a tenant setting"),
  },
  writeOnlyInputs: ["restoreOnDelete"],
  returnedOnce: ["previousValue"],
  references: { resolve: checkAgainstTenant },
  toOutputs: (setting) => ({
    key: setting.key,
    value: typedValue(setting),
    previousValue: setting.previousValue,
    type: setting.type,
    label: setting.label,
    category: setting.category,
    description: setting.description,
    stage: setting.stage,
  }),
  operations: {
    async create(ctx, inputs) {
      const previousValue = typedValue(await ctx.client.tenantSettings.get(inputs.key));
      warnWhenAlreadySet(`tenant setting "${inputs.key}"`, previousValue, inputs.value);
      await ctx.client.tenantSettings.set(inputs.key, inputs.value);
      return { ...(await ctx.client.tenantSettings.get(inputs.key)), previousValue };
    },
    // A setting always exists: there is nothing to find before creating, nor to adopt.
    findExisting: () => Promise.resolve(undefined),
    adopt: (_ctx, existing) => Promise.resolve(existing),
    read: (ctx, key) => ctx.client.tenantSettings.get(key),
    async update(ctx, key, _olds, news) {
      await ctx.client.tenantSettings.set(key, news.value);
      return ctx.client.tenantSettings.get(key);
    },
    async delete(ctx, key, values) {
      const restored = valueToRestore<TenantSettingValue>(values as Json);
      if (restored !== undefined) await ctx.client.tenantSettings.set(key, restored);
      return "kept";
    },
  },
};
