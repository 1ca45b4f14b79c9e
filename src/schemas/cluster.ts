// Clusters `/api/v1/clusters` and node pools `/api/v1/node-pools` (REFERENCE-org-and-assets.md §7,
// §8, Run:ai 2.22). The response shapes are lenient (unknown keys kept, enums any string, formats
// and the Kubernetes condition patterns not checked); required fields and JSON types are the
// contract's. A cluster's install information is at the end; the inputs are in cluster-inputs.ts.
import { z } from "zod";
import { lenientEnum, lenientObject } from "./common";

// ---- clusters ----------------------------------------------------------------------------------------

/** `ClusterDisplayedStatus.state`. */
export const CLUSTER_STATES = [
  "WaitingToConnect",
  "Connected",
  "Disconnected",
  "MissingPrerequisites",
  "ServiceIssues",
  "Unknown",
] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];

/** `ClusterReportedStatus.platform.type`. */
export const CLUSTER_PLATFORM_TYPES = ["vanilla", "openshift", "rke", "gke", "aks", "eks"] as const;

/** A nullable enum without null in its values: null reads as absent (see common.ts, `optionalOneOf`). */
const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === null ? undefined : v), lenientEnum(values).optional()) as unknown as z.ZodOptional<z.ZodType<T[number]>>;

/** One Kubernetes condition of the cluster. */
export const ClusterCondition = lenientObject({
  lastTransitionTime: z.string().describe("date-time: the last time the condition transitioned from one status to another."),
  message: z.string().describe("A human readable message indicating details about the transition (may be empty)."),
  observedGeneration: z.int().optional().describe("The `.metadata.generation` the condition was set based upon (int64, ≥ 0)."),
  reason: z.string().describe("A programmatic identifier of the reason for the last transition (CamelCase)."),
  status: lenientEnum(["True", "False", "Unknown"] as const).describe("True, False or Unknown."),
  type: z.string().describe("The type of condition, in CamelCase or in foo.example.com/CamelCase."),
});

/** The status of one operand (a component managed by the cluster's operator). */
export const ClusterOperandStatus = lenientObject({
  lastTransitionTime: z.string().optional().describe("date-time: the last time the operand readiness changed."),
  ready: z.boolean().describe("Whether the operand is ready."),
  reasons: z.array(z.string()).optional().describe("Why the operand is not ready."),
  unreadyThresholdCrossed: z.boolean().optional().describe("Whether the operand has been unready for longer than the threshold."),
});

/** `ClusterDependencyStatus` (recursive through `components`). */
export interface ClusterDependencyStatus {
  /** Whether the dependency is available. */
  available: boolean;
  /** The reason for the dependency status. */
  reason?: string;
  components?: Record<string, ClusterDependencyStatus>;
}
export const ClusterDependencyStatus: z.ZodType<ClusterDependencyStatus> = lenientObject({
  available: z.boolean(),
  reason: z.string().optional(),
  get components() {
    return z.record(z.string(), ClusterDependencyStatus).optional();
  },
});

/** `ClusterDisplayedStatus` (nullable) = `ClusterReportedStatus` + `state`. */
export const ClusterStatus = lenientObject({
  state: lenientEnum(CLUSTER_STATES).optional().describe("The cluster's state."),
  conditions: z.array(ClusterCondition).optional().describe("The conditions the cluster reports, e.g. whether it is available."),
  operands: z.record(z.string(), ClusterOperandStatus).optional().describe("The status of the managed operands, by name."),
  platform: lenientObject({
    type: optionalEnum(CLUSTER_PLATFORM_TYPES).describe("The cluster platform type."),
    kubeVersion: z.string().nullish().describe("The cluster's Kubernetes version."),
  })
    .nullish()
    .describe("The cluster's platform: its type and Kubernetes version."),
  config: lenientObject({
    workloadOwnershipProtection: z.boolean().nullish().describe("Whether the cluster's workload ownership protection is enabled."),
    subdomainEnabled: z.boolean().nullish().describe("Whether the cluster's subdomain is enabled."),
  })
    .nullish()
    .describe("`ClusterReportedConfig`: cluster configuration values."),
  dependencies: lenientObject({
    required: z.record(z.string(), ClusterDependencyStatus).describe("The status of the dependencies Run:ai needs, by name."),
    optional: z.record(z.string(), ClusterDependencyStatus).describe("The status of the optional dependencies, by name."),
  })
    .optional()
    .describe("`ClusterDependenciesStatus`."),
});
export type ClusterStatus = z.infer<typeof ClusterStatus>;

/** `DisplayedCluster`: a cluster as get and list return it. Required: `uuid`, `tenantId`, `name`, `createdAt`. */
export const Cluster = lenientObject({
  uuid: z.string().describe("The cluster's id (`format: uuid`): every other API's `clusterId`."),
  tenantId: z.int32().describe("The id of the tenant (int32)."),
  name: z.string().describe("The cluster's name (unique per tenant is not declared: a look-up by name must check for one match)."),
  createdAt: z.string().describe("date-time."),
  domain: z.string().nullish().describe("The cluster's URL, where its workloads are reached."),
  version: z.string().nullish().describe('The cluster\'s Run:ai version, e.g. "2.22.0".'),
  status: ClusterStatus.nullish().describe(
    "The cluster's displayed status (null accepted: declared nullable, though its `allOf` refuses null).",
  ),
  updatedAt: z.string().nullish().describe("date-time."),
  deletedAt: z.string().nullish().describe("date-time."),
  lastLiveness: z.string().nullish().describe("date-time of the cluster's last liveness report."),
  deleteRequestedAt: z.string().nullish().describe("date-time: when the cluster deletion request was received."),
});
export type Cluster = z.infer<typeof Cluster>;

