// In-memory state of one emulator: the tables of assets, applications, clusters, org units, access rules and policies,
// the id counters and the token-signing key, and the whole state as the state file holds it.
// Business rules live in the handlers (families/).
import { randomBytes } from "node:crypto";
import { assetKind } from "../families/kinds";
import { AccessRuleTable } from "./access-rule-table";
import { AppTable } from "./app-table";
import { AssetTable } from "./asset-table";
import { ClusterTable, NodePoolTable, type ClusterRecord, type NodePoolRecord } from "./cluster-table";
import { OrgUnitTable } from "./org-unit-table";
import { PolicyTable, type PolicyRecord } from "./policy-table";
import { FIRST_NEW_IDS } from "./seed";
import { SettingsTable } from "./settings-table";
import type { AccessRuleRecord, AppRecord, AssetRecord, DepartmentRecord, ProjectRecord } from "../types";

/** Version 2 added the organisation (departments, projects), access rules and the id counters. */
export const STATE_FILE_VERSION = 2;

export interface NextIds {
  department: number;
  project: number;
  accessRule: number;
  nodePool?: number;
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
  /** Absent before clusters could be registered: the seeded cluster then. */
  clusters?: ClusterRecord[];
  nodePools?: NodePoolRecord[];
  /** Absent before workload policies were served: none then. */
  policies?: PolicyRecord[];
  /** Absent before settings were kept: the defaults then. */
  settings?: ReturnType<SettingsTable["toPersisted"]>;
}

export class Store {
  readonly assets: AssetTable;
  readonly apps = new AppTable();
  readonly clusters: ClusterTable;
  readonly nodePools: NodePoolTable;
  readonly orgUnits: OrgUnitTable;
  /** Reading rules first drops the projects that finished deleting, which ends the rules on them. */
  readonly accessRules: AccessRuleTable;
  readonly policies = new PolicyTable();
  /** The tenant and security settings and the identity providers. */
  readonly settings = new SettingsTable();
  private nextIds: NextIds = { ...FIRST_NEW_IDS };
  jwtKey: Buffer = randomBytes(32);

  constructor(clock: () => number = Date.now) {
    this.assets = new AssetTable(clock);
    this.clusters = new ClusterTable(clock);
    this.clusters.replace();
    this.nodePools = new NodePoolTable(clock);
    this.nodePools.replace();
    this.orgUnits = new OrgUnitTable(clock, (type, id) => this.accessRules.deleteOnScope(type, id));
    this.accessRules = new AccessRuleTable(clock, () => this.orgUnits.purgeDeletedProjects());
    this.orgUnits.replace();
  }

  /** The next id of a new department, project or access rule; ids are never handed out twice (until reset). */
  takeId(kind: keyof NextIds): number {
    const id = this.nextIds[kind] ?? FIRST_NEW_IDS[kind];
    this.nextIds[kind] = id + 1;
    return id;
  }

  /**
   * Back to the seed: no assets, applications or access rules, the seeded departments and projects.
   * The signing key stays, so admin tokens stay valid.
   */
  clear(): void {
    this.assets.clear();
    this.apps.clear();
    this.orgUnits.replace();
    this.clusters.replace();
    this.nodePools.replace();
    this.accessRules.clear();
    this.policies.clear();
    this.settings.clear();
    this.nextIds = { ...FIRST_NEW_IDS };
  }

  toPersisted(): PersistedState {
    return {
      version: STATE_FILE_VERSION,
      jwtKey: this.jwtKey.toString("base64"),
      assets: this.assets.all(),
      apps: this.apps.all(),
      departments: this.orgUnits.allDepartments(),
      projects: this.orgUnits.allProjects(),
      accessRules: this.accessRules.all(true),
      nextIds: { ...this.nextIds },
      clusters: this.clusters.all(),
      nodePools: this.nodePools.all(),
      policies: this.policies.all(),
      settings: this.settings.toPersisted(),
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
    for (const record of state.assets) this.assets.insert(record);
    for (const app of state.apps) this.apps.insert(app);
    // Version 1 files predate the organisation records: they keep the seed.
    if (state.departments && state.projects) this.orgUnits.replace(state.departments, state.projects);
    for (const rule of state.accessRules ?? []) this.accessRules.insert(rule);
    if (state.nextIds) this.nextIds = { ...state.nextIds };
    if (state.clusters) this.clusters.replace(state.clusters);
    if (state.nodePools) this.nodePools.replace(state.nodePools);
    for (const policy of state.policies ?? []) this.policies.put(policy);
    this.settings.restore(state.settings);
    this.assets.purgeDeleted();
    this.orgUnits.purgeDeletedProjects();
  }
}
