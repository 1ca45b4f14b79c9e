// Typed endpoints for the look-ups of clusters (`/api/v1/clusters`) and node pools
// (`/api/v1/node-pools`): quotas and access rules refer to them by id.
import { Cluster, ClusterList, NodePool, NodePoolList } from "../schemas/cluster";
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
    return this.transport.request({ method: "GET", path: `${CLUSTERS_PATH}/${encodeURIComponent(uuid)}`, schema: Cluster });
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

  /** The node pool named exactly `name` in the cluster, or undefined. */
  async findByName(name: string, clusterId: string): Promise<NodePool | undefined> {
    const pools = await this.list({ name, clusterId });
    return pools.find((pool) => pool.name === name && pool.clusterId === clusterId);
  }
}
