// A cluster and a node pool as a program declares them. Cluster: `ClusterCreationRequest` plus the
// deletion mode. Node pool: `NodepoolCreateFields` (name and cluster fixed at creation) and
// `NodepoolUpdateFields` (everything else, changed in place by a PUT). The response shapes are in
// cluster.ts.
import { z } from "zod";
import { GPU_NETWORK_ACCELERATION_DETECTIONS, PLACEMENT_STRATEGIES } from "./cluster";
import { HOSTNAME_PATTERN, Uuid } from "./common";

/**
 * The contract declares no pattern for a cluster name (`ClusterCreationRequest.name` is a string):
 * UNCONFIRMED, a Kubernetes-style name, as the Run:ai UI asks for.
 */
export const CLUSTER_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const CLUSTER_NAME_RULE = "must be 1 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit";
/** A Run:ai version: "2.22" or "2.22.0" (the contract's examples). */
export const CLUSTER_VERSION_PATTERN = /^\d+\.\d+(\.\d+)?$/;
/** A domain, optionally with a port: the cluster URL is "https://" + domain. */
const DOMAIN_PATTERN = new RegExp(`^(?:${HOSTNAME_PATTERN.source.slice(1, -1)})(?::\\d{1,5})?$`, "i");

const matching = (pattern: RegExp, rule: string) =>
  z.string().check((ctx) => {
    if (!pattern.test(ctx.value))
      ctx.issues.push({ code: "custom", input: ctx.value, message: `${rule}, got ${JSON.stringify(ctx.value)}` });
  });

/** `ClusterCreationRequest` plus the deletion mode, as a program writes it. */
export const ClusterInputs = z.strictObject({
  name: matching(CLUSTER_NAME_PATTERN, CLUSTER_NAME_RULE).describe(
    "The cluster's name in Run:ai; defaults to the resource name and changes in place.",
  ),
  domain: matching(DOMAIN_PATTERN, "must be a host name (optionally with :port), without scheme or path")
    .optional()
    .describe('The domain the cluster is reached at, e.g. "gpu.example.com" (its URL is https://<domain>); a change replaces the cluster.'),
  version: matching(CLUSTER_VERSION_PATTERN, 'must be a Run:ai version such as "2.22" or "2.22.0"')
    .optional()
    .describe("The Run:ai version the cluster installs, which the install information is for; a change replaces the cluster."),
  forceDelete: z
    .boolean()
    .optional()
    .describe("Delete at once (force) instead of the graceful deletion Run:ai performs with the cluster; default false."),
});
export type ClusterInputs = z.infer<typeof ClusterInputs>;

/** The outputs of a Cluster beyond its inputs, with their meaning. */
export const CLUSTER_OUTPUTS = {
  uuid: z.string().describe("The cluster's id (a UUID): every other kind's clusterId."),
  status: z
    .object({
      state: z.string().optional().describe("The cluster's state as Run:ai reports it, e.g. WaitingToConnect or Connected."),
      conditions: z
        .array(z.record(z.string(), z.unknown()))
        .optional()
        .describe("The cluster's Kubernetes conditions as Run:ai reports them."),
    })
    .describe("The cluster's state and conditions as Run:ai reports them (absent before it ever connected)."),
  createdAt: z.string().describe("When the cluster was registered."),
  chartRepoUrl: z.string().describe("The Helm chart repository of the cluster chart, for the version."),
  repositoryName: z.string().describe("The name the install command gives that repository."),
  installCommand: z
    .string()
    .describe("The install command Run:ai gives for the version: a Pulumi secret, since it holds the client secret."),
  clientSecret: z.string().describe("The secret the cluster authenticates with: a Pulumi secret."),
  helmValues: z
    .object({
      controlPlane: z
        .object({
          url: z.string().describe("The tenant URL the provider talks to, which the cluster connects to."),
          clientSecret: z.string().describe("The cluster's client secret."),
        })
        .describe("Where the cluster's agent connects and with which secret."),
      cluster: z
        .object({
          uid: z.string().describe("The cluster's uuid."),
          url: z.string().optional().describe("https://<domain>, when the cluster has a domain."),
        })
        .describe("Which cluster this is and where it is reached."),
    })
    .describe(
      "The runai-cluster chart's values (control-plane URL and client secret, cluster uid and URL), ready for a Helm release: a Pulumi secret.",
    ),
};

// ---- a node pool ------------------------------------------------------------------------------------

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
