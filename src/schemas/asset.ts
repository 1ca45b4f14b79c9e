// The asset envelope shared by every `/api/v1/asset/<kind>` endpoint (REFERENCE.md §1, Run:ai 2.22):
// creation/update request bodies, the asset as the server returns it, its sync status, list responses,
// and the error body of every control-plane endpoint.
import { z } from "zod";
import { lenientEnum, lenientObject, REQUEST_MODE, RESPONSE_MODE, SchemaMode, Uuid } from "./common";

/** `Scope`: where an asset lives. "system" is internal to Run:ai but can appear in lists. */
export const ASSET_SCOPES = ["system", "tenant", "cluster", "department", "project"] as const;
export const AssetScope = z.enum(ASSET_SCOPES);
export type AssetScope = z.infer<typeof AssetScope>;

/** `AssetKind` (2.22). Newer servers add kinds (e.g. "ngcApiKey" in 2.23), so responses accept any string. */
export const ASSET_KINDS = [
  "compute",
  "environment",
  "accessKey",
  "dockerRegistry",
  "password",
  "genericSecret",
  "registry",
  "s3",
  "git",
  "nfs",
  "pvc",
  "hostPath",
  "workload-template",
  "model",
  "config-map",
  "secret-volume",
  "data-volume",
] as const;
export const AssetKind = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof AssetKind>;

/** `distFramework` of `WorkloadSupportedTypes`. */
export const DIST_FRAMEWORKS = ["MPI", "PyTorch", "TF", "XGBoost"] as const;
export const DistFramework = z.enum(DIST_FRAMEWORKS);
export type DistFramework = z.infer<typeof DistFramework>;

function workloadSupportedTypes(mode: SchemaMode) {
  return mode.obj({
    workspace: z.boolean().nullish().describe("Usable by workspaces (interactive workloads)."),
    training: z.boolean().nullish().describe("Usable by training workloads."),
    inference: z
      .boolean()
      .nullish()
      .describe("Usable by inference workloads (which the contract restricts further, e.g. no tty or stdin)."),
    distributed: z.boolean().nullish().describe("Usable by distributed (multi-node) training workloads."),
    distFramework: mode.optionalOneOf(DIST_FRAMEWORKS).describe("The framework of distributed workloads the asset is for."),
  });
}

/** `WorkloadSupportedTypes`: the workload types an asset may be used with (the UI's "workload architecture/type"). */
export const WorkloadSupportedTypes = workloadSupportedTypes(REQUEST_MODE);
export type WorkloadSupportedTypes = z.infer<typeof WorkloadSupportedTypes>;

// ---- request meta ---------------------------------------------------------------------------------

/** `AssetName`: the contract asks only for a non-empty string. */
export const AssetName = z.string().min(1);
/** `AssetDescription`: 1..250 characters, nullable. */
export const AssetDescription = z.string().min(1).max(250).nullable();

/** `AssetUpdatableFields` = `AssetUpdateRequest`: what a PUT may change. */
export const AssetUpdateMeta = z.strictObject({
  name: AssetName,
  description: AssetDescription.optional(),
});
export type AssetUpdateMeta = z.infer<typeof AssetUpdateMeta>;

/**
 * `AssetCreationRequest` = `AssetUpdatableFields` + `AssetCreationFields`. The creation-only fields
 * (everything but name/description) cannot be changed later: a change means a replace.
 * Which scope id a scope needs is a cross-field rule for the validation layer, not part of this schema.
 */
export const AssetCreationMeta = AssetUpdateMeta.extend({
  scope: AssetScope,
  clusterId: Uuid.nullish(),
  departmentId: z.string().min(1).nullish(),
  projectId: z.int32().nullish(),
  autoDelete: z.boolean().nullish(),
  workloadSupportedTypes: WorkloadSupportedTypes.nullish(),
});
export type AssetCreationMeta = z.infer<typeof AssetCreationMeta>;

/**
 * The wire contract of one asset kind: where it lives and the shape of its spec. The client serves any
 * kind from this alone (`client.assets(contract)`); the provider's kind registry refers to it.
 */
