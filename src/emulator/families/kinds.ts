// The asset kinds the emulator serves: one row each. Their family of five routes and handlers
// (assetFamily in assets.ts) and the scope rules (scopes.ts) all come from this table, so serving a new
// kind is one row here, provided the OpenAPI document has its paths (the start fails otherwise).
// The rows say only what the document cannot: bodies and parameters are still validated against it.

/** What a PUT changes; the body is validated against the kind's own *UpdateRequest schema first. */
export type UpdateShape =
  /** `meta.name`, `meta.description` and the whole spec (replaced). */
  | "nameDescriptionSpec"
  /** `meta.name`, `meta.description` and `spec.path` only; the rest of the spec is kept (PVC: PvcFieldsUpdatable). */
  | "nameDescriptionPath"
  /** `meta.description` only: no name, no spec (credentials: CredentialUpdateRequest). */
  | "description";

/** A spec field holding the id of another asset, which must be a live asset of one of `kinds`. */
export interface AssetReference {
  field: string;
  kinds: readonly string[];
  /** How the message names the expected asset: `spec.<field>: <noun> asset "<id>" does not exist`. */
  noun: string;
}

/**
 * A credential kind: its values come either from `spec.existingSecretName` (a Kubernetes Secret that
 * already exists) or from the spec, never both. Field paths are spec fields; `a[].b` means field `b`
 * of every item of the array `a`, which must then have at least one item.
 */
export interface CredentialRules {
  /** Fields required when `spec.existingSecretName` is absent, and refused together with it. */
  valueFields: readonly string[];
  /** Fields holding secret values: never stored, `null` in every response. */
  secretFields: readonly string[];
}

export interface AssetKindRow {
  /** `meta.kind` on the wire, and the word used in messages ("config-map asset ... not found"). */
  kind: string;
  /** Collection path in the document; the item path is `${path}/{AssetId}`. */
  path: string;
  /**
   * The contract's ResourceType the access control checks for this kind ("environments",
   * "cm-volume-assets", "credentials"...): what a role must allow on it (authorization.ts).
   */
  resourceType: string;
  /** Scopes an asset of this kind may be created in (default all four; "system" is internal-only for every kind). */
  allowedScopes?: readonly string[];
  /** Spec fields the documentation calls mandatory although the schema leaves them optional (default none). */
  mandatorySpecFields?: readonly string[];
  /**
   * Schema for the PUT body's spec when the update request schema does not declare one (the 2.22
   * ConfigMapUpdateRequest and SecretAssetUpdateRequest require `spec` but declare no property for it).
   */
  undeclaredUpdateSpecSchema?: string;
  /**
   * Whether the kind is synced to the cluster and so reports a sync status (default true). Kinds that
   * are control-plane-only (compute, host path, NFS: no `status` in their schema, no `statusInfo`
   * parameter) set false: they never return `status`, and a write is done when it is answered.
   */
  reportsStatus?: boolean;
  /** What a PUT changes (default "nameDescriptionSpec"). */
  update?: UpdateShape;
  /** Spec fields naming other assets; checked on create and update (400 when not a live asset of those kinds). */
  references?: readonly AssetReference[];
  /** PVC: `spec.claimInfo.size` is required unless `spec.existingPvc` is true, and `spec.claimInfo` is refused with it. */
  pvcClaimRules?: boolean;
  /** Credential kinds: the existingSecretName-or-values rule, secret fields and `spec.keyId` in responses. */
  credential?: CredentialRules;
  /**
   * The Kubernetes object the asset creates, reported as `clusterInfo.resources[0].name`: "secret" is
   * named after the asset, "pvc" is `spec.claimName` or a generated name. Absent: no clusterInfo.
   */
  clusterResource?: "secret" | "pvc";
  /** Status of an accepted DELETE (default 202 with an HttpResponse body; 204 has no body). */
  deleteStatus?: 202 | 204;
}

const ALL_SCOPES = ["tenant", "cluster", "department", "project"] as const;
const CREDENTIAL_KINDS = ["accessKey", "password", "dockerRegistry", "genericSecret"] as const;

/**
 * A credential kind's row: they share the "credentials" resource type, a path under
 * /api/v1/asset/credentials, description-only updates and a Kubernetes Secret named after the asset.
 */
function credentialKind<K extends string>(
  kind: K,
  pathSegment: string,
  credential: CredentialRules,
  extra: Pick<AssetKindRow, "deleteStatus"> = {},
) {
  return {
    kind,
    resourceType: "credentials",
    path: `/api/v1/asset/credentials/${pathSegment}`,
    update: "description",
    credential,
    clusterResource: "secret",
    ...extra,
  } as const satisfies AssetKindRow;
}

