// The seeded cluster (/api/v1/clusters) and its node pools (/api/v1/node-pools): read-only. Any
// authenticated caller may read them; creating, changing or deleting either answers 403.
import type { EmulatorContext } from "../context";
import { forbidden, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest, ApiResponse } from "../http/http";
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
