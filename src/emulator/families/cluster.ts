// Clusters (/api/v1/clusters): registered, renamed and deleted (gracefully or by force), with a
// client secret and install information per version; the seeded one stays. Its node pools
// (/api/v1/node-pools) are read-only: creating, changing or deleting one answers 403.
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import { newClientSecret, type ClusterRecord } from "../state/cluster-table";
import { SEED_AUTHOR, SEED_CLUSTER, SEED_NODE_POOLS, SEED_TIME, type NodePoolSeed } from "../state/seed";

/** A node pool of the cluster by id (or by name). */
export function nodePool(key: string, by: "id" | "name" = "id"): NodePoolSeed | undefined {
  return SEED_NODE_POOLS.find((p) => p[by] === key);
}

export function defaultNodePool(): NodePoolSeed {
  return SEED_NODE_POOLS.find((p) => p.isDefault)!;
}

/** DisplayedCluster; `verbosity=metadata` keeps the required fields only. */
function clusterToWire(cluster: ClusterRecord, tenantId: number, verbosity: unknown): Record<string, unknown> {
  const { uuid, name, createdAt } = cluster;
  if (verbosity === "metadata") return { uuid, tenantId, name, createdAt };
  const connected = cluster.state === "Connected";
  return {
    uuid,
    tenantId,
    name,
    createdAt,
    domain: cluster.domain,
    version: cluster.version,
    status:
      cluster.state === null
        ? null
        : { state: cluster.state, conditions: [], ...(connected ? { platform: { type: "vanilla", kubeVersion: "v1.30.4" } } : {}) },
    updatedAt: cluster.updatedAt,
    deletedAt: null,
    lastLiveness: connected ? new Date().toISOString() : null,
    deleteRequestedAt: cluster.deleteRequestedAt,
  };
}

/** `ClusterInstallationInfoResponse` for a version: the chart and the command that installs it. */
function installInfo(cluster: ClusterRecord, version: string, remoteClusterUrl: unknown): Record<string, unknown> {
  const url = typeof remoteClusterUrl === "string" ? ` --set cluster.url=${remoteClusterUrl}` : "";
  return {
    chartRepoURL: CHART_REPO_URL,
    repositoryName: "runai",
    clientSecret: cluster.clientSecret,
    installationStr:
      `helm repo add runai ${CHART_REPO_URL} && helm repo update && helm upgrade -i runai-cluster runai/runai-cluster ` +
      `-n runai --create-namespace --version "${version}" --set controlPlane.clientSecret=${cluster.clientSecret} ` +
      `--set cluster.uid=${cluster.uuid}${url}`,
  };
}

const CHART_REPO_URL = "https://runai.jfrog.io/artifactory/cp-charts-prod";

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
type AsyncHandler = (req: ApiRequest) => Promise<ApiResponse>;

const CLUSTERS_PATH = "/api/v1/clusters";
const NODE_POOLS_PATH = "/api/v1/node-pools";

