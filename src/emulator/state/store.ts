// In-memory state of one emulator: assets, applications, departments, projects, access rules and
// the token-signing key, with the indexes the handlers need (unique names, client ids) and the life
// cycles (an asset or a project reports Deleting after DELETE and is purged once that phase is
// over). Business rules live in the handlers.
import { randomBytes } from "node:crypto";
import { assetKind } from "../families/kinds";
import { scopeIdOf } from "../families/scopes";
import { FIRST_NEW_IDS, seedDepartments, seedProjects } from "./seed";
import type { AccessRuleRecord, AppRecord, AssetKindName, AssetRecord, DepartmentRecord, ProjectRecord, StatusInfo } from "../types";

/** Version 2 added the organisation (departments, projects), access rules and the id counters. */
export const STATE_FILE_VERSION = 2;

export interface NextIds {
  department: number;
  project: number;
  accessRule: number;
}

export interface PersistedState {
  version: number;
  jwtKey: string;
  assets: AssetRecord[];
  apps: AppRecord[];
  /** Absent in version 1 files: the seed organisation then. */
  departments?: DepartmentRecord[];
  projects?: ProjectRecord[];
  accessRules?: AccessRuleRecord[];
  nextIds?: NextIds;
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

function projectIsGone(record: ProjectRecord, now: number): boolean {
  return record.deleteAt !== null && now >= record.deleteAt;
}

const byNumericId = <T extends { id: string | number }>(a: T, b: T): number => Number(a.id) - Number(b.id);

export class Store {
  private readonly assets = new Map<string, AssetRecord>();
  private readonly assetIdsByName = new Map<string, string>();
  private readonly deleting = new Set<string>();
  private readonly apps = new Map<string, AppRecord>();
  private readonly appsByClientId = new Map<string, AppRecord>();
  private readonly departments = new Map<string, DepartmentRecord>();
  private readonly projects = new Map<string, ProjectRecord>();
  private readonly accessRules = new Map<number, AccessRuleRecord>();
  private nextIds: NextIds = { ...FIRST_NEW_IDS };
  jwtKey: Buffer = randomBytes(32);

  constructor(private readonly clock: () => number = Date.now) {
    this.seedOrganisation();
  }

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

  // ---- departments and projects -------------------------------------------------------------

  department(id: string): DepartmentRecord | undefined {
    return this.departments.get(id);
  }

  /** Every department, by id. */
  allDepartments(): DepartmentRecord[] {
    return [...this.departments.values()].sort(byNumericId);
  }

  departmentByName(clusterId: string, name: string): DepartmentRecord | undefined {
    for (const d of this.departments.values()) if (d.clusterId === clusterId && d.name === name) return d;
    return undefined;
  }

  insertDepartment(record: DepartmentRecord): void {
    this.departments.set(record.id, record);
  }

  /** Gone at once; access rules on it are deleted with it. */
  removeDepartment(record: DepartmentRecord): void {
    this.departments.delete(record.id);
    this.deleteRulesOnScope("department", record.id);
  }

  /** The project, unless it does not exist or finished deleting (a Deleting project is returned). */
  project(id: string): ProjectRecord | undefined {
    const record = this.projects.get(id);
    if (record && projectIsGone(record, this.clock())) {
      this.removeProject(record);
      return undefined;
    }
    return record;
  }

  /** Every project (Deleting ones included), by id. */
  allProjects(): ProjectRecord[] {
    this.purgeDeletedProjects();
    return [...this.projects.values()].sort(byNumericId);
  }

  /** The project holding `name` in the cluster. A Deleting project still holds its name. */
  projectByName(clusterId: string, name: string): ProjectRecord | undefined {
    return this.allProjects().find((p) => p.clusterId === clusterId && p.name === name);
  }

  projectsOf(departmentId: string): ProjectRecord[] {
    return this.allProjects().filter((p) => p.parentId === departmentId);
  }

  insertProject(record: ProjectRecord): void {
    this.projects.set(record.id, record);
  }

  markProjectDeleting(record: ProjectRecord, deleteAt: number): void {
    record.deleteAt = deleteAt;
  }

