// Org units: departments `/api/v1/org-unit/departments` and projects `/api/v1/org-unit/projects`
// (REFERENCE-org-and-assets.md §3–§5, Run:ai 2.22): their requests and responses, built from what
// they share (org-unit-fields.ts: quotas, scheduling rules, node types, aggregates), which this
// module re-exports.
//
// Requests are the exact contract (strict objects, enums, `minimum`s, `format: uuid`). Responses are
// lenient: unknown keys kept, enums any string, and formats not checked. Required fields and JSON
// types are the contract's; defaults it declares are documented, never filled in.
import { z } from "zod";
import { lenientEnum, lenientObject, Uuid } from "./common";
import {
  AggregatedResources,
  DepartmentProjectChild,
  DepartmentProjectParent,
  NodeTypesPerWorkloadResponse,
  OvertimeData,
  OvertimeDataResponse,
  QuotaResource,
  QuotaResourceResponse,
  QuotaStatus,
  QuotaStatusNodePool,
  SchedulingRulesResponse,
  TotalResources,
  unitRequest,
  unitResponse,
} from "./org-unit-fields";

export * from "./org-unit-fields";

// ---- departments (§4) --------------------------------------------------------------------------------

const departmentRequestFields = {
  ...unitRequest.updatableFields,
  /** Per-node-pool quotas (required). PUT replaces the whole list: send the full desired state. */
  resources: z.array(QuotaResource),
};

/**
 * `DepartmentCreationRequest` (201 `Department`). Required: `name`, `clusterId`, `resources`.
 * Creation-only: `name`, `clusterId` (absent from the update request: a change means a replace).
 * 2.22 departments have no parent: they hang directly under their cluster.
 */
export const DepartmentCreationRequest = z.strictObject({
  ...departmentRequestFields,
  /** The department's name (no constraints in 2.22). */
  name: z.string(),
  /** The id of the cluster. */
  clusterId: Uuid,
  /** Usage metrics: declared in the request, read-only in effect. Do not send it. */
  overtimeData: OvertimeData.optional(),
});
export type DepartmentCreationRequest = z.infer<typeof DepartmentCreationRequest>;

/** `DepartmentUpdateRequest` (PUT, 200 `Department`): the updatable fields; `resources` required. */
export const DepartmentUpdateRequest = z.strictObject(departmentRequestFields);
export type DepartmentUpdateRequest = z.infer<typeof DepartmentUpdateRequest>;

const departmentResponseFields = {
  ...unitResponse.updatableFields,
  /** Per-node-pool quotas. */
  resources: z.array(QuotaResourceResponse),
  /** The department's name. */
  name: z.string(),
  /** The id of the cluster. */
  clusterId: z.string(),
  /** Usage metrics. */
  overtimeData: OvertimeDataResponse.optional(),
  /** The department id: a string (the contract's example is the number 50). */
  id: z.string(),
  /** date-time. */
  createdAt: z.string(),
  /** date-time. */
  updatedAt: z.string(),
  createdBy: z.string().optional(),
  updatedBy: z.string().optional(),
  /** The projects under the department. */
  children: z.array(DepartmentProjectChild).nullish(),
};

/** `Department`: a department as get, create and update return it. */
export const Department = lenientObject({
  ...departmentResponseFields,
  /** The department's description (required in the response). */
  description: z.string(),
  /** Sum of the quotas of the department's projects per node pool. */
  projectsAggregatedResources: z.array(AggregatedResources).nullish(),
  /** Quota statuses (a department has no phase). */
  status: lenientObject({
    nodePoolQuotaStatuses: z.array(QuotaStatusNodePool).optional(),
    quotaStatus: QuotaStatus.optional(),
  }).optional(),
  /** Read-only sums of the quotas. */
  totalResources: TotalResources,
});
export type Department = z.infer<typeof Department>;

/** `DepartmentForList`: a department as the list returns it (no aggregated resources; status only with `verbosity=verbose`). */
export const DepartmentForList = lenientObject({
  ...departmentResponseFields,
  status: lenientObject({ quotaStatus: QuotaStatus.optional() }).nullish(),
  /** Read-only sums of the quotas (nullable in the list). */
  totalResources: TotalResources.nullable(),
});
export type DepartmentForList = z.infer<typeof DepartmentForList>;

/** `GET /api/v1/org-unit/departments` → 200 `{departments, next}`; `next` is present while more pages follow. */
export const DepartmentList = lenientObject({
  departments: z.array(DepartmentForList),
  next: z.int().optional(),
});
export type DepartmentList = z.infer<typeof DepartmentList>;

// ---- projects (§3) -----------------------------------------------------------------------------------

