// What departments and projects share (REFERENCE-org-and-assets.md §3–§5, Run:ai 2.22): per-node-pool
// quotas, scheduling rules, node types, the updatable fields, and the read-only aggregates. The
// departments' and projects' own requests and responses are in org-unit.ts.
//
// Requests are the exact contract (strict objects, enums, `minimum`s, `format: uuid`). Responses are
// lenient: unknown keys kept, enums any string, and formats (uuid, date-time) not checked, because
// the contract itself disagrees on id formats (`Project.id` examples are numbers in strings while
// `DepartmentProjectParent.id` says `format: uuid`). Required fields and JSON types are the contract's.
// Defaults the contract declares are documented, never filled in: the server applies them.
import { z } from "zod";
import { lenientEnum, lenientObject, REQUEST_MODE, RESPONSE_MODE, SchemaMode } from "./common";

/** `format: date-time` in a request (as ajv-formats checks it: a time zone is required); any string in a response. */
const dateTimeIn = (mode: SchemaMode) => (mode === REQUEST_MODE ? z.iso.datetime({ offset: true }) : z.string());

// ---- quotas (§5) --------------------------------------------------------------------------------------

/** `units`: the unit of a memory quota. */
export const MEMORY_UNITS = ["Mib", "MB", "GB"] as const;
export type MemoryUnit = (typeof MEMORY_UNITS)[number];

function quotaSchemas(mode: SchemaMode) {
  const { obj } = mode;

  /** The node pool a quota entry refers to (`nodePool`, nullable). */
  const QuotaNodePool = obj({
    id: z.string().describe("Node pool id (a string; the contract's example is the number 22). From `/api/v1/node-pools`."),
    name: z.string().optional().describe("Node pool name."),
  });

  /** `NonNullResource`: the GPU quota (not nullable). */
  const NonNullResource = obj({
    deserved: z
      .number()
      .optional()
      .describe("The GPUs the unit deserves when the cluster has them (the guaranteed quota). Contract default 0."),
    limit: z.number().nullish().describe("Maximum amount of resources the unit can get."),
    overQuotaWeight: z.number().nullish().describe("The priority the unit gets for over-quota resources."),
  });

  /** `Resource`: a CPU or memory quota (every field nullable). */
  const resourceFields = {
    deserved: z.number().nullish().describe("The amount the unit deserves when the cluster has it (the guaranteed quota)."),
    limit: z.number().nullish().describe("Maximum amount the unit can get (-1: no limit)."),
    overQuotaWeight: z.number().nullish().describe("The priority the unit gets for over-quota resources."),
  };
  const Resource = obj(resourceFields);

  /** `Resource` + `{units}` (required): a memory quota. */
  const MemoryResource = obj({
    ...resourceFields,
    units: mode.oneOf(MEMORY_UNITS).describe('The unit of `deserved` and `limit`: "Mib", "MB" or "GB".'),
  });

  const itemFields = {
    nodePool: QuotaNodePool.nullish().describe("The node pool the resources refer to, by name or id."),
    cpu: Resource.nullish().describe("CPU in millicores to the unit in the node pool."),
    priority: z.string().nullish().describe('Priority of the unit in the node pool, e.g. "Normal" (see `/api/v1/org-unit/priorities`).'),
  };

  return { QuotaNodePool, NonNullResource, Resource, MemoryResource, itemFields };
}

const quotaRequest = quotaSchemas(REQUEST_MODE);
const quotaResponse = quotaSchemas(RESPONSE_MODE);

/** `NonNullResource` of a request: the GPU quota of a node pool. */
export const GpuQuota = quotaRequest.NonNullResource;
export type GpuQuota = z.infer<typeof GpuQuota>;
/** `Resource` of a request: a CPU (millicores) quota. */
export const ResourceQuota = quotaRequest.Resource;
export type ResourceQuota = z.infer<typeof ResourceQuota>;
/** `Resource` + `units` of a request: a memory quota. */
export const MemoryQuota = quotaRequest.MemoryResource;
export type MemoryQuota = z.infer<typeof MemoryQuota>;
/** `nodePool` of a quota entry. */
export const QuotaNodePool = quotaRequest.QuotaNodePool;
export type QuotaNodePool = z.infer<typeof QuotaNodePool>;

/**
 * `ResourcesNullable`: one per-node-pool quota entry of a request (nothing required at item level).
 * A unit is associated with all node pools of its cluster; send one entry per node pool you manage.
 */
export const QuotaResource = REQUEST_MODE.obj({
  ...quotaRequest.itemFields,
  gpu: GpuQuota.optional().describe("The GPUs (devices) of the unit in the node pool; the server assumes 0 deserved."),
  // Declared `nullable`, but its `allOf` member `{type: object}` is not, so the contract (ajv)
  // refuses null: omit the field instead.
  memory: MemoryQuota.optional().describe("The memory of the unit in the node pool, in the given `units`."),
});
export type QuotaResource = z.infer<typeof QuotaResource>;

