/* eslint-disable @typescript-eslint/no-require-imports */
// The kind registry: one row per Run:ai object kind. The provider router, the resource types the
// package serves and the tests that run every kind's lifecycle all come from this table.
//
// An asset kind with no special rules is one `asset({...})` row: its type, label, contract
// (src/schemas) and scopes. Rules, defaults and hooks are options of the row, never copies of logic.
//
// A row is defined (its zod schemas built) when a process first uses its kind: the provider host
// that refreshes 200 ConfigMap assets builds the ConfigMap schemas, not those of all seventeen kinds,
// before its first call. Building every kind's schemas was a third of the provider's start-up, paid
// by every `pulumi` command (`npm run bench:engine -- --profile`). So schema modules and the
// organisation kinds' modules are required inside the rows, not imported at the top.
import { dynamicProvider } from "./adapter";
import type { DynamicProvider } from "./adapter";
import { UnknownResourceTypeError } from "./errors";
import type { AnyResourceKind } from "./kind";
import { assetKind } from "./kinds/asset";
import type { AssetKindRow, AssetUpdateRule } from "./kinds/asset";
import { validateComputeSpec } from "./kinds/compute-rules";
import { credentialRule, validateGenericSecret } from "./kinds/credential-rules";
import { validatePvcSpec, validateS3Spec, validateGitSpec } from "./kinds/datasource-rules";
import { ENVIRONMENT_SPEC_DEFAULTS, validateEnvironmentSpec } from "./kinds/environment-rules";
import type { AssetContract } from "../schemas/asset";

/** A resource type, and how to build its kind the first time a process needs it. */
interface KindRow {
  readonly type: string;
  readonly define: () => AnyResourceKind;
}

/** An asset kind's row: its contract is loaded with the kind. */
function asset(row: Omit<AssetKindRow, "contract"> & { contract: () => AssetContract }): KindRow {
  return { type: row.type, define: () => assetKind({ ...row, contract: row.contract() }) };
}

const schemas = {
  configMap: () => require("../schemas/configmap") as typeof import("../schemas/configmap"),
  environment: () => require("../schemas/environment") as typeof import("../schemas/environment"),
  nfs: () => require("../schemas/nfs") as typeof import("../schemas/nfs"),
  hostPath: () => require("../schemas/host-path") as typeof import("../schemas/host-path"),
  compute: () => require("../schemas/compute") as typeof import("../schemas/compute"),
  pvc: () => require("../schemas/pvc") as typeof import("../schemas/pvc"),
  s3: () => require("../schemas/s3") as typeof import("../schemas/s3"),
  git: () => require("../schemas/git") as typeof import("../schemas/git"),
  secretVolume: () => require("../schemas/secret-volume") as typeof import("../schemas/secret-volume"),
  credentials: () => require("../schemas/credentials") as typeof import("../schemas/credentials"),
};

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

