// The kind registry: one row per Run:ai object kind. The provider router, the resource types the
// package serves and the tests that run every kind's lifecycle all come from this table.
//
// An asset kind with no special rules is one `assetKind({...})` row: its type, label, contract
// (src/schemas) and scopes. Rules, defaults and hooks are options of the row, never copies of logic.
import { CONFIG_MAP_ASSET, ENVIRONMENT_ASSET, HOST_PATH_ASSET, NFS_ASSET } from "../schemas";
import { dynamicProvider } from "./adapter";
import type { DynamicProvider } from "./adapter";
import { UnknownResourceTypeError } from "./errors";
import type { AnyResourceKind } from "./kind";
import { applicationKind } from "./kinds/application";
import { assetKind } from "./kinds/asset";
import { ENVIRONMENT_SPEC_DEFAULTS, validateEnvironmentSpec } from "./kinds/environment-rules";

export const KINDS: readonly AnyResourceKind[] = [
  assetKind({
    type: "ConfigMapAsset",
    label: "ConfigMap asset",
    contract: CONFIG_MAP_ASSET,
    allowedScopes: ["project"],
    allowedScopesReason: "ConfigMap assets are project-scoped",
    mandatorySpecFields: ["configMap", "mountPath"],
    absolutePathFields: ["mountPath"],
  }),
  assetKind({
    type: "EnvironmentAsset",
    label: "Environment asset",
    contract: ENVIRONMENT_ASSET,
    specDefaults: ENVIRONMENT_SPEC_DEFAULTS,
    validate: validateEnvironmentSpec,
  }),
  assetKind({
    type: "NfsAsset",
    label: "NFS asset",
    contract: NFS_ASSET,
    specDefaults: { readOnly: true },
    mandatorySpecFields: ["server", "path", "mountPath"],
    absolutePathFields: ["path", "mountPath"],
    reportsSyncStatus: false,
  }),
  assetKind({
    type: "HostPathAsset",
    label: "Host path asset",
    contract: HOST_PATH_ASSET,
    specDefaults: { readOnly: true },
    mandatorySpecFields: ["path", "mountPath"],
    absolutePathFields: ["mountPath"],
    reportsSyncStatus: false,
  }),
  applicationKind,
];

/** The resource types this version serves, e.g. "ConfigMapAsset". */
export const RESOURCE_TYPES: readonly string[] = KINDS.map((kind) => kind.type);

/** The kind definition of a resource type. */
export function kindFor(resourceType: string): AnyResourceKind {
  const kind = KINDS.find((k) => k.type === resourceType);
  if (!kind) throw new UnknownResourceTypeError(resourceType);
  return kind;
}

const providers = new Map<string, DynamicProvider>();

/** The dynamic provider of a resource type (one per type and process). */
export function providerFor(resourceType: string): DynamicProvider {
  let provider = providers.get(resourceType);
  if (!provider) {
    provider = dynamicProvider(kindFor(resourceType));
    providers.set(resourceType, provider);
  }
  return provider;
}