export const CLUSTERS_FAMILY = defineFamily({
  name: "clusters",
  rows: [
    { method: "GET", template: CLUSTERS_PATH, operationId: "get_clusters", handler: "listClusters" },
    { method: "POST", template: CLUSTERS_PATH, operationId: "create_cluster", handler: "createCluster" },
    { method: "GET", template: `${CLUSTERS_PATH}/{clusterUuid}`, operationId: "get_cluster_by_uuid", handler: "getCluster" },
    { method: "PUT", template: `${CLUSTERS_PATH}/{clusterUuid}`, operationId: "updateCluster", handler: "renameCluster" },
    { method: "DELETE", template: `${CLUSTERS_PATH}/{clusterUuid}`, operationId: "delete_cluster", handler: "deleteCluster" },
    {
      method: "GET",
      template: `${CLUSTERS_PATH}/{clusterUuid}/cluster-install-info`,
      operationId: "get_cluster_install_info_by_uuid",
      handler: "clusterInstallInfo",
    },
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
  createCluster: Handler | AsyncHandler;
  getCluster: Handler;
  renameCluster: Handler | AsyncHandler;
  deleteCluster: Handler | AsyncHandler;
  clusterInstallInfo: Handler;
  listNodePools: Handler;
  getNodePool: Handler;
  nodePoolReadOnly: Handler;
}

export function clusterHandlers(ctx: EmulatorContext): ClusterHandlers {
  const tenantId = ctx.organisation.tenantId;
  const existing = (uuid: string): ClusterRecord => {
    const cluster = ctx.store.clusters.get(uuid);
    if (!cluster) throw notFound(`cluster "${uuid}" not found`);
    return cluster;
  };
  return {
    listClusters(req) {
      const listed = ctx.store.clusters.all().filter((c) => c.deleteRequestedAt === null || req.query.includeRequestedForDelete === true);
      return { status: 200, body: listed.map((c) => clusterToWire(c, tenantId, req.query.verbosity)) };
    },
    async createCluster(req) {
      const { name, domain, version } = req.body as { name: string; domain?: string; version?: string };
      // UNCONFIRMED: the contract declares no 409, and says nothing of names being unique.
      if (ctx.store.clusters.all().some((c) => c.name === name)) throw conflict(`a cluster named "${name}" already exists`);
      const now = new Date().toISOString();
      const cluster: ClusterRecord = {
        uuid: randomUUID(),
        name,
        domain: domain ?? null,
        version: version ?? null,
        createdAt: now,
        updatedAt: now,
        clientSecret: newClientSecret(),
        state: "WaitingToConnect",
        deleteRequestedAt: null,
        deleteAt: null,
      };
      ctx.store.clusters.insert(cluster);
      await ctx.commit();
      return { status: 201, body: clusterToWire(cluster, tenantId, undefined) };
    },
    getCluster(req) {
      return { status: 200, body: clusterToWire(existing(req.params.clusterUuid), tenantId, req.query.verbosity) };
    },
    async renameCluster(req) {
      const cluster = existing(req.params.clusterUuid);
      const { name } = req.body as { name: string };
      if (ctx.store.clusters.all().some((c) => c.name === name && c.uuid !== cluster.uuid)) {
        throw conflict(`a cluster named "${name}" already exists`);
      }
      cluster.name = name;
      cluster.updatedAt = new Date().toISOString();
      await ctx.commit();
      return { status: 204 };
    },
    async deleteCluster(req) {
      const cluster = existing(req.params.clusterUuid);
      // UNCONFIRMED: the contract declares no refusal; a cluster's projects would lose their namespaces.
      const projects = ctx.store.orgUnits.allProjects().filter((p) => p.clusterId === cluster.uuid);
      if (projects.length > 0) {
        throw conflict(
          `cluster "${cluster.name}" still has projects (${projects.map((p) => `"${p.name}"`).join(", ")}): delete them first`,
        );
      }
      const force = req.query.force === true;
      // Graceful: the agent of a connected cluster cleans up first (one sync delay); nobody else can.
      if (!force && cluster.state === "Connected") {
        cluster.deleteRequestedAt ??= new Date().toISOString();
        cluster.deleteAt ??= Date.now() + ctx.config.syncDelayMs;
      } else {
        ctx.store.clusters.remove(cluster.uuid);
      }
      await ctx.commit();
      return force ? { status: 204 } : { status: 202, body: { code: 202, message: "Request has been accepted." } };
    },
    clusterInstallInfo(req) {
      const cluster = existing(req.params.clusterUuid);
      const version = String(req.query.version);
      if (!/^\d+\.\d+(\.\d+)?$/.test(version)) throw badRequest(`version: "${version}" is not a Run:ai version`);
      return { status: 200, body: installInfo(cluster, version, req.query.remoteClusterUrl) };
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
