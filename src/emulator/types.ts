// Shared types of the Run:ai control-plane emulator. Wire shapes follow api/runai-2.22.openapi.json;
// the record types describe how the emulator keeps objects in memory and in the state file.
import type { AssetKindName } from "./families/kinds";

export interface Department {
  id: string; // Run:ai department ids are strings on the wire, although project ids are integers
  name: string;
}

export interface Project {
  id: number;
  name: string;
  departmentId: string;
}

/**
 * The organisation in brief: the tenant, the cluster, and the departments and projects with the ids
 * assets use (the seed in seed.ts and README.md; `Emulator.organisation` and the state dump give the
 * live one in this shape).
 */
export interface Organisation {
  tenantId: number;
  clusterId: string;
  departments: Department[];
  projects: Project[];
}

export type FaultStatus = 503 | 429;

/** One fault-injection rule. Every field is optional; a rule without method/route matches every API request. */
export interface FaultRule {
  method?: string;
  /** Exact route template, e.g. "/api/v1/asset/environment/{AssetId}"; "<unmatched>" for unknown routes. */
  route?: string;
  latencyMs?: number;
  jitterMs?: number;
  errorRate?: number;
  errorStatus?: FaultStatus;
  retryAfterSeconds?: number;
  dropAfterCommitRate?: number;
  times?: number;
}

export interface EmulatorOptions {
  /** 0 picks an ephemeral port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON file the state is loaded from at start and persisted to before every acknowledged write. */
  stateFile?: string;
  /** How long an asset reports Creating/Updating/Deleting. Default 200. */
  syncDelayMs?: number;
  /** Lifetime of issued access tokens. Default 3600. */
  tokenTtlSeconds?: number;
  adminClientId?: string;
  adminClientSecret?: string;
  /** Fault rules active from the start (replaceable through PUT /__emulator/faults). */
  faults?: FaultRule[];
  /** Suppress the per-request log lines. */
  quiet?: boolean;
  /** Where log lines go (default: stdout). Never receives bodies, tokens or secrets. */
  log?: (line: string) => void;
}

export interface Emulator {
  url: string;
  port: number;
  adminClientId: string;
  adminClientSecret: string;
  organisation: Organisation;
  stop(): Promise<void>;
}

// Derived from the kind table (kinds.ts), so a new kind needs no edit here.
export type { AssetKindName };

export type SyncStatus =
  "Creating" | "Deleting" | "Failed" | "Deletion failed" | "Issues found" | "No issues found" | "No status" | "Updating";

export interface StatusIssue {
  scopeId: string;
  scopeType: string;
  issue: string;
}

/** AssetClusterStatusInfo on the wire. */
export interface StatusInfo {
  status: SyncStatus;
  issues?: StatusIssue[];
  message?: string;
  url?: string;
}

export type JsonObject = Record<string, unknown>;

/** An asset as stored. `meta` and `spec` are exactly what the API returns. */
export interface AssetRecord {
  kind: AssetKindName;
  meta: JsonObject & { id: string; name: string; scope: string };
  spec: unknown;
  /** In-progress phase and the epoch ms until which it is reported. */
  pendingPhase: "Creating" | "Updating" | null;
  pendingUntil: number;
  /** Set by DELETE: the asset reports Deleting until this epoch ms, then it is gone. */
  deleteAt: number | null;
  /** Sticky status forced through the admin API (until reset or cleared). */
  forcedStatus: StatusInfo | null;
  /** Name of the Kubernetes object the asset created (PVC, Secret), for kinds with a `clusterResource`. */
  clusterResourceName?: string;
}

export interface SecretHash {
  salt: string;
  hash: string;
}

/** An application as stored: the wire fields plus a salted hash of its current secret (never the secret). */
export interface AppRecord {
  id: string;
  name: string;
  clientId: string;
  enabled: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  lastLogin: string | null;
  secretHash: SecretHash;
}

/** A per-node-pool quota as stored and returned (the contract's `Resources`). */
export type ResourcesEntry = JsonObject & { nodePool: { id: string; name: string }; gpu: JsonObject & { deserved: number } };

/** The fields departments and projects share (DataUpdatableFields), as stored. */
export interface OrgUnitFields {
  id: string;
  name: string;
  clusterId: string;
  /** Absent when unset; responses then carry "". */
  description?: string;
  schedulingRules: JsonObject | null;
  defaultNodePools: string[] | null;
  /** Absent when unset. */
  nodeTypes?: JsonObject;
  resources: ResourcesEntry[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type DepartmentRecord = OrgUnitFields;

export type ProjectPhase = "Creating" | "Updating" | "Deleting" | "Deleted" | "Initializing" | "Ready" | "NotReady" | "Unknown";

export interface ForcedPhase {
  phase: ProjectPhase;
  message?: string;
}

export interface ProjectRecord extends OrgUnitFields {
  parentId: string;
  requestedNamespace: string | null;
  /** The namespace in use: requestedNamespace or runai-<name>. */
  namespace: string;
  enforceRunaiScheduler: boolean;
  pendingPhase: "Creating" | "Updating" | null;
  pendingUntil: number;
  /** Set by DELETE: the project reports Deleting until this epoch ms, then it is gone. */
  deleteAt: number | null;
  /** Sticky phase forced through the admin API (until reset or cleared). */
  forcedPhase: ForcedPhase | null;
}

export type SubjectType = "user" | "app" | "group";
export type ScopeType = "system" | "tenant" | "cluster" | "department" | "project";

/** An access rule as stored: the wire fields but the computed status. */
export interface AccessRuleRecord {
  id: number;
  subjectId: string;
  subjectType: SubjectType;
  roleId: number;
  scopeId: string;
  scopeType: ScopeType;
  clusterId?: string;
  roleName: string;
  scopeName: string;
  scopePath: string;
  createdAt: string;
  updatedAt: string;
  /** Set once deleted: the rule grants nothing any more and is listed only with includeDeleted=true. */
  deletedAt: string | null;
  tenantId: number;
  createdBy: string;
}