  /** The next id of a new department, project or access rule; ids are never handed out twice (until reset). */
  takeId(kind: keyof NextIds): number {
    return this.nextIds[kind]++;
  }

  private removeProject(record: ProjectRecord): void {
    this.projects.delete(record.id);
    this.deleteRulesOnScope("project", record.id);
  }

  private purgeDeletedProjects(): void {
    const now = this.clock();
    for (const record of [...this.projects.values()]) if (projectIsGone(record, now)) this.removeProject(record);
  }

  private seedOrganisation(): void {
    this.departments.clear();
    this.projects.clear();
    for (const d of seedDepartments()) this.insertDepartment(d);
    for (const p of seedProjects()) this.insertProject(p);
    this.accessRules.clear();
    this.nextIds = { ...FIRST_NEW_IDS };
  }

  // ---- access rules -------------------------------------------------------------------------

  /** The rule unless it does not exist or was deleted. */
  accessRule(id: number): AccessRuleRecord | undefined {
    this.purgeDeletedProjects(); // a project that finished deleting ends its rules
    const rule = this.accessRules.get(id);
    return rule && rule.deletedAt === null ? rule : undefined;
  }

  /** Rules by id; deleted ones only with `includeDeleted`. Deleting a project ends its rules too, so purge first. */
  allAccessRules(includeDeleted = false): AccessRuleRecord[] {
    this.purgeDeletedProjects();
    const rules = [...this.accessRules.values()].sort(byNumericId);
    return includeDeleted ? rules : rules.filter((r) => r.deletedAt === null);
  }

  insertAccessRule(rule: AccessRuleRecord): void {
    this.accessRules.set(rule.id, rule);
  }

  /** Deleted rules are kept (with deletedAt) for includeDeleted=true; they grant nothing. */
  deleteAccessRule(rule: AccessRuleRecord): void {
    const now = new Date(this.clock()).toISOString();
    rule.deletedAt = now;
    rule.updatedAt = now;
  }

  private deleteRulesOnScope(scopeType: "department" | "project", scopeId: string): void {
    for (const rule of this.accessRules.values()) {
      if (rule.deletedAt === null && rule.scopeType === scopeType && rule.scopeId === scopeId) this.deleteAccessRule(rule);
    }
  }

  // ---- whole state --------------------------------------------------------------------------

  /**
   * Back to the seed: no assets, applications or access rules, the seeded departments and projects.
   * The signing key stays, so admin tokens stay valid.
   */
  clear(): void {
    this.assets.clear();
    this.assetIdsByName.clear();
    this.deleting.clear();
    this.apps.clear();
    this.appsByClientId.clear();
    this.seedOrganisation();
  }

  toPersisted(): PersistedState {
    return {
      version: STATE_FILE_VERSION,
      jwtKey: this.jwtKey.toString("base64"),
      assets: this.allAssets(),
      apps: this.allApps(),
      departments: this.allDepartments(),
      projects: this.allProjects(),
      accessRules: this.allAccessRules(true),
      nextIds: { ...this.nextIds },
    };
  }

  restore(state: PersistedState): void {
    if (state.version !== STATE_FILE_VERSION && state.version !== 1) {
      throw new Error(`unsupported state file version ${String(state.version)}`);
    }
    // A kind outside the table could be served by no route: refuse the file rather than hide its assets.
    for (const record of state.assets) assetKind(record.kind);
    this.clear();
    this.jwtKey = Buffer.from(state.jwtKey, "base64");
    for (const record of state.assets) this.insertAsset(record);
    for (const app of state.apps) this.insertApp(app);
    // Version 1 files predate the organisation records: they keep the seed.
    if (state.departments && state.projects) {
      this.departments.clear();
      this.projects.clear();
      for (const d of state.departments) this.insertDepartment(d);
      for (const p of state.projects) this.insertProject(p);
    }
    for (const rule of state.accessRules ?? []) this.insertAccessRule(rule);
    if (state.nextIds) this.nextIds = { ...state.nextIds };
    this.purgeDeleted();
    this.purgeDeletedProjects();
  }
}