/** `GET /api/v1/clusters` returns a bare array (no paging, no name filter). */
export const ClusterList = z.array(Cluster);
export type ClusterList = z.infer<typeof ClusterList>;

// ---- node pools --------------------------------------------------------------------------------------

/** `NodepoolPhase`. "Empty" (no matching nodes) is a normal steady state. */
export const NODE_POOL_PHASES = ["Creating", "Updating", "Deleting", "Empty", "Unschedulable", "Ready", "Deleted"] as const;
export type NodePoolPhase = (typeof NODE_POOL_PHASES)[number];

/** `PlacementStrategy`. */
export const PLACEMENT_STRATEGIES = ["spread", "binpack"] as const;
/** `NodepoolGPUNetworkAccelerationDetection` (contract default "Auto"). */
export const GPU_NETWORK_ACCELERATION_DETECTIONS = ["Use", "DontUse", "Auto"] as const;

/** Scheduling strategy per resource. */
const PlacementStrategy = lenientObject({
  cpu: optionalEnum(PLACEMENT_STRATEGIES).describe('How workloads are placed by their CPU: "spread" or "binpack".'),
  gpu: optionalEnum(PLACEMENT_STRATEGIES).describe('How workloads are placed by their GPUs: "spread" or "binpack".'),
});

/** `GPUResourceOptimization` (nullable). */
export const GpuResourceOptimization = lenientObject({
  swapEnabled: z.boolean().nullish().describe("Whether swap is enabled on the node pool (contract default false)."),
  cpuSwapMemorySize: z
    .string()
    .nullish()
    .describe('Size of the swap CPU memory, only with swapEnabled (a quantity; contract default "100G").'),
  reservedGpuMemoryForSwapOperations: z
    .string()
    .nullish()
    .describe('Reserved GPU memory for swap operations, only with swapEnabled (a quantity; contract default "2G").'),
  nodeLevelSchedulerEnabled: z
    .boolean()
    .nullish()
    .describe("Whether the node level scheduler is enabled (replaces the deprecated overProvisioningRatio; default false)."),
});

const nodePoolSettings = {
  overProvisioningRatio: z
    .int()
    .nullish()
    .describe("Deprecated (1..5, default 1): replaced by gpuResourceOptimization.nodeLevelSchedulerEnabled."),
  placementStrategy: PlacementStrategy.optional().describe("Scheduling strategy per resource."),
  gpuNetworkAccelerationLabelKey: z.string().optional().describe("Label key by which to determine GPUNetworkAccelerationDetection nodes."),
  gpuNetworkAccelerationDetection: optionalEnum(GPU_NETWORK_ACCELERATION_DETECTIONS).describe(
    "The strategy for GPU network acceleration detection.",
  ),
  gpuResourceOptimization: GpuResourceOptimization.nullish().describe("GPU memory swap and the node level scheduler."),
};

/** `Nodepool` = `NodepoolCreateResponseFields` + `NodepoolSyncFields` + `NodepoolCalculatedFields`. */
export const NodePool = lenientObject({
  ...nodePoolSettings,
  // NodepoolCreateResponseFields
  name: z.string().describe("The node pool's name (what a unit's `defaultNodePools` lists)."),
  labelKey: z.string().describe("Label key of the nodes associated to the node pool (with the value in labelValue)."),
  labelValue: z.string().describe("Label value of the nodes associated to the node pool (with the key in labelKey)."),
  clusterId: z.string().describe("The id of the cluster (`format: uuid`)."),
  // NodepoolSyncFields
  phase: lenientEnum(NODE_POOL_PHASES).optional().describe("Phase of the node pool."),
  phaseMessage: z.string().optional().describe("Message for the status of the node pool."),
  status: lenientObject({
    ...nodePoolSettings,
    labelKey: z.string().nullish().describe("The label key of the node pool's nodes, as the cluster applies it."),
    labelValue: z.string().nullish().describe("The label value of the node pool's nodes, as the cluster applies it."),
    gpuNetworkAccelerationDetected: z
      .boolean()
      .optional()
      .describe("Whether GPU network acceleration was detected in some of the node pool's nodes."),
    nodes: z.array(z.string()).optional().describe("The names of the node pool's nodes."),
  })
    .optional()
    .describe("What the cluster reports (`NodepoolSyncUpdateFields` + detection and nodes)."),
  // NodepoolCalculatedFields
  id: z.string().describe("The node pool id: a string (read-only; the contract's example is the number 5). Quotas refer to it."),
  tenantId: z.int32().describe("The id of the tenant (int32)."),
  clusterName: z.string().describe("The name of the node pool's cluster."),
  createdBy: z.string().describe("Who created the node pool."),
  createdAt: z.string().describe("date-time."),
  updatedBy: z.string().describe("Who last changed the node pool."),
  updatedAt: z.string().describe("date-time."),
  deletedBy: z.string().optional().describe("Who deleted the node pool."),
  deletedAt: z.string().nullish().describe("date-time."),
  isDefault: z.boolean().describe("Whether the node pool is the cluster's default (exists per cluster; never created or deleted)."),
});
export type NodePool = z.infer<typeof NodePool>;

/** `GET /api/v1/node-pools` → 200 `{nodepools}` (`nodepools` not required; no `next`). */
export const NodePoolList = lenientObject({
  nodepools: z.array(NodePool).optional(),
});
export type NodePoolList = z.infer<typeof NodePoolList>;

// ---- install information ------------------------------------------------------------------------

/** `ClusterInstallationInfoResponse`: how to install the cluster's chart for one version. */
export const ClusterInstallInfo = lenientObject({
  installationStr: z.string(),
  repositoryName: z.string(),
  chartRepoURL: z.string(),
  clientSecret: z.string(),
});
export type ClusterInstallInfo = z.infer<typeof ClusterInstallInfo>;
