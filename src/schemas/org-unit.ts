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
  resources: z.array(QuotaResource).describe("Per-node-pool quotas (required). PUT replaces the whole list: send the full desired state."),
};

/**
 * `DepartmentCreationRequest` (201 `Department`). Required: `name`, `clusterId`, `resources`.
 * Creation-only: `name`, `clusterId` (absent from the update request: a change means a replace).
 * 2.22 departments have no parent: they hang directly under their cluster.
 */
export const DepartmentCreationRequest = z.strictObject({
  ...departmentRequestFields,
  name: z.string().describe("The department's name (no constraints in 2.22)."),
  clusterId: Uuid.describe("The id of the cluster."),
  overtimeData: OvertimeData.optional().describe("Usage metrics: declared in the request, read-only in effect. Do not send it."),
});
export type DepartmentCreationRequest = z.infer<typeof DepartmentCreationRequest>;

/** `DepartmentUpdateRequest` (PUT, 200 `Department`): the updatable fields; `resources` required. */
export const DepartmentUpdateRequest = z.strictObject(departmentRequestFields);
export type DepartmentUpdateRequest = z.infer<typeof DepartmentUpdateRequest>;

const departmentResponseFields = {
  ...unitResponse.updatableFields,
  resources: z.array(QuotaResourceResponse).describe("Per-node-pool quotas."),
  name: z.string().describe("The department's name."),
  clusterId: z.string().describe("The id of the cluster."),
  overtimeData: OvertimeDataResponse.optional().describe("Usage metrics."),
  id: z.string().describe("The department id: a string (the contract's example is the number 50)."),
  createdAt: z.string().describe("date-time."),
  updatedAt: z.string().describe("date-time."),
  createdBy: z.string().optional().describe("Who created the department."),
  updatedBy: z.string().optional().describe("Who last changed the department."),
  children: z.array(DepartmentProjectChild).nullish().describe("The projects under the department."),
};

/** `Department`: a department as get, create and update return it. */
export const Department = lenientObject({
  ...departmentResponseFields,
  description: z.string().describe("The department's description (required in the response)."),
  projectsAggregatedResources: z
    .array(AggregatedResources)
    .nullish()
    .describe("Sum of the quotas of the department's projects per node pool."),
  status: lenientObject({
    nodePoolQuotaStatuses: z.array(QuotaStatusNodePool).optional().describe("Per-node-pool quota statuses."),
    quotaStatus: QuotaStatus.optional().describe("Sum of the quota statuses of all node pools."),
  })
    .optional()
    .describe("Quota statuses (a department has no phase)."),
  totalResources: TotalResources.describe("Read-only sums of the quotas."),
});
export type Department = z.infer<typeof Department>;

/** `DepartmentForList`: a department as the list returns it (no aggregated resources; status only with `verbosity=verbose`). */
export const DepartmentForList = lenientObject({
  ...departmentResponseFields,
  status: lenientObject({ quotaStatus: QuotaStatus.optional().describe("Sum of the quota statuses of all node pools.") })
    .nullish()
    .describe("Quota statuses (only when the list is asked with `verbosity=verbose`)."),
  totalResources: TotalResources.nullable().describe("Read-only sums of the quotas (nullable in the list)."),
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
  name: z.string().describe("The project's name (no constraints in 2.22; later docs: unique within the cluster, a Kubernetes name)."),
  clusterId: Uuid.describe("The id of the cluster."),
  requestedNamespace: z.string().optional().describe("The project's requested namespace (later docs: default `runai-<name>`)."),
  enforceRunaiScheduler: z
    .boolean()
    .nullish()
    .describe(
      "Enforce that all pods in the project's namespace are scheduled with runai-scheduler (cluster v2.21+). Contract default true.",
    ),
  parentId: z.string().nullish().describe('The parent department\'s id ("department parent uuid"; ids look numeric: treat as opaque).'),
  resources: z.array(QuotaResource).describe("Per-node-pool quotas (required)."),
});
export type ProjectCreationRequest = z.infer<typeof ProjectCreationRequest>;

/** `ProjectUpdateRequest` (PUT, 200 `Project`): the updatable fields; `resources` required (the full list). */
export const ProjectUpdateRequest = z.strictObject({
  ...unitRequest.updatableFields,
  enforceRunaiScheduler: z
    .boolean()
    .nullish()
    .describe("Enforce runai-scheduler for the namespace's pods (cluster v2.21+). No default on update."),
  resources: z.array(QuotaResource).describe("Per-node-pool quotas (required): PUT replaces the whole list."),
});
export type ProjectUpdateRequest = z.infer<typeof ProjectUpdateRequest>;

/** `ProjectStatus`: read-only. Poll until `phase` is "Ready" after a create. */
export const ProjectStatus = lenientObject({
  namespace: z.string().nullish().describe("The project's namespace (the Kubernetes namespace actually used)."),
  phase: lenientEnum(PROJECT_PHASES).optional().describe("The project's phase."),
  phaseMessage: z.string().nullish().describe("The project's phase message."),
  lastUpdatedTime: z.string().nullish().describe("date-time."),
  nodePoolQuotaStatuses: z.array(QuotaStatusNodePool).optional().describe("Per-node-pool quota statuses."),
  quotaStatus: QuotaStatus.optional().describe("Sum of the quota statuses of all node pools."),
  additionalStatusData: z.record(z.string(), z.unknown()).nullish().describe("Whatever else the cluster reports about the project."),
});
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** `ProjectEffective`: the values in force (inherited from the department where the project sets none). Read-only. */
export const ProjectEffective = lenientObject({
  schedulingRules: SchedulingRulesResponse.nullish().describe("Effective time limits of interactive and training workloads."),
  defaultNodePools: z.array(z.string()).nullish().describe("Effective default order of node pools for workloads."),
  nodeTypes: NodeTypesPerWorkloadResponse.nullish().describe("Effective default node types for workloads."),
});
export type ProjectEffective = z.infer<typeof ProjectEffective>;

/** `Project`: a project as get, list, create and update return it. */
export const Project = lenientObject({
  ...unitResponse.updatableFields,
  id: z.string().describe("The project id: a string (the contract's example is the number 33; assets refer to it as an int32)."),
  name: z.string().describe("The project's name."),
  clusterId: z.string().describe("The id of the cluster."),
  parentId: z.string().describe('The parent department\'s id ("department parent uuid").'),
  description: z.string().describe("The project's description (required in the response)."),
  requestedNamespace: z.string().nullish().describe("The project's namespace only if requested."),
  enforceRunaiScheduler: z.boolean().describe("Whether all pods in the namespace are scheduled with runai-scheduler (cluster v2.21+)."),
  status: ProjectStatus.describe("Namespace creation status."),
  totalResources: TotalResources.describe("Read-only sums of the quotas."),
  createdAt: z.string().describe("date-time."),
  updatedAt: z.string().describe("date-time."),
  createdBy: z.string().optional().describe("Who created the project."),
  updatedBy: z.string().optional().describe("Who last changed the project."),
  parent: DepartmentProjectParent.nullish().describe("The department above the project."),
  effective: ProjectEffective.describe("The values in force."),
  overtimeData: OvertimeDataResponse.optional().describe("Usage metrics."),
  resources: z.array(QuotaResourceResponse).describe("Per-node-pool quotas."),
});
export type Project = z.infer<typeof Project>;

/** `GET /api/v1/org-unit/projects` → 200 `{projects, next}`; `next` is present while more pages follow. */
export const ProjectList = lenientObject({
  projects: z.array(Project),
  next: z.int().optional(),
});
export type ProjectList = z.infer<typeof ProjectList>;