const ROWS = [
  {
    kind: "config-map",
    resourceType: "cm-volume-assets",
    path: "/api/v1/asset/datasource/config-map",
    allowedScopes: ["project"], // datasources.md: ConfigMap data sources are project-scoped only
    mandatorySpecFields: ["configMap", "mountPath"],
    undeclaredUpdateSpecSchema: "ConfigMapAssetSpec",
  },
  {
    kind: "environment",
    resourceType: "environments",
    path: "/api/v1/asset/environment",
  },
  {
    kind: "compute",
    resourceType: "compute-resources",
    path: "/api/v1/asset/compute",
    reportsStatus: false,
  },
  {
    kind: "pvc",
    resourceType: "pvc-assets",
    path: "/api/v1/asset/datasource/pvc",
    mandatorySpecFields: ["path"],
    update: "nameDescriptionPath",
    pvcClaimRules: true,
    clusterResource: "pvc",
  },
  {
    kind: "nfs",
    resourceType: "nfs-assets",
    path: "/api/v1/asset/datasource/nfs",
    mandatorySpecFields: ["server", "path", "mountPath"],
    reportsStatus: false,
  },
  {
    kind: "s3",
    resourceType: "s3-assets",
    path: "/api/v1/asset/datasource/s3",
    mandatorySpecFields: ["bucket", "path"],
    references: [{ field: "accessKeyAssetId", kinds: ["accessKey"], noun: "access key" }],
  },
  {
    kind: "git",
    resourceType: "git-assets",
    path: "/api/v1/asset/datasource/git",
    mandatorySpecFields: ["repository", "path"],
    references: [{ field: "passwordAssetId", kinds: ["password"], noun: "password" }],
  },
  {
    kind: "hostPath",
    resourceType: "host-path-assets",
    path: "/api/v1/asset/datasource/host-path",
    mandatorySpecFields: ["path", "mountPath"],
    reportsStatus: false,
  },
  {
    // The AssetKind enum of the document names the secret datasource "secret-volume".
    kind: "secret-volume",
    resourceType: "secret-volume-assets",
    path: "/api/v1/asset/datasource/secrets",
    mandatorySpecFields: ["credentialAssetId", "mountPath"],
    undeclaredUpdateSpecSchema: "SecretAssetSpec",
    references: [{ field: "credentialAssetId", kinds: CREDENTIAL_KINDS, noun: "credential" }],
  },
  credentialKind("accessKey", "access-key", { valueFields: ["accessKeyId", "secretAccessKey"], secretFields: ["secretAccessKey"] }),
  credentialKind("password", "password", { valueFields: ["user", "password"], secretFields: ["password"] }),
  credentialKind("dockerRegistry", "docker-registry", { valueFields: ["user", "password", "url"], secretFields: ["password"] }),
  credentialKind(
    "genericSecret",
    "generic-secret",
    { valueFields: ["keyValuePairs[].key", "keyValuePairs[].value"], secretFields: ["keyValuePairs[].value"] },
    { deleteStatus: 204 },
  ),
] as const satisfies readonly AssetKindRow[];

export type AssetKindName = (typeof ROWS)[number]["kind"];

type Defaulted = "allowedScopes" | "mandatorySpecFields" | "reportsStatus" | "update" | "references" | "pvcClaimRules" | "deleteStatus";

/** A row with its defaults applied. */
export interface AssetKind extends Required<Pick<AssetKindRow, Defaulted | "path" | "resourceType">> {
  kind: AssetKindName;
  undeclaredUpdateSpecSchema?: string;
  credential?: CredentialRules;
  clusterResource?: "secret" | "pvc";
}

export const ASSET_KINDS: readonly AssetKind[] = ROWS.map((row: AssetKindRow & { kind: AssetKindName }) => ({
  allowedScopes: ALL_SCOPES,
  mandatorySpecFields: [],
  reportsStatus: true,
  update: "nameDescriptionSpec",
  references: [],
  pvcClaimRules: false,
  deleteStatus: 202,
  ...row,
}));

const BY_NAME = new Map<string, AssetKind>(ASSET_KINDS.map((k) => [k.kind, k]));
if (BY_NAME.size !== ASSET_KINDS.length) throw new Error("the asset kind table names a kind twice");
for (const row of ASSET_KINDS) {
  for (const ref of row.references) {
    for (const target of ref.kinds) {
      if (!BY_NAME.has(target)) throw new Error(`${row.kind}: spec.${ref.field} refers to kind "${target}", which is not in the table`);
    }
  }
}

/** The row of a kind. Throws for a name outside the table (e.g. a state file from another version). */
export function assetKind(name: string): AssetKind {
  const kind = BY_NAME.get(name);
  if (!kind) throw new Error(`unknown asset kind "${name}"`);
  return kind;
}

/** The references of other kinds' rows that may point at assets of `kind` (their users block its deletion). */
export function referencesTo(kind: AssetKindName): Array<{ from: AssetKind; reference: AssetReference }> {
  return ASSET_KINDS.flatMap((from) => from.references.filter((r) => r.kinds.includes(kind)).map((reference) => ({ from, reference })));
}