/** `Resources`: a quota entry as the server returns it: `gpu` and `gpu.deserved` are required. */
export const QuotaResourceResponse = RESPONSE_MODE.obj({
  ...quotaResponse.itemFields,
  gpu: quotaResponse.NonNullResource.extend({
    deserved: z.number().describe("The GPUs the unit deserves when the cluster has them (the guaranteed quota)."),
  }).describe("The GPUs (devices) of the unit in the node pool."),
  // Null accepted: the contract means it, though its `allOf` refuses it.
  memory: quotaResponse.MemoryResource.nullish().describe("The memory of the unit in the node pool, in the given `units`."),
});
export type QuotaResourceResponse = z.infer<typeof QuotaResourceResponse>;

// ---- scheduling rules, node types, shared updatable fields -------------------------------------------

function unitFieldSchemas(mode: SchemaMode) {
  const { obj } = mode;
  /** A duration in seconds: integer, nullable, minimum 1. */
  const seconds = () => z.int().min(1).nullish();

  /** `SchedulingRules` (nullable): time limits of the unit's workloads. */
  const SchedulingRules = obj({
    interactiveJobTimeLimitSeconds: seconds().describe("Interactive job time limit in seconds."),
    interactiveJobMaxIdleDurationSeconds: seconds().describe("Interactive job max idle duration in seconds."),
    interactiveJobPreemptIdleDurationSeconds: seconds().describe("Interactive job preempt idle duration in seconds."),
    trainingJobMaxIdleDurationSeconds: seconds().describe("Training job max idle duration in seconds."),
    trainingJobTimeLimitSeconds: seconds().describe("Training job time limit in seconds."),
  });

  /** `NodeTypesPerWorkload`: node-type ids per workload type. */
  const NodeTypesPerWorkload = obj({
    training: z.array(z.string()).optional().describe("Ids of the node types for training workloads."),
    workspace: z.array(z.string()).optional().describe("Ids of the node types for workspace workloads."),
    names: z.record(z.string(), z.string()).nullish().describe("Mapping of ids to names."),
  });

  /** `DataUpdatableFields` / `DataUpdatableDepartmentFields` without `resources` (typed per schema). */
  const updatableFields = {
    description: z.string().optional().describe("The unit's description."),
    schedulingRules: SchedulingRules.nullish().describe("Time limits of the unit's workloads."),
    defaultNodePools: z
      .array(z.string())
      .nullish()
      .describe("Default order of node pools (names) for workloads; enforced if no list is defined in the workload policy."),
    nodeTypes: NodeTypesPerWorkload.nullish().describe(
      "Default node types configuration for workloads; enforced if no node type is configured in the workload policy. `nullable: true` sits beside a `$ref` (ignored by OpenAPI 3.0), but the referenced schema has no `type`, so null passes the contract anyway.",
    ),
  };

  /** `OvertimeRangeData`: averages over a time range (or the unit's lifetime if shorter). */
  const OvertimeRangeData = obj({
    averageGpuAllocation: z.number().optional().describe("The average GPU devices allocation of the unit."),
    averageGpuUtilization: z.number().optional().describe("The average GPU utilization percentage of the unit."),
    averageGpuMemoryUtilization: z
      .number()
      .nullish()
      .describe("The average GPU memory utilization percentage of the unit (cluster ≥ 2.22)."),
    updatedAt: dateTimeIn(mode).optional().describe("date-time."),
  });
  /**
   * A range's data: declared nullable, but its `allOf` member has `type: object`, so the contract
   * refuses null. A request omits it; a response carrying null is still read.
   */
  const rangeData = () => (mode === REQUEST_MODE ? OvertimeRangeData.optional() : OvertimeRangeData.nullish());
  /** `OvertimeData`: usage metrics (read-only in effect). */
  const OvertimeData = obj({
    range24hData: rangeData().describe("Usage over the last 24 hours."),
    range7dData: rangeData().describe("Usage over the last 7 days."),
    range30dData: rangeData().describe("Usage over the last 30 days."),
  });

  return { SchedulingRules, NodeTypesPerWorkload, updatableFields, OvertimeRangeData, OvertimeData };
}

/** The unit fields as a request sends them (`updatableFields` and the rest), for org-unit.ts. */
export const unitRequest = unitFieldSchemas(REQUEST_MODE);
/** The unit fields as the server returns them. */
export const unitResponse = unitFieldSchemas(RESPONSE_MODE);

