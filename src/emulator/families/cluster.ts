// Clusters (/api/v1/clusters): registered (with their default node pool), renamed and deleted
// (gracefully or by force), with a client secret and install information per version; the seeded
// one stays. Node pools are in node-pools.ts.
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound } from "../http/errors";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import { newClientSecret, type ClusterRecord } from "../state/cluster-table";
import { defaultNodePoolOf } from "./node-pools";

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

type Handler = (req: ApiRequest) => ApiResponse;
type AsyncHandler = (req: ApiRequest) => Promise<ApiResponse>;

const CLUSTERS_PATH = "/api/v1/clusters";

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

export interface ClusterHandlers {
  listClusters: Handler;
  createCluster: Handler | AsyncHandler;
  getCluster: Handler;
  renameCluster: Handler | AsyncHandler;
  deleteCluster: Handler | AsyncHandler;
  clusterInstallInfo: Handler;
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
      ctx.store.nodePools.insert(defaultNodePoolOf(cluster.uuid, String(ctx.store.takeId("nodePool")), req.callerId));
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
      // Its node pools go with it (at once: nothing can use them without projects).
      for (const pool of ctx.store.nodePools.inCluster(cluster.uuid)) ctx.store.nodePools.remove(pool.id);
      await ctx.commit();
      return force ? { status: 204 } : { status: 202, body: { code: 202, message: "Request has been accepted." } };
    },
    clusterInstallInfo(req) {
      const cluster = existing(req.params.clusterUuid);
      const version = String(req.query.version);
      if (!/^\d+\.\d+(\.\d+)?$/.test(version)) throw badRequest(`version: "${version}" is not a Run:ai version`);
      return { status: 200, body: installInfo(cluster, version, req.query.remoteClusterUrl) };
    },
  };
}
