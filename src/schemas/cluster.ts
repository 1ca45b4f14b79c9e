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
  /** date-time: the last time the condition transitioned from one status to another. */
  lastTransitionTime: z.string(),
  /** A human readable message indicating details about the transition (may be empty). */
  message: z.string(),
  /** The `.metadata.generation` the condition was set based upon (int64, ≥ 0). */
  observedGeneration: z.int().optional(),
  /** A programmatic identifier of the reason for the last transition (CamelCase). */
  reason: z.string(),
  /** True, False or Unknown. */
  status: lenientEnum(["True", "False", "Unknown"] as const),
  /** The type of condition, in CamelCase or in foo.example.com/CamelCase. */
  type: z.string(),
});

/** The status of one operand (a component managed by the cluster's operator). */
export const ClusterOperandStatus = lenientObject({
  /** date-time: the last time the operand readiness changed. */
  lastTransitionTime: z.string().optional(),
  /** Whether the operand is ready. */
  ready: z.boolean(),
  /** Why the operand is not ready. */
  reasons: z.array(z.string()).optional(),
  /** Whether the operand has been unready for longer than the threshold. */
  unreadyThresholdCrossed: z.boolean().optional(),
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
  /** The cluster's state. */
  state: lenientEnum(CLUSTER_STATES).optional(),
  conditions: z.array(ClusterCondition).optional(),
  /** The status of the managed operands, by name. */
  operands: z.record(z.string(), ClusterOperandStatus).optional(),
  platform: lenientObject({
    /** The cluster platform type. */
    type: optionalEnum(CLUSTER_PLATFORM_TYPES),
    /** The cluster's Kubernetes version. */
    kubeVersion: z.string().nullish(),
  }).nullish(),
  /** `ClusterReportedConfig`: cluster configuration values. */
  config: lenientObject({
    /** Whether the cluster's workload ownership protection is enabled. */
    workloadOwnershipProtection: z.boolean().nullish(),
    /** Whether the cluster's subdomain is enabled. */
    subdomainEnabled: z.boolean().nullish(),
  }).nullish(),
  /** `ClusterDependenciesStatus`. */
  dependencies: lenientObject({
    required: z.record(z.string(), ClusterDependencyStatus),
    optional: z.record(z.string(), ClusterDependencyStatus),
  }).optional(),
});
export type ClusterStatus = z.infer<typeof ClusterStatus>;

/** `DisplayedCluster`: a cluster as get and list return it. Required: `uuid`, `tenantId`, `name`, `createdAt`. */
export const Cluster = lenientObject({
  /** The cluster's id (`format: uuid`): every other API's `clusterId`. */
  uuid: z.string(),
  /** The id of the tenant (int32). */
  tenantId: z.int32(),
  /** The cluster's name (unique per tenant is not declared: a look-up by name must check for one match). */
  name: z.string(),
  /** date-time. */
  createdAt: z.string(),
  domain: z.string().nullish(),
  /** The cluster's Run:ai version, e.g. "2.22.0". */
  version: z.string().nullish(),
  /** The cluster's displayed status (null accepted: declared nullable, though its `allOf` refuses null). */
  status: ClusterStatus.nullish(),
  /** date-time. */
  updatedAt: z.string().nullish(),
  /** date-time. */
  deletedAt: z.string().nullish(),
  /** date-time of the cluster's last liveness report. */
  lastLiveness: z.string().nullish(),
  /** date-time: when the cluster deletion request was received. */
  deleteRequestedAt: z.string().nullish(),
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
  cpu: optionalEnum(PLACEMENT_STRATEGIES),
  gpu: optionalEnum(PLACEMENT_STRATEGIES),
});

/** `GPUResourceOptimization` (nullable). */
export const GpuResourceOptimization = lenientObject({
  /** Whether swap is enabled on the node pool (contract default false). */
  swapEnabled: z.boolean().nullish(),
  /** Size of the swap CPU memory, only with swapEnabled (a quantity; contract default "100G"). */
  cpuSwapMemorySize: z.string().nullish(),
  /** Reserved GPU memory for swap operations, only with swapEnabled (a quantity; contract default "2G"). */
  reservedGpuMemoryForSwapOperations: z.string().nullish(),
  /** Whether the node level scheduler is enabled (replaces the deprecated overProvisioningRatio; default false). */
  nodeLevelSchedulerEnabled: z.boolean().nullish(),
});

const nodePoolSettings = {
  /** Deprecated (1..5, default 1): replaced by gpuResourceOptimization.nodeLevelSchedulerEnabled. */
  overProvisioningRatio: z.int().nullish(),
  /** Scheduling strategy per resource. */
  placementStrategy: PlacementStrategy.optional(),
  /** Label key by which to determine GPUNetworkAccelerationDetection nodes. */
  gpuNetworkAccelerationLabelKey: z.string().optional(),
  /** The strategy for GPU network acceleration detection. */
  gpuNetworkAccelerationDetection: optionalEnum(GPU_NETWORK_ACCELERATION_DETECTIONS),
  gpuResourceOptimization: GpuResourceOptimization.nullish(),
};

/** `Nodepool` = `NodepoolCreateResponseFields` + `NodepoolSyncFields` + `NodepoolCalculatedFields`. */
export const NodePool = lenientObject({
  ...nodePoolSettings,
  // NodepoolCreateResponseFields
  /** The node pool's name (what a unit's `defaultNodePools` lists). */
  name: z.string(),
  /** Label key of the nodes associated to the node pool (with the value in labelValue). */
  labelKey: z.string(),
  /** Label value of the nodes associated to the node pool (with the key in labelKey). */
  labelValue: z.string(),
  /** The id of the cluster (`format: uuid`). */
  clusterId: z.string(),
  // NodepoolSyncFields
  /** Phase of the node pool. */
  phase: lenientEnum(NODE_POOL_PHASES).optional(),
  /** Message for the status of the node pool. */
  phaseMessage: z.string().optional(),
  /** What the cluster reports (`NodepoolSyncUpdateFields` + detection and nodes). */
  status: lenientObject({
    ...nodePoolSettings,
    labelKey: z.string().nullish(),
    labelValue: z.string().nullish(),
    /** Whether GPU network acceleration was detected in some of the node pool's nodes. */
    gpuNetworkAccelerationDetected: z.boolean().optional(),
    /** The names of the node pool's nodes. */
    nodes: z.array(z.string()).optional(),
  }).optional(),
  // NodepoolCalculatedFields
  /** The node pool id: a string (read-only; the contract's example is the number 5). Quotas refer to it. */
  id: z.string(),
  /** The id of the tenant (int32). */
  tenantId: z.int32(),
  clusterName: z.string(),
  createdBy: z.string(),
  /** date-time. */
  createdAt: z.string(),
  updatedBy: z.string(),
  /** date-time. */
  updatedAt: z.string(),
  deletedBy: z.string().optional(),
  /** date-time. */
  deletedAt: z.string().nullish(),
  /** Whether the node pool is the cluster's default (exists per cluster; never created or deleted). */
  isDefault: z.boolean(),
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