/** `SchedulingRules` of a request. */
export const SchedulingRules = unitRequest.SchedulingRules;
export type SchedulingRules = z.infer<typeof SchedulingRules>;
/** `SchedulingRules` as the server returns it. */
export const SchedulingRulesResponse = unitResponse.SchedulingRules;
/** `NodeTypesPerWorkload` of a request. */
export const NodeTypesPerWorkload = unitRequest.NodeTypesPerWorkload;
export type NodeTypesPerWorkload = z.infer<typeof NodeTypesPerWorkload>;
/** `NodeTypesPerWorkload` as the server returns it. */
export const NodeTypesPerWorkloadResponse = unitResponse.NodeTypesPerWorkload;
/** `OvertimeData` of a request (declared in `DepartmentCreationRequest`; do not send it). */
export const OvertimeData = unitRequest.OvertimeData;
export type OvertimeData = z.infer<typeof OvertimeData>;
/** `OvertimeData` as the server returns it. */
export const OvertimeDataResponse = unitResponse.OvertimeData;
/** `OvertimeRangeData` as the server returns it. */
export const OvertimeRangeDataResponse = unitResponse.OvertimeRangeData;

// ---- read-only aggregates ----------------------------------------------------------------------------

/** `TotalResources`: read-only sums of the unit's quotas. Never diff them. */
export const TotalResources = lenientObject({
  gpuQuota: z.number().nullish().describe("Total GPU quota of the org unit."),
  cpuQuota: z.number().nullish().describe("Total CPU quota of the org unit in millicores."),
  memoryQuota: z.number().nullish().describe("Total memory quota of the org unit in MB."),
});
export type TotalResources = z.infer<typeof TotalResources>;

/** `QuotaStatusResource`. */
export const QuotaStatusResource = lenientObject({
  gpu: z.number().optional().describe("The number of GPUs (allocated/requested/...)."),
  cpu: z.number().optional().describe("CPU in millicores (allocated/requested/...)."),
  memory: z.number().optional().describe("Memory in MB (allocated/requested/...)."),
});
const quotaStatusFields = {
  allocated: QuotaStatusResource.optional().describe("What the unit's workloads are allocated."),
  allocatedNonPreemptible: QuotaStatusResource.optional().describe("What the unit's non-preemptible workloads are allocated."),
  requested: QuotaStatusResource.optional().describe("What the unit's workloads request."),
};
/** `QuotaStatus`: sum of all quota statuses of all the node pools. */
export const QuotaStatus = lenientObject(quotaStatusFields);
export type QuotaStatus = z.infer<typeof QuotaStatus>;
/** `QuotaStatusNodePool`: the quota status of one node pool. */
export const QuotaStatusNodePool = lenientObject({
  ...quotaStatusFields,
  nodePoolName: z.string().describe("The node pool name which the current quota status refers to."),
  nodePoolId: z.string().describe("The node pool id which the current quota status refers to."),
});
export type QuotaStatusNodePool = z.infer<typeof QuotaStatusNodePool>;

/** `DeservedResource`. */
const DeservedResource = lenientObject({
  deserved: z.number().nullish().describe("The resource allocation the unit deserves when the cluster has those resources."),
});
/** `AggregatedResources`: sum of the quotas of a department's projects in one node pool. */
export const AggregatedResources = lenientObject({
  nodePool: lenientObject({
    id: z.string().describe("The node pool's id."),
    name: z.string().describe("The node pool's name."),
  }).describe("The node pool the resources refer to."),
  gpu: DeservedResource.optional().describe("The GPUs (devices) the projects deserve in the node pool."),
  cpu: DeservedResource.optional().describe("The CPU (millicores) the projects deserve in the node pool."),
  memory: DeservedResource.extend({ units: lenientEnum(MEMORY_UNITS).describe('The unit of `deserved`: "Mib", "MB" or "GB".') })
    .optional()
    .describe("The memory the projects deserve in the node pool."),
});
export type AggregatedResources = z.infer<typeof AggregatedResources>;

/** `DepartmentProjectChild`: a unit below a department (recursive). */
export interface DepartmentProjectChild {
  /** Declared `format: uuid` (UNCONFIRMED: ids look numeric elsewhere). */
  id: string;
  name: string;
  children?: DepartmentProjectChild[];
}
export const DepartmentProjectChild: z.ZodType<DepartmentProjectChild> = lenientObject({
  id: z.string(),
  name: z.string(),
  get children() {
    return z.array(DepartmentProjectChild).optional();
  },
});

/** `DepartmentProjectParent` (nullable): the unit above a project (recursive). */
export interface DepartmentProjectParent {
  /** Declared `format: uuid` (UNCONFIRMED: department ids look numeric elsewhere). */
  id: string;
  name: string;
  parent?: DepartmentProjectParent | null;
}
export const DepartmentProjectParent: z.ZodType<DepartmentProjectParent> = lenientObject({
  id: z.string(),
  name: z.string(),
  get parent() {
    return DepartmentProjectParent.nullish();
  },
});
