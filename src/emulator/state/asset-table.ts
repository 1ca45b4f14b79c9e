// The assets of every kind, with the index of their unique names (per kind and scope) and their
// life cycle: after DELETE an asset reports Deleting until its sync delay is over, then it is gone.
import { scopeIdOf } from "../families/scopes";
import type { AssetKindName, AssetRecord, StatusInfo } from "../types";

function nameKey(kind: AssetKindName, scope: string, scopeId: string, name: string): string {
  return `${kind}\u0000${scope}\u0000${scopeId}\u0000${name}`;
}

/** The status an asset reports with ?statusInfo=true at `now`. */
export function reportedStatus(record: AssetRecord, now: number): StatusInfo {
  if (record.forcedStatus) return record.forcedStatus;
  if (record.deleteAt !== null) return { status: "Deleting" };
  if (record.pendingPhase && now < record.pendingUntil) return { status: record.pendingPhase };
  return { status: "No issues found" };
}

function isGone(record: AssetRecord, now: number): boolean {
  // A forced "Deletion failed" keeps the asset, as a failed deletion would on a real cluster.
  return record.deleteAt !== null && now >= record.deleteAt && record.forcedStatus?.status !== "Deletion failed";
}

export class AssetTable {
  private readonly byId = new Map<string, AssetRecord>();
  private readonly idsByName = new Map<string, string>();
  private readonly deleting = new Set<string>();

  constructor(private readonly clock: () => number) {}

  /** The asset, unless it does not exist or finished deleting. */
  get(id: string): AssetRecord | undefined {
    const record = this.byId.get(id);
    if (record && this.deleting.has(id) && isGone(record, this.clock())) {
      this.remove(record);
      return undefined;
    }
    return record;
  }

  /** Live assets of a kind, in creation order. */
  ofKind(kind: AssetKindName): AssetRecord[] {
    this.purgeDeleted();
    const result: AssetRecord[] = [];
    for (const record of this.byId.values()) if (record.kind === kind) result.push(record);
    return result;
  }

  /** The live asset holding `name` in this kind and scope. A Deleting asset still holds its name. */
  byName(kind: AssetKindName, scope: string, scopeId: string, name: string): AssetRecord | undefined {
    const id = this.idsByName.get(nameKey(kind, scope, scopeId, name));
    return id === undefined ? undefined : this.get(id);
  }

  insert(record: AssetRecord): void {
    this.byId.set(record.meta.id, record);
    this.idsByName.set(this.nameKeyOf(record), record.meta.id);
    if (record.deleteAt !== null) this.deleting.add(record.meta.id);
  }

  rename(record: AssetRecord, newName: string): void {
    this.idsByName.delete(this.nameKeyOf(record));
    record.meta.name = newName;
    this.idsByName.set(this.nameKeyOf(record), record.meta.id);
  }

  markDeleting(record: AssetRecord, deleteAt: number): void {
    record.deleteAt = deleteAt;
    this.deleting.add(record.meta.id);
  }

  all(): AssetRecord[] {
    this.purgeDeleted();
    return [...this.byId.values()];
  }

  /** Gone at once, name included (kinds without sync status have no Deleting phase). */
  remove(record: AssetRecord): void {
    this.byId.delete(record.meta.id);
    this.deleting.delete(record.meta.id);
    const key = this.nameKeyOf(record);
    if (this.idsByName.get(key) === record.meta.id) this.idsByName.delete(key);
  }

  clear(): void {
    this.byId.clear();
    this.idsByName.clear();
    this.deleting.clear();
  }

  /** Drops the assets whose Deleting phase is over. */
  purgeDeleted(): void {
    if (this.deleting.size === 0) return;
    const now = this.clock();
    for (const id of this.deleting) {
      const record = this.byId.get(id);
      if (!record) this.deleting.delete(id);
      else if (isGone(record, now)) this.remove(record);
    }
  }

  private nameKeyOf(record: AssetRecord): string {
    return nameKey(record.kind, record.meta.scope, scopeIdOf(record.meta), record.meta.name);
  }
}