export interface AssetContract<TSpec = Record<string, unknown>, TSpecOut = TSpec> {
  /** `meta.kind` as the server reports it, e.g. "config-map". */
  kind: string;
  /** Collection path, e.g. "/api/v1/asset/datasource/config-map". */
  path: string;
  /** The spec as we send it: strict, unknown keys are errors. */
  spec: z.ZodType<TSpec>;
  /** The spec as the server returns it (lenient). */
  responseSpec: z.ZodType<TSpecOut>;
  /**
   * Spec fields that hold secrets: sent when the asset is created and never returned (`a[].b` is
   * field `b` of every element of list `a`). Programs keep them as Pulumi secrets.
   */
  secretFields?: readonly string[];
}

/** `<Kind>CreationRequest { meta, spec }` for a kind's spec schema. */
export function assetCreationRequest<S extends z.ZodType>(spec: S) {
  return z.strictObject({ meta: AssetCreationMeta, spec });
}
/** `<Kind>UpdateRequest { meta, spec }` (PUT carries the whole spec). */
export function assetUpdateRequest<S extends z.ZodType>(spec: S) {
  return z.strictObject({ meta: AssetUpdateMeta, spec });
}
export interface AssetCreationRequest<TSpec> {
  meta: AssetCreationMeta;
  spec: TSpec;
}
/**
 * A PUT body. Most kinds take the name, the description and the whole spec; some take less (a PVC
 * only its updatable spec fields, a credential only `{meta: {description}}`: see each kind's contract).
 */
export interface AssetUpdateRequest<TSpec> {
  meta: Partial<AssetUpdateMeta>;
  spec?: Partial<TSpec>;
}

// ---- response -------------------------------------------------------------------------------------

/**
 * `AssetMeta` as the server returns it: the creation request fields plus the read-only ones
 * (`id`, `kind`, `createdBy`, `createdAt`, `updatedBy`, `updatedAt` required; the rest optional).
 * Lenient where we do not rely on the value: timestamps and `kind` are plain strings, unknown keys kept.
 */
export const AssetMeta = lenientObject({
  // AssetUpdatableFields
  name: z.string().min(1).describe("The asset's name, unique among the assets of its kind in its scope."),
  description: z.string().nullish().describe("The asset's description, as Run:ai holds it."),
  // AssetCreationFields: these identify the asset (name + scope + scope id), so they are checked.
  scope: AssetScope.describe('Where the asset lives: tenant, cluster, department or project ("system" is Run:ai\'s own).'),
  clusterId: z.string().nullish().describe('The cluster\'s uuid, for an asset of scope "cluster" (and whatever Run:ai fills in).'),
  departmentId: z.string().nullish().describe('The department\'s id, for an asset of scope "department".'),
  projectId: z.int().nullish().describe('The project\'s id, for an asset of scope "project".'),
  autoDelete: z.boolean().nullish().describe("Whether Run:ai deletes the asset with the workload that created it."),
  workloadSupportedTypes: workloadSupportedTypes(RESPONSE_MODE).nullish().describe("The workload types the asset may be used with."),
  // AssetReadOnlyFields
  id: z.string().min(1).describe("The asset's uuid."),
  kind: lenientEnum(ASSET_KINDS).describe('The asset\'s kind as Run:ai names it, e.g. "config-map".'),
  tenantId: z.int().nullish().describe("The tenant's id."),
  createdBy: z.string().describe("Who created the asset."),
  createdAt: z.string().describe("When the asset was created."),
  updatedBy: z.string().describe("Who last changed the asset."),
  updatedAt: z.string().describe("When the asset was last changed."),
  deletedAt: z.string().nullish().describe("When the asset was deleted (set only while a deletion is under way)."),
  deletedBy: z.string().nullish().describe("Who deleted the asset."),
  projectName: z.string().nullish().describe('The name of the asset\'s project, for an asset of scope "project".'),
  updateCount: z.int().nullish().describe("How often the asset has been changed."),
});
export type AssetMeta = z.infer<typeof AssetMeta>;

/** `AssetSyncStatusEnum` (2.22). */
export const ASSET_SYNC_STATUSES = [
  "Creating",
  "Deleting",
  "Failed",
  "Deletion failed",
  "Issues found",
  "No issues found",
  "No status",
  "Updating",
] as const;
export const AssetSyncStatus = z.enum(ASSET_SYNC_STATUSES);
export type AssetSyncStatus = z.infer<typeof AssetSyncStatus>;