const ROWS: readonly KindRow[] = [
  asset({
    type: "ConfigMapAsset",
    label: "ConfigMap asset",
    contract: () => schemas.configMap().CONFIG_MAP_ASSET,
    allowedScopes: ["project"],
    allowedScopesReason: "ConfigMap assets are project-scoped",
    mandatorySpecFields: ["configMap", "mountPath"],
    absolutePathFields: ["mountPath"],
  }),
  asset({
    type: "EnvironmentAsset",
    label: "Environment asset",
    contract: () => schemas.environment().ENVIRONMENT_ASSET,
    specDefaults: ENVIRONMENT_SPEC_DEFAULTS,
    validate: validateEnvironmentSpec,
  }),
  asset({
    type: "NfsAsset",
    label: "NFS asset",
    contract: () => schemas.nfs().NFS_ASSET,
    specDefaults: { readOnly: true },
    mandatorySpecFields: ["server", "path", "mountPath"],
    absolutePathFields: ["path", "mountPath"],
    reportsSyncStatus: false,
  }),
  asset({
    type: "HostPathAsset",
    label: "Host path asset",
    contract: () => schemas.hostPath().HOST_PATH_ASSET,
    specDefaults: { readOnly: true },
    mandatorySpecFields: ["path", "mountPath"],
    absolutePathFields: ["mountPath"],
    reportsSyncStatus: false,
  }),
  asset({
    type: "ComputeAsset",
    label: "Compute asset",
    contract: () => schemas.compute().COMPUTE_ASSET,
    validate: validateComputeSpec,
    reportsSyncStatus: false,
  }),
  asset({
    type: "PvcAsset",
    label: "PVC asset",
    contract: () => schemas.pvc().PVC_ASSET,
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
  asset({
    type: "S3Asset",
    label: "S3 asset",
    contract: () => schemas.s3().S3_ASSET,
    mandatorySpecFields: ["bucket", "path"],
    absolutePathFields: ["path"],
    validate: validateS3Spec,
    update: fixedReference(["bucket", "path", "url"]),
  }),
  asset({
    type: "GitAsset",
    label: "Git asset",
    contract: () => schemas.git().GIT_ASSET,
    mandatorySpecFields: ["repository", "path"],
    absolutePathFields: ["path"],
    validate: validateGitSpec,
    update: fixedReference(["repository", "branch", "revision", "path"]),
  }),
  asset({
    type: "SecretVolumeAsset",
    label: "Secret volume asset",
    contract: () => schemas.secretVolume().SECRET_VOLUME_ASSET,
    mandatorySpecFields: ["credentialAssetId", "mountPath"],
    absolutePathFields: ["mountPath"],
    // The contract requires a spec in the PUT but declares none: send it unchanged, replace on any change.
    update: { specFields: [], bodySpec: "whole" },
  }),
  asset({
    type: "AccessKeyCredential",
    label: "Access key credential",
    contract: () => schemas.credentials().ACCESS_KEY_CREDENTIAL,
    validate: credentialRule(["accessKeyId", "secretAccessKey"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  asset({
    type: "PasswordCredential",
    label: "Password credential",
    contract: () => schemas.credentials().PASSWORD_CREDENTIAL,
    validate: credentialRule(["user", "password"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  asset({
    type: "DockerRegistryCredential",
    label: "Docker registry credential",
    contract: () => schemas.credentials().DOCKER_REGISTRY_CREDENTIAL,
    validate: credentialRule(["url", "user", "password"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  asset({
    type: "GenericSecretCredential",
    label: "Generic secret credential",
    contract: () => schemas.credentials().GENERIC_SECRET_CREDENTIAL,
    validate: validateGenericSecret,
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  {
    type: "Application",
    define: () => (require("./kinds/application") as typeof import("./kinds/application")).applicationKind,
  },
  { type: "Department", define: () => (require("./kinds/department") as typeof import("./kinds/department")).departmentKind },
  { type: "Project", define: () => (require("./kinds/project") as typeof import("./kinds/project")).projectKind },
  { type: "AccessRule", define: () => (require("./kinds/access-rule") as typeof import("./kinds/access-rule")).accessRuleKind },
  { type: "Cluster", define: () => (require("./kinds/cluster") as typeof import("./kinds/cluster")).clusterKind },
  { type: "NodePool", define: () => (require("./kinds/node-pool") as typeof import("./kinds/node-pool")).nodePoolKind },
];

/** The resource types this version serves, e.g. "ConfigMapAsset". */
export const RESOURCE_TYPES: readonly string[] = ROWS.map((row) => row.type);

const defined = new Map<string, AnyResourceKind>();

/** The kind definition of a resource type (built on first use, then shared). */
export function kindFor(resourceType: string): AnyResourceKind {
  let kind = defined.get(resourceType);
  if (!kind) {
    const row = ROWS.find((r) => r.type === resourceType);
    if (!row) throw new UnknownResourceTypeError(resourceType);
    kind = row.define();
    if (kind.type !== row.type) throw new Error(`the registry row ${row.type} defines a kind of type ${kind.type}`);
    defined.set(resourceType, kind);
  }
  return kind;
}

/** Every kind, in registry order (the package schema and the tests; a provider needs only `kindFor`). */
export function allKinds(): readonly AnyResourceKind[] {
  return RESOURCE_TYPES.map(kindFor);
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
