// Shared types of the Run:ai control-plane emulator. Wire shapes follow api/runai-2.22.openapi.json;
// the record types describe how the emulator keeps objects in memory and in the state file.
import type { AssetKindName } from "./kinds";

export interface Department {
  id: string; // Run:ai department ids are strings on the wire, although project ids are integers
  name: string;
}

export interface Project {
  id: number;
  name: string;
  departmentId: string;
}

/** The fixed organisation every emulator starts with (see seed.ts and README.md). */
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
