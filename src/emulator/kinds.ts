// The asset kinds the emulator serves: one row each. The routes (routes.ts), their handlers
// (server.ts, assets.ts) and the scope rules (scopes.ts) all come from this table, so serving a new
// kind is one row here, provided the OpenAPI document has its paths (the start fails otherwise).
// The rows say only what the document cannot: bodies and parameters are still validated against it.

export interface AssetKindRow {
  /** `meta.kind` on the wire, and the word used in messages ("config-map asset ... not found"). */
  kind: string;
  /** Collection path in the document; the item path is `${path}/{AssetId}`. */
  path: string;
  /** Scopes an asset of this kind may be created in ("system" is internal-only for every kind). */
  allowedScopes: readonly string[];
  /** Spec fields the documentation calls mandatory although the schema leaves them optional. */
  mandatorySpecFields: readonly string[];
  /**
   * Schema for the PUT body's spec when the update request schema does not declare one (the 2.22
   * ConfigMapUpdateRequest requires `spec` but declares no property for it).
   */
  undeclaredUpdateSpecSchema?: string;
  /**
   * Whether the kind is synced to the cluster and so reports a sync status (default true). Kinds that
   * are control-plane-only (compute, host path, NFS: no `status` in their schema, no `statusInfo`
   * parameter) set false: they never return `status`, and a write is done when it is answered.
   */
  reportsStatus?: boolean;
}

const ROWS = [
  {
    kind: "config-map",
    path: "/api/v1/asset/datasource/config-map",
    allowedScopes: ["project"], // datasources.md: ConfigMap data sources are project-scoped only
    mandatorySpecFields: ["configMap", "mountPath"],
    undeclaredUpdateSpecSchema: "ConfigMapAssetSpec",
  },
  {
    kind: "environment",
    path: "/api/v1/asset/environment",
    allowedScopes: ["tenant", "cluster", "department", "project"],
    mandatorySpecFields: [],
  },
  {
    kind: "nfs",
    path: "/api/v1/asset/datasource/nfs",
    allowedScopes: ["tenant", "cluster", "department", "project"],
    mandatorySpecFields: ["server", "path", "mountPath"],
    reportsStatus: false,
  },
  {
    kind: "hostPath",
    path: "/api/v1/asset/datasource/host-path",
    allowedScopes: ["tenant", "cluster", "department", "project"],
    mandatorySpecFields: ["path", "mountPath"],
    reportsStatus: false,
  },
] as const satisfies readonly AssetKindRow[];

export type AssetKindName = (typeof ROWS)[number]["kind"];

/** A row with its defaults applied. */
export interface AssetKind extends Required<Omit<AssetKindRow, "kind" | "undeclaredUpdateSpecSchema">> {
  kind: AssetKindName;
  undeclaredUpdateSpecSchema?: string;
}

export const ASSET_KINDS: readonly AssetKind[] = ROWS.map((row: AssetKindRow & { kind: AssetKindName }) => ({
  reportsStatus: true,
  ...row,
}));

const BY_NAME = new Map<string, AssetKind>(ASSET_KINDS.map((k) => [k.kind, k]));
if (BY_NAME.size !== ASSET_KINDS.length) throw new Error("the asset kind table names a kind twice");

/** The row of a kind. Throws for a name outside the table (e.g. a state file from another version). */
export function assetKind(name: string): AssetKind {
  const kind = BY_NAME.get(name);
  if (!kind) throw new Error(`unknown asset kind "${name}"`);
  return kind;
}
