// Typed endpoints for clusters (`/api/v1/clusters`) and node pools (`/api/v1/node-pools`): quotas
// and access rules refer to them by id.
import { Cluster, ClusterInstallInfo, ClusterList, NodePool, NodePoolList } from "../schemas/cluster";
import { createWithRecovery } from "./create-recovery";
import type { HttpTransport } from "./http";
import { CLUSTERS_PATH, filterBy, NODE_POOLS_PATH, readAllPages } from "./org";

export class ClustersEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /** `GET /api/v1/clusters`: every cluster (a bare array; no paging, no name filter). */
  async list(): Promise<Cluster[]> {
    return this.transport.request({ method: "GET", path: CLUSTERS_PATH, schema: ClusterList });
  }

  /** `GET /api/v1/clusters/{clusterUuid}`. A missing cluster throws RunaiNotFoundError. */
  async get(uuid: string): Promise<Cluster> {
    return this.transport.request({ method: "GET", path: this.itemPath(uuid), schema: Cluster });
  }

  /**
   * `POST /api/v1/clusters` (201 DisplayedCluster). The contract declares no 409, so after an
   * uncertain outcome the cluster is looked up by exact name before the POST is re-sent.
   */
  async create(request: { name: string; domain?: string; version?: string }): Promise<Cluster> {
    return createWithRecovery<Cluster>({
      transport: this.transport,
      method: "POST",
      path: CLUSTERS_PATH,
      post: () => this.transport.request({ method: "POST", path: CLUSTERS_PATH, body: request, schema: Cluster, retry: false }),
      lookup: () => this.findByName(request.name),
    });
  }

  /** The cluster named exactly `name`, or undefined. */
  async findByName(name: string): Promise<Cluster | undefined> {
    return (await this.list()).find((cluster) => cluster.name === name);
  }

  /** `PUT /api/v1/clusters/{clusterUuid}` `{name}` (204): the name is all a cluster's PUT changes. */
  async rename(uuid: string, name: string): Promise<void> {
    await this.transport.request({ method: "PUT", path: this.itemPath(uuid), body: { name } });
  }

  /**
   * `DELETE /api/v1/clusters/{clusterUuid}?force=…`: 202 starts the graceful deletion (the cluster
   * is gone once its agent has cleaned up), 204 when forced.
   */
  async delete(uuid: string, force: boolean): Promise<void> {
    await this.transport.request({ method: "DELETE", path: this.itemPath(uuid), query: { force } });
  }

  /**
   * `GET /api/v1/clusters/{clusterUuid}/cluster-install-info?version=…[&remoteClusterUrl=…]`: the
   * chart repository, install command and client secret (which joins the redacted values).
   */
  async installInfo(uuid: string, version: string, remoteClusterUrl?: string): Promise<ClusterInstallInfo> {
    const info = await this.transport.request({
      method: "GET",
      path: `${this.itemPath(uuid)}/cluster-install-info`,
      query: { version, remoteClusterUrl },
      schema: ClusterInstallInfo,
    });
    this.transport.redactor.add(info.clientSecret);
    return info;
  }

  private itemPath(uuid: string): string {
    return `${CLUSTERS_PATH}/${encodeURIComponent(uuid)}`;
  }
}

/** Node pool list filters, sent as `filterBy` terms (`field==value`). */
export interface NodePoolListFilter {
  clusterId?: string;
  name?: string;
}

export class NodePoolsEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /**
   * `GET /api/v1/node-pools?filterBy=…&offset=…&limit=500`, every page. The answer carries no `next`
   * nor total, so a page shorter than the limit is the last.
   */
  async list(filter: NodePoolListFilter = {}): Promise<NodePool[]> {
    const terms = filterBy([
      ["name", filter.name],
      ["clusterId", filter.clusterId],
    ]);
    return readAllPages("GET", NODE_POOLS_PATH, async (offset, limit) => {
      const page = await this.transport.request({
        method: "GET",
        path: NODE_POOLS_PATH,
        query: { filterBy: terms, offset, limit },
        schema: NodePoolList,
      });
      const items = page.nodepools ?? [];
      return { items, more: items.length >= limit };
    });
  }

  /** `GET /api/v1/node-pools/{nodepoolId}`. A missing node pool throws RunaiNotFoundError. */
  async get(id: string): Promise<NodePool> {
    return this.transport.request({ method: "GET", path: `${NODE_POOLS_PATH}/${encodeURIComponent(id)}`, schema: NodePool });
  }

  /**
   * `POST /api/v1/node-pools` (201 Nodepool). The contract declares no 409, so after an uncertain
   * outcome the node pool is looked up by exact name in its cluster before the POST is re-sent.
   */
  async create(request: { name: string; clusterId: string } & Record<string, unknown>): Promise<NodePool> {
    return createWithRecovery<NodePool>({
      transport: this.transport,
      method: "POST",
      path: NODE_POOLS_PATH,
      post: () => this.transport.request({ method: "POST", path: NODE_POOLS_PATH, body: request, schema: NodePool, retry: false }),
      lookup: () => this.findByName(request.name, request.clusterId),
    });
  }

  /** `PUT /api/v1/node-pools/{nodepoolId}` (200 Nodepool): every updatable field, absent ones back to their defaults. */
  async update(id: string, body: Record<string, unknown>): Promise<NodePool> {
    return this.transport.request({ method: "PUT", path: `${NODE_POOLS_PATH}/${encodeURIComponent(id)}`, body, schema: NodePool });
  }

  /** `DELETE /api/v1/node-pools/{nodepoolId}` (202 or 204). */
  async delete(id: string): Promise<void> {
    await this.transport.request({ method: "DELETE", path: `${NODE_POOLS_PATH}/${encodeURIComponent(id)}` });
  }

  /** The node pool named exactly `name` in the cluster, or undefined. */
  async findByName(name: string, clusterId: string): Promise<NodePool | undefined> {
    const pools = await this.list({ name, clusterId });
    return pools.find((pool) => pool.name === name && pool.clusterId === clusterId);
  }
}
