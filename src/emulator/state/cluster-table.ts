// The clusters and their node pools: the seeded ones and those made through the API. A cluster's
// client secret is generated at registration; its state is what its agent would report (set through
// the admin API), and a graceful deletion of a connected cluster ends after the sync delay.
import { randomBytes } from "node:crypto";
import { SEED_AUTHOR, SEED_CLUSTER, SEED_NODE_POOLS, SEED_TIME } from "./seed";

/** `ClusterDisplayedStatus.state`, or null for a cluster that never reported (no status at all). */
export const CLUSTER_STATE_NAMES = [
  "WaitingToConnect",
  "Connected",
  "Disconnected",
  "MissingPrerequisites",
  "ServiceIssues",
  "Unknown",
] as const;
export type ClusterStateName = (typeof CLUSTER_STATE_NAMES)[number];

export interface ClusterRecord {
  uuid: string;
  name: string;
  domain: string | null;
  version: string | null;
  createdAt: string;
  updatedAt: string;
  clientSecret: string;
  state: ClusterStateName | null;
  /** When a graceful deletion was requested; the cluster is gone at `deleteAt` (epoch ms). */
  deleteRequestedAt: string | null;
  deleteAt: number | null;
}

export const newClientSecret = (): string => randomBytes(24).toString("base64url");

function seedCluster(): ClusterRecord {
  return {
    ...SEED_CLUSTER,
    updatedAt: SEED_TIME,
    clientSecret: "seeded-cluster-client-secret",
    state: "Connected",
    deleteRequestedAt: null,
    deleteAt: null,
  };
}

export class ClusterTable {
  private readonly byId = new Map<string, ClusterRecord>();

  constructor(private readonly clock: () => number) {}

  /** The cluster, unless its deletion has finished (those are dropped on the way). */
  get(uuid: string): ClusterRecord | undefined {
    this.purgeDeleted();
    return this.byId.get(uuid);
  }

  all(): ClusterRecord[] {
    this.purgeDeleted();
    return [...this.byId.values()];
  }

  insert(record: ClusterRecord): void {
    this.byId.set(record.uuid, record);
  }

  remove(uuid: string): void {
    this.byId.delete(uuid);
  }

  /** Back to the seeded cluster alone, or to the given records. */
  replace(records: ClusterRecord[] = [seedCluster()]): void {
    this.byId.clear();
    for (const record of records) this.insert(record);
  }

  private purgeDeleted(): void {
    const now = this.clock();
    for (const [uuid, record] of this.byId) if (record.deleteAt !== null && record.deleteAt <= now) this.byId.delete(uuid);
  }
}

/** A node pool: the seeded ones, each cluster's `default`, and those created through the API. */
export interface NodePoolRecord {
  id: string;
  name: string;
  clusterId: string;
  isDefault: boolean;
  labelKey: string;
  labelValue: string;
  /** The settable fields beyond the labels, as last written (contract defaults filled in). */
  settings: Record<string, unknown>;
  nodes: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** "Creating" or "Updating" until `pendingUntil` (epoch ms). */
  pendingPhase: "Creating" | "Updating" | null;
  pendingUntil: number;
  /** Set by a DELETE: "Deleting" until then, gone after. */
  deleteAt: number | null;
}

/** The contract's defaults of a node pool's settings. */
export const NODE_POOL_DEFAULTS = Object.freeze({
  overProvisioningRatio: 1,
  placementStrategy: { cpu: "binpack", gpu: "binpack" },
  gpuNetworkAccelerationDetection: "Auto",
  gpuResourceOptimization: { swapEnabled: false, nodeLevelSchedulerEnabled: false },
});

export function seedNodePools(): NodePoolRecord[] {
  return SEED_NODE_POOLS.map((pool) => ({
    ...pool,
    nodes: [...pool.nodes],
    clusterId: SEED_CLUSTER.uuid,
    settings: JSON.parse(JSON.stringify(NODE_POOL_DEFAULTS)) as Record<string, unknown>,
    createdAt: SEED_TIME,
    createdBy: SEED_AUTHOR,
    updatedAt: SEED_TIME,
    updatedBy: SEED_AUTHOR,
    pendingPhase: null,
    pendingUntil: 0,
    deleteAt: null,
  }));
}

export class NodePoolTable {
  private readonly byId = new Map<string, NodePoolRecord>();

  constructor(private readonly clock: () => number) {}

  get(id: string): NodePoolRecord | undefined {
    this.purgeDeleted();
    return this.byId.get(id);
  }

  all(): NodePoolRecord[] {
    this.purgeDeleted();
    return [...this.byId.values()];
  }

  inCluster(clusterId: string): NodePoolRecord[] {
    return this.all().filter((pool) => pool.clusterId === clusterId);
  }

  insert(record: NodePoolRecord): void {
    this.byId.set(record.id, record);
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  replace(records: NodePoolRecord[] = seedNodePools()): void {
    this.byId.clear();
    for (const record of records) this.insert(record);
  }

  private purgeDeleted(): void {
    const now = this.clock();
    for (const [id, record] of this.byId) if (record.deleteAt !== null && record.deleteAt <= now) this.byId.delete(id);
  }
}
