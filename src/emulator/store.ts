// In-memory state of one emulator: assets, applications and the token-signing key, with the indexes
// the handlers need (unique names, client ids) and the asset life cycle (an asset reports Deleting
// after DELETE and is purged once that phase is over). Business rules live in the handlers.
import { randomBytes } from "node:crypto";
import { assetKind } from "./kinds";
import { scopeIdOf } from "./scopes";
import type { AppRecord, AssetKindName, AssetRecord, StatusInfo } from "./types";

export const STATE_FILE_VERSION = 1;

export interface PersistedState {
  version: number;
  jwtKey: string;
  assets: AssetRecord[];
  apps: AppRecord[];
}

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

export class Store {
  private readonly assets = new Map<string, AssetRecord>();
  private readonly assetIdsByName = new Map<string, string>();
  private readonly deleting = new Set<string>();
  private readonly apps = new Map<string, AppRecord>();
  private readonly appsByClientId = new Map<string, AppRecord>();
  jwtKey: Buffer = randomBytes(32);

  constructor(private readonly clock: () => number = Date.now) {}

  // ---- assets -------------------------------------------------------------------------------

  /** The asset, unless it does not exist or finished deleting. */
  asset(id: string): AssetRecord | undefined {
    const record = this.assets.get(id);
    if (record && this.deleting.has(id) && isGone(record, this.clock())) {
      this.removeAsset(record);
      return undefined;
    }
    return record;
  }

  /** Live assets of a kind, in creation order. */
  assetsOfKind(kind: AssetKindName): AssetRecord[] {
    this.purgeDeleted();
    const result: AssetRecord[] = [];
    for (const record of this.assets.values()) if (record.kind === kind) result.push(record);
    return result;
  }

  /** The live asset holding `name` in this kind and scope. A Deleting asset still holds its name. */
  assetByName(kind: AssetKindName, scope: string, scopeId: string, name: string): AssetRecord | undefined {
    const id = this.assetIdsByName.get(nameKey(kind, scope, scopeId, name));
    return id === undefined ? undefined : this.asset(id);
  }

  insertAsset(record: AssetRecord): void {
    this.assets.set(record.meta.id, record);
    this.assetIdsByName.set(this.nameKeyOf(record), record.meta.id);
    if (record.deleteAt !== null) this.deleting.add(record.meta.id);
  }

  renameAsset(record: AssetRecord, newName: string): void {
    this.assetIdsByName.delete(this.nameKeyOf(record));
    record.meta.name = newName;
    this.assetIdsByName.set(this.nameKeyOf(record), record.meta.id);
  }

  markDeleting(record: AssetRecord, deleteAt: number): void {
    record.deleteAt = deleteAt;
    this.deleting.add(record.meta.id);
  }

  allAssets(): AssetRecord[] {
    this.purgeDeleted();
    return [...this.assets.values()];
  }

  /** Gone at once, name included (kinds without sync status have no Deleting phase). */
  removeAsset(record: AssetRecord): void {
    this.assets.delete(record.meta.id);
    this.deleting.delete(record.meta.id);
    const key = this.nameKeyOf(record);
    if (this.assetIdsByName.get(key) === record.meta.id) this.assetIdsByName.delete(key);
  }

  private purgeDeleted(): void {
    if (this.deleting.size === 0) return;
    const now = this.clock();
    for (const id of this.deleting) {
      const record = this.assets.get(id);
      if (!record) this.deleting.delete(id);
      else if (isGone(record, now)) this.removeAsset(record);
    }
  }

  private nameKeyOf(record: AssetRecord): string {
    return nameKey(record.kind, record.meta.scope, scopeIdOf(record.meta), record.meta.name);
  }

  // ---- applications -------------------------------------------------------------------------

  app(id: string): AppRecord | undefined {
    return this.apps.get(id);
  }

  appByClientId(clientId: string): AppRecord | undefined {
    return this.appsByClientId.get(clientId);
  }

  appByName(name: string): AppRecord | undefined {
    for (const app of this.apps.values()) if (app.name === name) return app;
    return undefined;
  }

  allApps(): AppRecord[] {
    return [...this.apps.values()];
  }

  insertApp(app: AppRecord): void {
    this.apps.set(app.id, app);
    this.appsByClientId.set(app.clientId, app);
  }

  removeApp(app: AppRecord): void {
    this.apps.delete(app.id);
    this.appsByClientId.delete(app.clientId);
  }

  // ---- whole state --------------------------------------------------------------------------

  /** Back to the seed: no assets, no applications. The signing key stays, so admin tokens stay valid. */
  clear(): void {
    this.assets.clear();
    this.assetIdsByName.clear();
    this.deleting.clear();
    this.apps.clear();
    this.appsByClientId.clear();
  }

  toPersisted(): PersistedState {
    return {
      version: STATE_FILE_VERSION,
      jwtKey: this.jwtKey.toString("base64"),
      assets: this.allAssets(),
      apps: this.allApps(),
    };
  }

  restore(state: PersistedState): void {
    if (state.version !== STATE_FILE_VERSION) throw new Error(`unsupported state file version ${String(state.version)}`);
    // A kind outside the table could be served by no route: refuse the file rather than hide its assets.
    for (const record of state.assets) assetKind(record.kind);
    this.clear();
    this.jwtKey = Buffer.from(state.jwtKey, "base64");
    for (const record of state.assets) this.insertAsset(record);
    for (const app of state.apps) this.insertApp(app);
    this.purgeDeleted();
  }
}
