// The clusters: the seeded one and those registered through POST /api/v1/clusters. A cluster's
// client secret is generated at registration; its state is what its agent would report (set through
// the admin API), and a graceful deletion of a connected cluster ends after the sync delay.
import { randomBytes } from "node:crypto";
import { SEED_CLUSTER, SEED_TIME } from "./seed";

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