/** `ProjectPhase`: the project's namespace creation status. */
export const PROJECT_PHASES = ["Creating", "Updating", "Deleting", "Deleted", "Initializing", "Ready", "NotReady", "Unknown"] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/**
 * `ProjectCreationRequest` (201 `Project`). Required: `name`, `clusterId`, `resources`. Creation-only:
 * `name`, `clusterId`, `parentId`, `requestedNamespace` (a change means a replace).
 */
export const ProjectCreationRequest = z.strictObject({
  ...unitRequest.updatableFields,
  /** The project's name (no constraints in 2.22; later docs: unique within the cluster, a Kubernetes name). */
  name: z.string(),
  /** The id of the cluster. */
  clusterId: Uuid,
  /** The project's requested namespace (later docs: default `runai-<name>`). */
  requestedNamespace: z.string().optional(),
  /**
   * Enforce that all pods in the project's namespace are scheduled with runai-scheduler (cluster
   * v2.21+). Contract default true.
   */
  enforceRunaiScheduler: z.boolean().nullish(),
  /** The parent department's id ("department parent uuid"; ids look numeric: treat as opaque). */
  parentId: z.string().nullish(),
  /** Per-node-pool quotas (required). */
  resources: z.array(QuotaResource),
});
export type ProjectCreationRequest = z.infer<typeof ProjectCreationRequest>;

/** `ProjectUpdateRequest` (PUT, 200 `Project`): the updatable fields; `resources` required (the full list). */
export const ProjectUpdateRequest = z.strictObject({
  ...unitRequest.updatableFields,
  /** Enforce runai-scheduler for the namespace's pods (cluster v2.21+). No default on update. */
  enforceRunaiScheduler: z.boolean().nullish(),
  /** Per-node-pool quotas (required): PUT replaces the whole list. */
  resources: z.array(QuotaResource),
});
export type ProjectUpdateRequest = z.infer<typeof ProjectUpdateRequest>;

/** `ProjectStatus`: read-only. Poll until `phase` is "Ready" after a create. */
export const ProjectStatus = lenientObject({
  /** The project's namespace (the Kubernetes namespace actually used). */
  namespace: z.string().nullish(),
  /** The project's phase. */
  phase: lenientEnum(PROJECT_PHASES).optional(),
  /** The project's phase message. */
  phaseMessage: z.string().nullish(),
  /** date-time. */
  lastUpdatedTime: z.string().nullish(),
  /** Per-node-pool quota statuses. */
  nodePoolQuotaStatuses: z.array(QuotaStatusNodePool).optional(),
  /** Sum of the quota statuses of all node pools. */
  quotaStatus: QuotaStatus.optional(),
  additionalStatusData: z.record(z.string(), z.unknown()).nullish(),
});
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** `ProjectEffective`: the values in force (inherited from the department where the project sets none). Read-only. */
export const ProjectEffective = lenientObject({
  schedulingRules: SchedulingRulesResponse.nullish(),
  /** Effective default order of node pools for workloads. */
  defaultNodePools: z.array(z.string()).nullish(),
  /** Effective default node types for workloads. */
  nodeTypes: NodeTypesPerWorkloadResponse.nullish(),
});
export type ProjectEffective = z.infer<typeof ProjectEffective>;

/** `Project`: a project as get, list, create and update return it. */
export const Project = lenientObject({
  ...unitResponse.updatableFields,
  /** The project id: a string (the contract's example is the number 33; assets refer to it as an int32). */
  id: z.string(),
  /** The project's name. */
  name: z.string(),
  /** The id of the cluster. */
  clusterId: z.string(),
  /** The parent department's id ("department parent uuid"). */
  parentId: z.string(),
  /** The project's description (required in the response). */
  description: z.string(),
  /** The project's namespace only if requested. */
  requestedNamespace: z.string().nullish(),
  /** Whether all pods in the namespace are scheduled with runai-scheduler (cluster v2.21+). */
  enforceRunaiScheduler: z.boolean(),
  /** Namespace creation status. */
  status: ProjectStatus,
  /** Read-only sums of the quotas. */
  totalResources: TotalResources,
  /** date-time. */
  createdAt: z.string(),
  /** date-time. */
  updatedAt: z.string(),
  createdBy: z.string().optional(),
  updatedBy: z.string().optional(),
  /** The department above the project. */
  parent: DepartmentProjectParent.nullish(),
  /** The values in force. */
  effective: ProjectEffective,
  /** Usage metrics. */
  overtimeData: OvertimeDataResponse.optional(),
  /** Per-node-pool quotas. */
  resources: z.array(QuotaResourceResponse),
});
export type Project = z.infer<typeof Project>;

/** `GET /api/v1/org-unit/projects` → 200 `{projects, next}`; `next` is present while more pages follow. */
export const ProjectList = lenientObject({
  projects: z.array(Project),
  next: z.int().optional(),
});
export type ProjectList = z.infer<typeof ProjectList>;
