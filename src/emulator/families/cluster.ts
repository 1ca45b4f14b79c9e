// The seeded cluster (/api/v1/clusters) and its node pools (/api/v1/node-pools): read-only. Any
// authenticated caller may read them; creating, changing or deleting either answers 403.
import type { EmulatorContext } from "../context";
import { forbidden, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import { SEED_AUTHOR, SEED_CLUSTER, SEED_NODE_POOLS, SEED_TIME, type NodePoolSeed } from "../state/seed";

/** A node pool of the cluster by id (or by name). */
export function nodePool(key: string, by: "id" | "name" = "id"): NodePoolSeed | undefined {
  return SEED_NODE_POOLS.find((p) => p[by] === key);
}

export function defaultNodePool(): NodePoolSeed {
  return SEED_NODE_POOLS.find((p) => p.isDefault)!;
}

/** DisplayedCluster; `verbosity=metadata` keeps the required fields only. */
function clusterToWire(verbosity: unknown): Record<string, unknown> {
  const { uuid, tenantId, name, createdAt, domain, version } = SEED_CLUSTER;
  if (verbosity === "metadata") return { uuid, tenantId, name, createdAt };
  return {
    uuid,
    tenantId,
    name,
    createdAt,
    domain,
    version,
    status: { state: "Connected", conditions: [], platform: { type: "vanilla", kubeVersion: "v1.30.4" } },
    updatedAt: SEED_TIME,
    deletedAt: null,
    lastLiveness: new Date().toISOString(),
    deleteRequestedAt: null,
  };
}

function nodePoolToWire(pool: NodePoolSeed): Record<string, unknown> {
  const placementStrategy = { cpu: "binpack", gpu: "binpack" };
  return {
    id: pool.id,
    name: pool.name,
    labelKey: pool.labelKey,
    labelValue: pool.labelValue,
    clusterId: SEED_CLUSTER.uuid,
    overProvisioningRatio: 1,
    placementStrategy,
    gpuNetworkAccelerationDetection: "Auto",
    gpuResourceOptimization: { swapEnabled: false, nodeLevelSchedulerEnabled: false },
    phase: "Ready",
    status: {
      labelKey: pool.labelKey,
      labelValue: pool.labelValue,
      placementStrategy,
      gpuNetworkAccelerationDetected: false,
      nodes: pool.nodes,
    },
    tenantId: SEED_CLUSTER.tenantId,
    clusterName: SEED_CLUSTER.name,
    createdBy: SEED_AUTHOR,
    createdAt: SEED_TIME,
    updatedBy: SEED_AUTHOR,
    updatedAt: SEED_TIME,
    deletedAt: null,
    isDefault: pool.isDefault,
  };
}

const NODE_POOL_FIELDS: Fields<NodePoolSeed> = {
  name: (p) => p.name,
  clusterId: () => SEED_CLUSTER.uuid,
  phase: () => "Ready",
  createdAt: () => SEED_TIME,
  updatedAt: () => SEED_TIME,
  gpuNetworkAccelerationDetection: () => "Auto",
  gpuNetworkAccelerationDetected: () => false,
  swapEnabled: () => false,
  nodeLevelSchedulerEnabled: () => false,
};

type Handler = (req: ApiRequest) => ApiResponse;

const CLUSTERS_PATH = "/api/v1/clusters";
const NODE_POOLS_PATH = "/api/v1/node-pools";

/** Read-only: the writes the contract declares answer 403. */
export const CLUSTERS_FAMILY = defineFamily({
  name: "clusters",
  rows: [
    { method: "GET", template: CLUSTERS_PATH, operationId: "get_clusters", handler: "listClusters" },
    { method: "POST", template: CLUSTERS_PATH, operationId: "create_cluster", handler: "clusterReadOnly" },
    { method: "GET", template: `${CLUSTERS_PATH}/{clusterUuid}`, operationId: "get_cluster_by_uuid", handler: "getCluster" },
    { method: "PUT", template: `${CLUSTERS_PATH}/{clusterUuid}`, operationId: "updateCluster", handler: "clusterReadOnly" },
    { method: "DELETE", template: `${CLUSTERS_PATH}/{clusterUuid}`, operationId: "delete_cluster", handler: "clusterReadOnly" },
  ],
  handlers: clusterHandlers,
});

export const NODE_POOLS_FAMILY = defineFamily({
  name: "node pools",
  rows: [
    { method: "GET", template: NODE_POOLS_PATH, operationId: "get_nodepools", handler: "listNodePools" },
    { method: "POST", template: NODE_POOLS_PATH, operationId: "create_nodepool", handler: "nodePoolReadOnly" },
    { method: "GET", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "get_nodepool", handler: "getNodePool" },
    { method: "PUT", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "update_nodepool", handler: "nodePoolReadOnly" },
    { method: "PATCH", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "patch_nodepool", handler: "nodePoolReadOnly" },
    { method: "DELETE", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "delete_nodepool", handler: "nodePoolReadOnly" },
  ],
  handlers: clusterHandlers,
});

export interface ClusterHandlers {
  listClusters: Handler;
  getCluster: Handler;
  clusterReadOnly: Handler;
  listNodePools: Handler;
  getNodePool: Handler;
  nodePoolReadOnly: Handler;
}

export function clusterHandlers(ctx: EmulatorContext): ClusterHandlers {
  return {
    listClusters(req) {
      return { status: 200, body: [clusterToWire(req.query.verbosity)] };
    },
    getCluster(req) {
      const id = req.params.clusterUuid;
      if (!ctx.organisation.hasCluster(id)) throw notFound(`cluster "${id}" not found`);
      return { status: 200, body: clusterToWire(req.query.verbosity) };
    },
    clusterReadOnly() {
      throw forbidden("the emulator serves one fixed cluster: clusters cannot be created, changed or deleted");
    },
    listNodePools(req) {
      const matches = filterByPredicate(req.query.filterBy, NODE_POOL_FIELDS);
      const sorted = sortItems(
        SEED_NODE_POOLS.filter((p) => matches(p)),
        req.query.sortBy,
        req.query.sortOrder,
        NODE_POOL_FIELDS,
      );
      return { status: 200, body: { nodepools: page(sorted, req.query).items.map(nodePoolToWire) } };
    },
    getNodePool(req) {
      const pool = nodePool(req.params.nodepoolId);
      if (!pool) throw notFound(`node pool "${req.params.nodepoolId}" not found`);
      return { status: 200, body: nodePoolToWire(pool) };
    },
    nodePoolReadOnly() {
      throw forbidden("the emulator's node pools are fixed: they cannot be created, changed or deleted");
    },
  };
}
