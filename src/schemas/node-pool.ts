// A node pool as a program declares it: `NodepoolCreateFields` (name and cluster fixed at creation)
// and `NodepoolUpdateFields` (everything else, changed in place by a PUT). The response shape is
// `NodePool` in cluster.ts.
import { z } from "zod";
import { GPU_NETWORK_ACCELERATION_DETECTIONS, PLACEMENT_STRATEGIES } from "./cluster";
import { Uuid } from "./common";

const strategy = z.enum(PLACEMENT_STRATEGIES);

export const NodePoolInputs = z.strictObject({
  name: z.string().min(1).describe("The node pool's name, unique in its cluster; defaults to the resource name; a change replaces it."),
  clusterId: Uuid.describe("The cluster's uuid (a Cluster's uuid, or getCluster's); a change replaces the node pool."),
  labelKey: z.string().min(1).optional().describe("The key of the node label that puts nodes in the pool (with labelValue)."),
  labelValue: z.string().min(1).optional().describe("The value of that node label (with labelKey)."),
  placementStrategy: z
    .strictObject({
      cpu: strategy.optional().describe('How CPU workloads are placed: "binpack" (default) or "spread".'),
      gpu: strategy.optional().describe('How GPU workloads are placed: "binpack" (default) or "spread".'),
    })
    .optional()
    .describe("The scheduling strategy per resource."),
  overProvisioningRatio: z
    .int()
    .min(1)
    .max(5)
    .optional()
    .describe(
      "GPU over-provisioning ratio, 1 to 5 (default 1); deprecated by Run:ai for gpuResourceOptimization.nodeLevelSchedulerEnabled.",
    ),
  gpuNetworkAccelerationLabelKey: z
    .string()
    .min(1)
    .optional()
    .describe("The node label key by which GPU network acceleration is detected."),
  gpuNetworkAccelerationDetection: z
    .enum(GPU_NETWORK_ACCELERATION_DETECTIONS)
    .optional()
    .describe('GPU network acceleration detection: "Use", "DontUse" or "Auto" (default).'),
  gpuResourceOptimization: z
    .strictObject({
      swapEnabled: z.boolean().optional().describe("Whether GPU memory swap is enabled (default false)."),
      cpuSwapMemorySize: z.string().min(1).optional().describe('The CPU memory for swap, with swapEnabled (a quantity, e.g. "100G").'),
      reservedGpuMemoryForSwapOperations: z
        .string()
        .min(1)
        .optional()
        .describe('The GPU memory reserved for swap operations, with swapEnabled (a quantity, e.g. "2G").'),
      nodeLevelSchedulerEnabled: z.boolean().optional().describe("Whether the node level scheduler is enabled (default false)."),
    })
    .optional()
    .describe("GPU resource optimization settings."),
});
export type NodePoolInputs = z.infer<typeof NodePoolInputs>;

/** The outputs of a NodePool beyond its inputs. */
export const NODE_POOL_OUTPUTS = {
  isDefault: z.boolean().describe("Whether this is the cluster's default node pool (Run:ai makes it; deleting the resource leaves it)."),
  phase: z.string().describe("The node pool's phase as Run:ai reports it, e.g. Ready or Empty (no nodes)."),
  phaseMessage: z.string().describe("Run:ai's message about the phase."),
  nodes: z.array(z.string()).describe("The names of the node pool's nodes."),
  clusterName: z.string().describe("The name of the node pool's cluster."),
  createdAt: z.string().describe("When the node pool was created."),
  createdBy: z.string().describe("Who created the node pool."),
};
