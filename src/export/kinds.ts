// What the exporter knows of each kind it lists: where an object lives (for --department and
// --project), what it is called (for --match and the resource names), and whether Run:ai made it
// itself. Ids, inputs and type tokens are not here: they come from the kind registry
// (provider/registry.ts, kind.identity.idOf, provider/import.ts) and the plugin (plugin/token.ts).
import type { Json } from "../provider/kind";

/** An object's place in the organisation: the department and project it belongs to, if any. */
export interface Placement {
  departmentId?: string;
  projectId?: string;
}

/** How the exporter reads one kind's listed objects, in the input shape `pulumi import` gives them. */
export interface ExportedKind {
  type: string;
  /** The Run:ai name, or a description for a kind without one (an access rule). */
  nameOf(inputs: Json, raw: Json): string;
  /** Where the object lives; `projectDepartment` maps a project's id to its department's. */
  placementOf(inputs: Json, projectDepartment: ReadonlyMap<string, string>): Placement;
  /** Why Run:ai made the object itself (it is left out without --include-system), or undefined. */
  systemReason?(inputs: Json, raw: Json): string | undefined;
}

const text = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

const ASSET_TYPES = [
  "ConfigMapAsset",
  "EnvironmentAsset",
  "NfsAsset",
  "HostPathAsset",
  "ComputeAsset",
  "PvcAsset",
  "S3Asset",
  "GitAsset",
  "SecretVolumeAsset",
  "AccessKeyCredential",
  "PasswordCredential",
  "DockerRegistryCredential",
  "GenericSecretCredential",
];

function asset(type: string): ExportedKind {
  return {
    type,
    nameOf: (inputs) => String((inputs.meta as Json | undefined)?.name ?? ""),
    placementOf(inputs, projectDepartment) {
      const meta = (inputs.meta ?? {}) as Json;
      const projectId = meta.scope === "project" ? text(meta.projectId) : undefined;
      if (projectId) return { projectId, departmentId: projectDepartment.get(projectId) };
      return meta.scope === "department" ? { departmentId: text(meta.departmentId) } : {};
    },
    // Run:ai's own assets live in the "system" scope, which no program may create in.
    systemReason: (_inputs, raw) => ((raw.meta as Json | undefined)?.scope === "system" ? "a system asset of Run:ai" : undefined),
  };
}

const ORGANISATION: ExportedKind[] = [
  {
    type: "Department",
    nameOf: (inputs) => String(inputs.name ?? ""),
    placementOf: (_inputs) => ({}),
  },
  {
    type: "Project",
    nameOf: (inputs) => String(inputs.name ?? ""),
    placementOf: (inputs) => ({ departmentId: text(inputs.departmentId) }),
  },
  {
    type: "NodePool",
    nameOf: (inputs) => String(inputs.name ?? ""),
    placementOf: () => ({}),
    systemReason: (_inputs, raw) => (raw.isDefault === true ? "the default node pool Run:ai makes with every cluster" : undefined),
  },
  {
    type: "Application",
    nameOf: (inputs) => String(inputs.name ?? ""),
    placementOf: () => ({}),
  },
  {
    type: "AccessRule",
    nameOf: (inputs) =>
      `${String(inputs.subjectId)} ${String(inputs.role ?? inputs.roleId)} ${String(inputs.scopeType)} ${String(inputs.scopeId ?? "")}`.trim(),
    placementOf(inputs, projectDepartment) {
      const scopeId = text(inputs.scopeId);
      if (inputs.scopeType === "project" && scopeId) return { projectId: scopeId, departmentId: projectDepartment.get(scopeId) };
      return inputs.scopeType === "department" && scopeId ? { departmentId: scopeId } : {};
    },
  },
];

/** The guardrails: where workloads run, who signs in, and what a scope's workloads may set. */
const CLUSTER: ExportedKind = { type: "Cluster", nameOf: (inputs) => String(inputs.name ?? ""), placementOf: () => ({}) };
const IDENTITY_PROVIDER: ExportedKind = {
  type: "IdentityProvider",
  nameOf: (inputs) => String(inputs.alias ?? ""),
  placementOf: () => ({}),
};
// Not exported yet: a listed policy's nested defaults and rules read back as {} (to be found).
export const WORKLOAD_POLICY: ExportedKind = {
  type: "WorkloadPolicy",
  // Its Run:ai name ("<type>-<scope>[-<scopeId>]" unless one was given).
  nameOf: (inputs) => String(inputs.name ?? [inputs.type, inputs.scope, inputs.scopeId].filter(Boolean).join("-")),
  placementOf(inputs, projectDepartment) {
    const scopeId = text(inputs.scopeId);
    if (inputs.scope === "project" && scopeId) return { projectId: scopeId, departmentId: projectDepartment.get(scopeId) };
    return inputs.scope === "department" && scopeId ? { departmentId: scopeId } : {};
  },
};

/** The kinds runai-export lists, in the order the import file holds them (what others refer to first). */
export const EXPORTED_KINDS: readonly ExportedKind[] = [
  CLUSTER,
  ...ORGANISATION.filter((kind) => kind.type !== "AccessRule"),
  IDENTITY_PROVIDER,
  ...ASSET_TYPES.filter((type) => type.endsWith("Credential")).map(asset),
  ...ASSET_TYPES.filter((type) => !type.endsWith("Credential")).map(asset),
  WORKLOAD_POLICY,
  ...ORGANISATION.filter((kind) => kind.type === "AccessRule"),
];

export const EXPORTED_TYPES: readonly string[] = EXPORTED_KINDS.map((kind) => kind.type);
