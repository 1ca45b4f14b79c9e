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

/** A resource type, what it is, and how to build its kind the first time a process needs it. */
interface KindRow {
  readonly type: string;
  /**
   * What the kind is, in a sentence or two: the resource class's doc comment, the package schema's
   * description of the resource, and the summary of its docs page all come from here.
   */
  readonly description: string;
  readonly define: () => AnyResourceKind;
}

/** An asset kind's row: its contract is loaded with the kind. */
function asset({ description, ...row }: Omit<AssetKindRow, "contract"> & { contract: () => AssetContract; description: string }): KindRow {
  return { type: row.type, description, define: () => assetKind({ ...row, contract: row.contract() }) };
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
    description:
      "A ConfigMap datasource asset (`/api/v1/asset/datasource/config-map`) mounts an existing Kubernetes ConfigMap into the workloads of a project. ConfigMap assets are project-scoped.",
    label: "ConfigMap asset",
    contract: () => schemas.configMap().CONFIG_MAP_ASSET,
    allowedScopes: ["project"],
    allowedScopesReason: "ConfigMap assets are project-scoped",
    mandatorySpecFields: ["configMap", "mountPath"],
    absolutePathFields: ["mountPath"],
  }),
  asset({
    type: "EnvironmentAsset",
    description:
      "An environment asset (`/api/v1/asset/environment`) is the container a Run:ai workload runs: image, tools and their ports (connections), security context, readiness probe and environment variables. `spec` takes every field of the Run:ai 2.22 `EnvironmentAssetSpec`, typed (`EnvironmentAssetSpecArgs`, `EnvironmentVariableArgs`, `ConnectionArgs`, `ProbeArgs`, … are exported).",
    label: "Environment asset",
    contract: () => schemas.environment().ENVIRONMENT_ASSET,
    specDefaults: ENVIRONMENT_SPEC_DEFAULTS,
    validate: validateEnvironmentSpec,
  }),
  asset({
    type: "NfsAsset",
    description:
      "An NFS datasource asset (`/api/v1/asset/datasource/nfs`) mounts an NFS export into workloads. It lives in any scope but `system` (with that scope's id), and Run:ai applies it without a sync status, so create, update and delete are done when Run:ai answers.",
    label: "NFS asset",
    contract: () => schemas.nfs().NFS_ASSET,
    specDefaults: { readOnly: true },
    mandatorySpecFields: ["server", "path", "mountPath"],
    absolutePathFields: ["path", "mountPath"],
    reportsSyncStatus: false,
  }),
  asset({
    type: "HostPathAsset",
    description:
      "A host path datasource asset (`/api/v1/asset/datasource/host-path`) mounts a directory of the node into workloads. It lives in any scope but `system` (with that scope's id), and Run:ai applies it without a sync status, so create, update and delete are done when Run:ai answers.",
    label: "Host path asset",
    contract: () => schemas.hostPath().HOST_PATH_ASSET,
    specDefaults: { readOnly: true },
    mandatorySpecFields: ["path", "mountPath"],
    absolutePathFields: ["mountPath"],
    reportsSyncStatus: false,
  }),
  asset({
    type: "ComputeAsset",
    description:
      "A compute asset (`/api/v1/asset/compute`): the resources a workload asks for, whole GPUs or a part of each, CPU cores and memory, extended resources. Run:ai reports no sync status for compute assets, so create, update and delete are done when Run:ai answers.",
    label: "Compute asset",
    contract: () => schemas.compute().COMPUTE_ASSET,
    validate: validateComputeSpec,
    reportsSyncStatus: false,
  }),
  asset({
    type: "PvcAsset",
    description:
      "A PVC datasource asset (`/api/v1/asset/datasource/pvc`): an existing Kubernetes claim, or a new one Run:ai creates in the cluster (its name is the `clusterInfo` output).",
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
    description:
      "An S3 datasource asset (`/api/v1/asset/datasource/s3`): a bucket of an S3-compatible store mounted into workloads, optionally with an `AccessKeyCredential` (by id, `spec.accessKeyAssetId`) for a private bucket.",
    label: "S3 asset",
    contract: () => schemas.s3().S3_ASSET,
    mandatorySpecFields: ["bucket", "path"],
    absolutePathFields: ["path"],
    validate: validateS3Spec,
    update: fixedReference(["bucket", "path", "url"]),
  }),
  asset({
    type: "GitAsset",
    description:
      "A Git datasource asset (`/api/v1/asset/datasource/git`): a repository cloned into workloads, optionally with a `PasswordCredential` (by id, `spec.passwordAssetId`) for a private repository.",
    label: "Git asset",
    contract: () => schemas.git().GIT_ASSET,
    mandatorySpecFields: ["repository", "path"],
    absolutePathFields: ["path"],
    validate: validateGitSpec,
    update: fixedReference(["repository", "branch", "revision", "path"]),
  }),
  asset({
    type: "SecretVolumeAsset",
    description:
      "A secret datasource asset (`/api/v1/asset/datasource/secrets`): a credential of any kind (by id, `spec.credentialAssetId`) mounted into workloads as files.",
    label: "Secret volume asset",
    contract: () => schemas.secretVolume().SECRET_VOLUME_ASSET,
    mandatorySpecFields: ["credentialAssetId", "mountPath"],
    absolutePathFields: ["mountPath"],
    // The contract requires a spec in the PUT but declares none: send it unchanged, replace on any change.
    update: { specFields: [], bodySpec: "whole" },
  }),
  asset({
    type: "AccessKeyCredential",
    description:
      "An access key credential (`/api/v1/asset/credentials/access-key`): an access key id and its secret access key (`spec.secretAccessKey`, secret), e.g. for an `S3Asset` of a private bucket.",
    label: "Access key credential",
    contract: () => schemas.credentials().ACCESS_KEY_CREDENTIAL,
    validate: credentialRule(["accessKeyId", "secretAccessKey"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  asset({
    type: "PasswordCredential",
    description:
      "A password credential (`/api/v1/asset/credentials/password`): a user and a password (`spec.password`, secret), e.g. for a `GitAsset` of a private repository.",
    label: "Password credential",
    contract: () => schemas.credentials().PASSWORD_CREDENTIAL,
    validate: credentialRule(["user", "password"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  asset({
    type: "DockerRegistryCredential",
    description:
      "A docker registry credential (`/api/v1/asset/credentials/docker-registry`): a registry URL, a user and a password (`spec.password`, secret) that workloads pull images with.",
    label: "Docker registry credential",
    contract: () => schemas.credentials().DOCKER_REGISTRY_CREDENTIAL,
    validate: credentialRule(["url", "user", "password"]),
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  asset({
    type: "GenericSecretCredential",
    description:
      "A generic secret credential (`/api/v1/asset/credentials/generic-secret`): key-value pairs (every `spec.keyValuePairs[].value` secret), e.g. for a `SecretVolumeAsset` or an environment variable of an `EnvironmentAsset`.",
    label: "Generic secret credential",
    contract: () => schemas.credentials().GENERIC_SECRET_CREDENTIAL,
    validate: validateGenericSecret,
    update: CREDENTIAL_UPDATE,
    adoptionNote: CREDENTIAL_ADOPTION,
  }),
  {
    type: "Application",
    description:
      "An application (`/api/v1/apps`) is a Run:ai API client: a client id (its name) and a secret that requests tokens. Run:ai shows the secret exactly once, when it is created or regenerated, so the resource keeps it as a Pulumi secret: encrypted in state, `[secret]` in every CLI output.",
    define: () => (require("./kinds/application") as typeof import("./kinds/application")).applicationKind,
  },
  {
    type: "Department",
    description:
      "A department (`/api/v1/org-unit/departments`) groups projects in a cluster, with quotas per node pool. Look the cluster up by name with `getCluster` (TypeScript), or give its uuid.",
    define: () => (require("./kinds/department") as typeof import("./kinds/department")).departmentKind,
  },
  {
    type: "Project",
    description:
      'A project (`/api/v1/org-unit/projects`) is where workloads run, in a department, with its own Kubernetes namespace and quotas per node pool. Assets take a project\'s id as a number: `meta: { scope: "project", projectId: team.id.apply(Number) }`.',
    define: () => (require("./kinds/project") as typeof import("./kinds/project")).projectKind,
  },
  {
    type: "AccessRule",
    description:
      "An access rule (`/api/v1/authorization/access-rules`) gives a subject (a user, a group, or an `Application`, named by its name) a role in a scope (the tenant, a cluster, a department or a project).",
    define: () => (require("./kinds/access-rule") as typeof import("./kinds/access-rule")).accessRuleKind,
  },
  {
    type: "Cluster",
    description:
      "A cluster (`/api/v1/clusters`) registers a Kubernetes cluster with the control plane and gives what its `runai-cluster` Helm chart needs to connect: the install information for the cluster's `version` (`chartRepoUrl`, `repositoryName`, `installCommand`, `clientSecret`) and `helmValues`, the chart's values ready to pass to a Helm release unchanged: `{ controlPlane: { url, clientSecret }, cluster: { uid, url } }` (`controlPlane.url` is the tenant URL the provider talks to; `cluster.url` is `https://<domain>`, present when `domain` is set). `clientSecret`, `installCommand` (it holds the secret) and `helmValues` are Pulumi secrets: encrypted in state, `[secret]` in every CLI output. Without a `version` Run:ai gives no install information, and those outputs are absent.",
    define: () => (require("./kinds/cluster") as typeof import("./kinds/cluster")).clusterKind,
  },
  {
    type: "NodePool",
    description:
      "A node pool (`/api/v1/node-pools`) is the set of a cluster's nodes that carry one label (`labelKey=labelValue`), with its own scheduling settings; departments' and projects' quotas are given per node pool. A department or project of the same program names it with `nodePool: { name: pool.name }`: check resolves the name to the node pool's id once it exists.",
    define: () => (require("./kinds/node-pool") as typeof import("./kinds/node-pool")).nodePoolKind,
  },
  {
    type: "WorkloadPolicy",
    description:
      "A workload policy (`/api/v2/policy/<type>`) gives the workloads of one type (`workspaces`, `trainings`, `distributed`, `inferences`) in one scope (the tenant, a cluster, a department or a project) their `defaults` and `rules` (e.g. a GPU limit, the images they may use) and `imposedAssets`; a narrower scope's policy refines those above it, and `effective` holds the merge. Preview asks Run:ai to validate the policy (`validateOnly`) once its scope id is known; the import id is `<type>/<scope>/<scopeId>` (`<type>/tenant` for the tenant).",
    define: () => (require("./kinds/workload-policy") as typeof import("./kinds/workload-policy")).workloadPolicyKind,
  },
  {
    type: "TenantSetting",
    description:
      "A tenant setting (`/v1/k8s/setting`) is one of the tenant's feature switches, a key and a value, which exists before any stack: creating the resource sets the value and records the one it replaced (`previousValue`), deleting it puts that value back (unless `restoreOnDelete: false`). Import one by its key.",
    define: () => (require("./kinds/tenant-setting") as typeof import("./kinds/tenant-setting")).tenantSettingKind,
  },
  {
    type: "SecuritySetting",
    description:
      "A security setting (`/api/v1/security/settings/{key}`): single sign-on redirection (`autoRedirectSSO`), groups in tokens, the browser session's idle timeout or the logout redirect, which exists before any stack: creating the resource sets the value and records the one it replaced (`previousValue`), deleting it puts that value back (unless `restoreOnDelete: false`). Import one by its key.",
    define: () => (require("./kinds/security-setting") as typeof import("./kinds/security-setting")).securitySettingKind,
  },
  {
    type: "IdentityProvider",
    description:
      "An identity provider (`/api/v1/idps`) is the tenant's single sign-on through OIDC, SAML or OpenShift, named by its alias, with the claim mappers that give each user's uid, gid, groups and email. Its outputs `redirectUri` and, for SAML, `serviceProviderMetadataUrl` are what the provider's own application for Run:ai needs. `clientSecret` is a Pulumi secret that Run:ai never returns: a change of it outside Pulumi is invisible. Import one by its alias.",
    define: () => (require("./kinds/identity-provider") as typeof import("./kinds/identity-provider")).identityProviderKind,
  },
];

/** The resource types this version serves, e.g. "ConfigMapAsset". */
export const RESOURCE_TYPES: readonly string[] = ROWS.map((row) => row.type);

/** A resource type's description (a string of the registry: no kind is built for it). */
export function kindDescription(resourceType: string): string {
  const row = ROWS.find((r) => r.type === resourceType);
  if (!row) throw new UnknownResourceTypeError(resourceType);
  return row.description;
}

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
