// The kind registry: one row per Run:ai object kind. The provider router, the resource types the
// package serves and the tests that run every kind's lifecycle all come from this table.
//
// An asset kind with no special rules is one `assetKind({...})` row: its type, label, contract
// (src/schemas) and scopes. Rules, defaults and hooks are options of the row, never copies of logic.
import {
  ACCESS_KEY_CREDENTIAL,
  COMPUTE_ASSET,
  CONFIG_MAP_ASSET,
  DOCKER_REGISTRY_CREDENTIAL,
  ENVIRONMENT_ASSET,
  GENERIC_SECRET_CREDENTIAL,
  GIT_ASSET,
  HOST_PATH_ASSET,
  NFS_ASSET,
  PASSWORD_CREDENTIAL,
  PVC_ASSET,
  S3_ASSET,
  SECRET_VOLUME_ASSET,
} from "../schemas";
import { dynamicProvider } from "./adapter";
import type { DynamicProvider } from "./adapter";
import { UnknownResourceTypeError } from "./errors";
import type { AnyResourceKind } from "./kind";
import { accessRuleKind } from "./kinds/access-rule";
import { applicationKind } from "./kinds/application";
import { assetKind } from "./kinds/asset";
import type { AssetUpdateRule } from "./kinds/asset";
import { validateComputeSpec } from "./kinds/compute-rules";
import { departmentKind } from "./kinds/department";
import { projectKind } from "./kinds/project";
import { credentialRule, validateGenericSecret } from "./kinds/credential-rules";
import { validatePvcSpec, validateS3Spec, validateGitSpec } from "./kinds/datasource-rules";
import { ENVIRONMENT_SPEC_DEFAULTS, validateEnvironmentSpec } from "./kinds/environment-rules";

// A datasource that refers to a credential by id is replaced with it: a replaced credential has a
// new id, and the old one can only be deleted once nothing uses it (Run:ai answers 412 otherwise).
// So the reference is fixed at creation, and the engine replaces the datasource along with it.
const fixedReference = (updatableSpecFields: readonly string[]): AssetUpdateRule => ({
  specFields: updatableSpecFields,
  bodySpec: "whole",
});

/** Credentials: a PUT carries the description alone (no name, no spec); anything else replaces. */
const CREDENTIAL_UPDATE: AssetUpdateRule = { specFields: [], bodySpec: "none", rename: false };
const CREDENTIAL_ADOPTION = "its secret values stay as they are, since Run:ai can neither show nor change them";

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
  assetKind({
    type: "ComputeAsset",
    label: "Compute asset",
    contract: COMPUTE_ASSET,
    validate: validateComputeSpec,
    reportsSyncStatus: false,
  }),
  assetKind({
    type: "PvcAsset",
    label: "PVC asset",
    contract: PVC_ASSET,
    specDefaults: {
      existingPvc: false,
      readOnly: false,
      ephemeral: false,
      dataSharing: false,
      claimInfo: { accessModes: { readWriteOnce: true, readOnlyMany: false, readWriteMany: false }, volumeMode: "Filesystem" },
    },
    mandatorySpecFields: ["path"],
    absolutePathFields: ["path"],
    validate: validatePvcSpec,
    // PvcFieldsUpdatable: the mount path is all a PUT may change (its body's spec holds nothing else).
    update: { specFields: ["path"], bodySpec: "updatable" },
  }),
  assetKind({
    type: "S3Asset",
    label: "S3 asset",
    contract: S3_ASSET,
    mandatorySpecFields: ["bucket", "path"],
    absolutePathFields: ["path"],
    validate: validateS3Spec,
    update: fixedReference(["bucket", "path", "url"]),
  }),
  assetKind({
    type: "GitAsset",
    label: "Git asset",
    contract: GIT_ASSET,
    mandatorySpecFields: ["repository", "path"],
    absolutePathFields: ["path"],
    validate: validateGitSpec,
    update: fixedReference(["repository", "branch", "revision", "path"]),
  }),
  assetKind({
    type: "SecretVolumeAsset",
    label: "Secret volume asset",
    contract: SECRET_VOLUME_ASSET,
    mandatorySpecFields: ["credentialAssetId", "mountPath"],
    absolutePathFields: ["mountPath"],
    // The contract requires a spec in the PUT but declares none: send it unchanged, replace on any change.
    update: { specFields: [], bodySpec: "whole" },
  }),
  assetKind({
    type: "AccessKeyCredential",
    label: "Access key credential",
    contract: ACCESS_KEY_CREDENTIAL,
    validate: credentialRule(["accessKeyId", "secretAccessKey"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  assetKind({
    type: "PasswordCredential",
    label: "Password credential",
    contract: PASSWORD_CREDENTIAL,
    validate: credentialRule(["user", "password"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  assetKind({
    type: "DockerRegistryCredential",
    label: "Docker registry credential",
    contract: DOCKER_REGISTRY_CREDENTIAL,
    validate: credentialRule(["url", "user", "password"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  assetKind({
    type: "GenericSecretCredential",
    label: "Generic secret credential",
    contract: GENERIC_SECRET_CREDENTIAL,
    validate: validateGenericSecret,
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  applicationKind,
  departmentKind,
  projectKind,
  accessRuleKind,
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
