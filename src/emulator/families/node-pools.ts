// Node pools (/api/v1/node-pools): each cluster's `default` (made with the cluster, never deleted)
// and those created through the API, with phases: "Creating"/"Updating" for one sync delay after a
// write, then "Ready" with nodes or "Empty" without (no nodes join here), "Deleting" for one sync
// delay after a DELETE. A node pool that a department's or project's quota names cannot be deleted.
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import { NODE_POOL_DEFAULTS, type NodePoolRecord } from "../state/cluster-table";
import type { JsonObject } from "../types";

const NODE_POOLS_PATH = "/api/v1/node-pools";
const SETTINGS = [
  "overProvisioningRatio",
  "placementStrategy",
  "gpuNetworkAccelerationLabelKey",
  "gpuNetworkAccelerationDetection",
  "gpuResourceOptimization",
] as const;

/** A new cluster's `default` node pool (UNCONFIRMED: its label, `run.ai/node-pool=default` as the seed's). */
export function defaultNodePoolOf(clusterId: string, id: string, callerId: string): NodePoolRecord {
  const now = new Date().toISOString();
  return {
    id,
    name: "default",
    clusterId,
    isDefault: true,
    labelKey: "run.ai/node-pool",
    labelValue: "default",
    settings: JSON.parse(JSON.stringify(NODE_POOL_DEFAULTS)) as JsonObject,
    nodes: [],
    createdAt: now,
    createdBy: callerId,
    updatedAt: now,
    updatedBy: callerId,
    pendingPhase: null,
    pendingUntil: 0,
    deleteAt: null,
  };
}

function phaseOf(pool: NodePoolRecord, now: number): string {
  if (pool.deleteAt !== null) return "Deleting";
  if (pool.pendingPhase && now < pool.pendingUntil) return pool.pendingPhase;
  return pool.nodes.length > 0 ? "Ready" : "Empty";
}

const NODE_POOL_FIELDS: Fields<NodePoolRecord> = {
  name: (p) => p.name,
  clusterId: (p) => p.clusterId,
  phase: (p) => phaseOf(p, Date.now()),
  createdAt: (p) => p.createdAt,
  updatedAt: (p) => p.updatedAt,
  gpuNetworkAccelerationDetection: (p) => String(p.settings.gpuNetworkAccelerationDetection ?? "Auto"),
  gpuNetworkAccelerationDetected: () => false,
  swapEnabled: (p) => Boolean((p.settings.gpuResourceOptimization as JsonObject | undefined)?.swapEnabled),
  nodeLevelSchedulerEnabled: (p) => Boolean((p.settings.gpuResourceOptimization as JsonObject | undefined)?.nodeLevelSchedulerEnabled),
};

type Handler = (req: ApiRequest) => ApiResponse;
type AsyncHandler = (req: ApiRequest) => Promise<ApiResponse>;

export const NODE_POOLS_FAMILY = defineFamily({
  name: "node pools",
  rows: [
    { method: "GET", template: NODE_POOLS_PATH, operationId: "get_nodepools", handler: "listNodePools" },
    { method: "POST", template: NODE_POOLS_PATH, operationId: "create_nodepool", handler: "createNodePool" },
    { method: "GET", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "get_nodepool", handler: "getNodePool" },
    { method: "PUT", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "update_nodepool", handler: "replaceNodePool" },
    { method: "PATCH", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "patch_nodepool", handler: "patchNodePool" },
    { method: "DELETE", template: `${NODE_POOLS_PATH}/{nodepoolId}`, operationId: "delete_nodepool", handler: "deleteNodePool" },
  ],
  handlers: nodePoolHandlers,
});

export interface NodePoolHandlers {
  listNodePools: Handler;
  createNodePool: AsyncHandler;
  getNodePool: Handler;
  replaceNodePool: AsyncHandler;
  patchNodePool: AsyncHandler;
  deleteNodePool: AsyncHandler;
}

