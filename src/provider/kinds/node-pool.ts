// Node pools (`/api/v1/node-pools`): the nodes of a cluster that carry one label, with their own
// scheduling settings; departments' and projects' quotas are per node pool. Name and cluster are
// fixed at creation; the rest changes in place with a PUT (which sends every setting). Writes are
// applied asynchronously: the phase reads "Creating"/"Updating" until the cluster has them.
//
// Every cluster has a `default` node pool Run:ai makes itself: a program takes it over only with
// adoptExisting, and deleting that resource leaves the node pool in place.
import type { NodePool } from "../../schemas/cluster";
import { NODE_POOL_OUTPUTS, NodePoolInputs } from "../../schemas/cluster-inputs";
import type { Json, ResourceKind } from "../kind";
import { stripNulls } from "../normalize";
import { uniqueKeyOf } from "../unique-claims";
import { isSet } from "../validation";

const LABEL_RULE = "the node label is labelKey=labelValue: give both";

export const nodePoolKind: ResourceKind<NodePool, NodePoolInputs> = {
  type: "NodePool",
  label: "Node pool",
  inputSchema: NodePoolInputs,
  outputTypes: NODE_POOL_OUTPUTS,
  validate(failures, inputs) {
    if (isSet(inputs.labelValue) && !isSet(inputs.labelKey)) failures.add(["labelKey"], `is required with labelValue (${LABEL_RULE})`);
    if (isSet(inputs.labelKey) && !isSet(inputs.labelValue)) failures.add(["labelValue"], `is required with labelKey (${LABEL_RULE})`);
  },
  creationOnly: [{ path: "name" }, { path: "clusterId" }],
  updatable: [
    // Left out, the labels stay as they are (an adopted default node pool keeps its own).
    { path: "labelKey", onlyWhenSet: true },
    { path: "labelValue", onlyWhenSet: true },
    { path: "placementStrategy", defaults: { cpu: "binpack", gpu: "binpack" } },
    { path: "overProvisioningRatio", defaults: 1 },
    { path: "gpuNetworkAccelerationLabelKey", onlyWhenSet: true },
    { path: "gpuNetworkAccelerationDetection", defaults: "Auto" },
    { path: "gpuResourceOptimization", defaults: { swapEnabled: false, nodeLevelSchedulerEnabled: false } },
  ],
  identity: {
    idOf: (pool) => pool.id,
    createdOf: (pool) => ({ by: pool.createdBy, at: pool.createdAt }),
    namePath: "name",
    location: (inputs) => `cluster ${inputs.clusterId}`,
    uniqueKey: (inputs) => uniqueKeyOf(inputs, [["clusterId"], ["name"]], ["name"], "a node pool's name is unique in its cluster"),
  },
  // The contract declares no 409 for a node pool's POST: a taken name is found by looking first.
  adoption: { findBeforeCreate: true, note: "a cluster's default node pool stays in place when the resource is deleted" },
  references: { scopeRefs: (values) => [{ path: ["clusterId"], type: "cluster", id: values.clusterId }] },
  sync: {
    statusOf: (pool) => pool.phase,
    pending: ["Creating", "Updating", "Deleting"],
    failed: [],
    deletionFailed: [],
    details: (pool) => pool.phaseMessage ?? "",
  },
  toOutputs: (pool) => ({
    name: pool.name,
    clusterId: pool.clusterId,
    labelKey: pool.labelKey,
    labelValue: pool.labelValue,
    placementStrategy: pool.placementStrategy,
    overProvisioningRatio: pool.overProvisioningRatio,
    gpuNetworkAccelerationLabelKey: pool.gpuNetworkAccelerationLabelKey || undefined,
    gpuNetworkAccelerationDetection: pool.gpuNetworkAccelerationDetection,
    gpuResourceOptimization: pool.gpuResourceOptimization,
    isDefault: pool.isDefault,
    phase: pool.phase,
    phaseMessage: pool.phaseMessage,
    nodes: pool.status?.nodes,
    clusterName: pool.clusterName,
    createdAt: pool.createdAt,
    createdBy: pool.createdBy,
  }),
  operations: {
    create: (ctx, inputs) =>
      ctx.client.nodePools.create(stripNulls({ name: inputs.name, clusterId: inputs.clusterId, ...settings(inputs, {}) })),
    findExisting: (ctx, inputs) => ctx.client.nodePools.findByName(inputs.name, inputs.clusterId),
    adopt: (ctx, existing, inputs) => ctx.client.nodePools.update(existing.id, settings(inputs, existing)),
    read: (ctx, id) => ctx.client.nodePools.get(id),
    list: (ctx) => ctx.client.nodePools.list(),
    update: (ctx, id, olds, news) => ctx.client.nodePools.update(id, settings(news, olds)),
    async delete(ctx, id, values) {
      // Run:ai made the default node pool and keeps it: the resource lets go of it, nothing more.
      const outputs: Json = values;
      if (outputs.isDefault === true) return "kept";
      await ctx.client.nodePools.delete(id);
    },
  },
};

/** The PUT body: the program's settings; labels it leaves out as the server holds them. */
function settings(inputs: NodePoolInputs, held: Json): Json {
  return stripNulls({
    labelKey: inputs.labelKey ?? held.labelKey,
    labelValue: inputs.labelValue ?? held.labelValue,
    placementStrategy: inputs.placementStrategy,
    overProvisioningRatio: inputs.overProvisioningRatio,
    gpuNetworkAccelerationLabelKey: inputs.gpuNetworkAccelerationLabelKey,
    gpuNetworkAccelerationDetection: inputs.gpuNetworkAccelerationDetection,
    gpuResourceOptimization: inputs.gpuResourceOptimization,
  });
}