export const ASSET_CLUSTER_STATUS_ISSUES = ["ReplicationError", "LostPhase", "NotCreated"] as const;

/** One entry of `AssetClusterStatusInfo.issues`. */
export const AssetClusterStatusIssue = lenientObject({
  scopeId: z.string().describe("The id of the scope (e.g. the cluster) the issue is in."),
  scopeType: lenientEnum(ASSET_SCOPES).describe("The type of that scope."),
  issue: lenientEnum(ASSET_CLUSTER_STATUS_ISSUES).describe("What went wrong: ReplicationError, LostPhase or NotCreated."),
});
export type AssetClusterStatusIssue = z.infer<typeof AssetClusterStatusIssue>;

/**
 * `AssetClusterStatusInfo`, returned with `?statusInfo=true`. `status` accepts any string: a status a
 * newer server invents must not make the asset unreadable (callers treat unknown values as settled).
 */
export const AssetClusterStatusInfo = lenientObject({
  status: lenientEnum(ASSET_SYNC_STATUSES).optional().describe('The sync status, e.g. "Creating" or "No issues found" once synced.'),
  issues: z.array(AssetClusterStatusIssue).nullish().describe("The problems Run:ai found in the asset's clusters."),
  message: z.string().nullish().describe("Run:ai's explanation of the status."),
  url: z.string().nullish().describe("A link Run:ai gives with the status."),
});
export type AssetClusterStatusInfo = z.infer<typeof AssetClusterStatusInfo>;

/**
 * The `<Kind>Asset` response for a kind's (response) spec schema. `usedBy`, `usageTimes` and
 * `compliance` are informational: accepted as any object. A `null` spec (the contract's spec objects
 * are nullable) reads as `{}`, which means the same thing since no spec field is required.
 */
export function assetResponse<S extends z.ZodType>(spec: S) {
  return lenientObject({
    meta: AssetMeta,
    spec: z.preprocess((value) => (value === null ? {} : value), spec),
    usedBy: z.record(z.string(), z.unknown()).nullish(),
    usageTimes: z.record(z.string(), z.unknown()).nullish(),
    compliance: z.record(z.string(), z.unknown()).nullish(),
    status: AssetClusterStatusInfo.nullish(),
  });
}
/** An asset as returned by the server, for a spec type. */
export interface Asset<TSpec> {
  meta: AssetMeta;
  spec: TSpec;
  usedBy?: Record<string, unknown> | null;
  usageTimes?: Record<string, unknown> | null;
  compliance?: Record<string, unknown> | null;
  status?: AssetClusterStatusInfo | null;
  /** PVC and credentials: the Kubernetes objects created for the asset (kept by the lenient schema). */
  clusterInfo?: { resources?: ({ name?: string | null } | null)[] } | null;
}

/** `<Kind>ListResponse { entries }` (no paging on asset lists). */
export function assetListResponse<S extends z.ZodType>(spec: S) {
  return lenientObject({ entries: z.array(assetResponse(spec)) });
}

/** Every request and response schema of one asset kind, from its contract. */
export function assetKindSchemas<TSpec, TSpecOut>(contract: AssetContract<TSpec, TSpecOut>) {
  return {
    creationRequest: assetCreationRequest(contract.spec),
    updateRequest: assetUpdateRequest(contract.spec),
    asset: assetResponse(contract.responseSpec),
    list: assetListResponse(contract.responseSpec),
  };
}

// ---- errors ---------------------------------------------------------------------------------------

/** `Error`: the error body of every control-plane endpoint. Parsed leniently: it only feeds messages. */
export const ApiError = lenientObject({
  code: z.int().min(100).max(599),
  message: z.string(),
  details: z.string().nullish(),
});
export type ApiError = z.infer<typeof ApiError>;

/** `HttpResponse`: the 202 body of an asset DELETE. */
export const HttpResponse = lenientObject({
  code: z.int(),
  message: z.string(),
});
export type HttpResponse = z.infer<typeof HttpResponse>;