export function nodePoolHandlers(ctx: EmulatorContext): NodePoolHandlers {
  const { store } = ctx;
  const toWire = (pool: NodePoolRecord) => nodePoolToWire(pool, store.clusters.get(pool.clusterId)?.name ?? "", ctx.organisation.tenantId);
  const existing = (id: string): NodePoolRecord => {
    const pool = store.nodePools.get(id);
    if (!pool) throw notFound(`node pool "${id}" not found`);
    return pool;
  };
  const pending = (pool: NodePoolRecord, phase: "Creating" | "Updating") => {
    pool.pendingPhase = phase;
    pool.pendingUntil = Date.now() + ctx.config.syncDelayMs;
  };
  /** PUT replaces the settings (absent ones back to their defaults); PATCH changes the ones sent. */
  const write = async (req: ApiRequest, whole: boolean): Promise<ApiResponse> => {
    const pool = existing(req.params.nodepoolId);
    if (pool.deleteAt !== null) throw notFound(`node pool "${pool.id}" is being deleted`);
    const body = req.body as JsonObject;
    if (typeof body.labelKey === "string") pool.labelKey = body.labelKey;
    if (typeof body.labelValue === "string") pool.labelValue = body.labelValue;
    pool.settings = { ...(whole ? NODE_POOL_DEFAULTS : pool.settings), ...settingsIn(body) };
    pool.updatedAt = new Date().toISOString();
    pool.updatedBy = req.callerId;
    pending(pool, "Updating");
    await ctx.commit();
    return { status: 200, body: toWire(pool) };
  };
  return {
    listNodePools(req) {
      const matches = filterByPredicate(req.query.filterBy, NODE_POOL_FIELDS);
      const sorted = sortItems(
        store.nodePools.all().filter((p) => matches(p)),
        req.query.sortBy,
        req.query.sortOrder,
        NODE_POOL_FIELDS,
      );
      return { status: 200, body: { nodepools: page(sorted, req.query).items.map(toWire) } };
    },
    async createNodePool(req) {
      const body = req.body as JsonObject;
      const clusterId = body.clusterId as string;
      const name = body.name as string;
      if (!store.clusters.get(clusterId)) throw badRequest(`clusterId: cluster "${clusterId}" does not exist`);
      // UNCONFIRMED: the contract declares no 409; names are unique per cluster in the UI.
      if (store.nodePools.inCluster(clusterId).some((p) => p.name === name)) {
        throw conflict(`node pool named "${name}" already exists in cluster ${clusterId}`);
      }
      const now = new Date().toISOString();
      const pool: NodePoolRecord = {
        ...defaultNodePoolOf(clusterId, String(store.takeId("nodePool")), req.callerId),
        name,
        isDefault: false,
        labelKey: body.labelKey as string,
        labelValue: body.labelValue as string,
        settings: { ...NODE_POOL_DEFAULTS, ...settingsIn(body) },
        createdAt: now,
        updatedAt: now,
      };
      pending(pool, "Creating");
      store.nodePools.insert(pool);
      await ctx.commit();
      return { status: 201, body: toWire(pool) };
    },
    getNodePool(req) {
      return { status: 200, body: toWire(existing(req.params.nodepoolId)) };
    },
    replaceNodePool: (req) => write(req, true),
    patchNodePool: (req) => write(req, false),
    async deleteNodePool(req) {
      const pool = existing(req.params.nodepoolId);
      if (pool.isDefault) throw badRequest(`node pool "${pool.name}" is its cluster's default: it cannot be deleted`);
      const users = [...store.orgUnits.allDepartments(), ...store.orgUnits.allProjects()].filter(
        (unit) => unit.clusterId === pool.clusterId && unit.resources.some((entry) => entry.nodePool.id === pool.id),
      );
      // UNCONFIRMED: the contract declares 400 and no reason; a quota would name a pool that is gone.
      if (users.length > 0) {
        throw badRequest(`node pool "${pool.name}" is still used by the quotas of ${users.map((u) => `"${u.name}"`).join(", ")}`);
      }
      pool.deleteAt ??= Date.now() + ctx.config.syncDelayMs;
      await ctx.commit();
      return { status: 202, body: { code: 202, message: "Request has been accepted." } };
    },
  };
}

function settingsIn(body: JsonObject): JsonObject {
  return Object.fromEntries(SETTINGS.filter((key) => body[key] !== undefined && body[key] !== null).map((key) => [key, body[key]]));
}

function nodePoolToWire(pool: NodePoolRecord, clusterName: string, tenantId: number): JsonObject {
  const { settings } = pool;
  return {
    id: pool.id,
    name: pool.name,
    labelKey: pool.labelKey,
    labelValue: pool.labelValue,
    clusterId: pool.clusterId,
    ...settings,
    phase: phaseOf(pool, Date.now()),
    status: {
      labelKey: pool.labelKey,
      labelValue: pool.labelValue,
      placementStrategy: settings.placementStrategy,
      gpuNetworkAccelerationDetected: false,
      nodes: pool.nodes,
    },
    tenantId,
    clusterName,
    createdBy: pool.createdBy,
    createdAt: pool.createdAt,
    updatedBy: pool.updatedBy,
    updatedAt: pool.updatedAt,
    deletedAt: null,
    isDefault: pool.isDefault,
  };
}
