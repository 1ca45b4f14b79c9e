// Scope rules of assets: which scopes a kind may be created in, which org-unit ids a scope needs
// (and refuses), and the id that makes an asset name unique. The schemas cannot express any of it
// (every id is optional there), so these checks run after contract validation.
import type { AssetKind } from "./kinds";
import type { LiveOrganisation, ScopeRef } from "./organisation";
import type { AssetRecord, JsonObject } from "../types";

/** Broad to narrow; an id field belongs to the scope of the same depth. */
export const SCOPE_DEPTH: Record<string, number> = { tenant: 0, cluster: 1, department: 2, project: 3 };

export const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** The id that makes an asset name unique: the id of the asset's scope (tenant scope has one tenant). */
export function scopeIdOf(meta: AssetRecord["meta"]): string {
  switch (meta.scope) {
    case "project":
      return String(meta.projectId);
    case "department":
      return String(meta.departmentId);
    case "cluster":
      return String(meta.clusterId);
    default:
      return "";
  }
}

/**
 * The scope rules of the asset docs: the id of the asset's own scope is required; ids of narrower
 * scopes must not be sent; ids of broader scopes may be sent but must agree with the organisation.
 * Every referenced id must exist in the live organisation (400 otherwise: create declares no 404);
 * a project being deleted takes no new assets.
 */
export function checkScope(org: LiveOrganisation, kind: AssetKind, meta: JsonObject, problems: string[]): void {
  const scope = meta.scope as string;
  if (scope === "system") {
    problems.push('meta.scope: "system" is internal-only');
    return;
  }
  if (!kind.allowedScopes.includes(scope)) {
    const allowed = kind.allowedScopes.map((s) => `"${s}"`).join(", ");
    problems.push(`meta.scope: must be ${kind.allowedScopes.length === 1 ? "" : "one of "}${allowed} for ${kind.kind} assets`);
    return;
  }
  const depth = SCOPE_DEPTH[scope];
  const idFields: Array<[string, number]> = [
    ["clusterId", SCOPE_DEPTH.cluster],
    ["departmentId", SCOPE_DEPTH.department],
    ["projectId", SCOPE_DEPTH.project],
  ];
  for (const [field, fieldDepth] of idFields) {
    if (fieldDepth === depth && !isSet(meta[field])) problems.push(`meta.${field}: required when meta.scope is "${scope}"`);
    if (fieldDepth > depth && isSet(meta[field])) problems.push(`meta.${field}: must not be set when meta.scope is "${scope}"`);
  }

  if (isSet(meta.clusterId) && !org.hasCluster(meta.clusterId as string)) {
    problems.push(`meta.clusterId: cluster "${String(meta.clusterId)}" does not exist`);
  }
  if (isSet(meta.departmentId) && depth >= SCOPE_DEPTH.department && !org.department(meta.departmentId as string)) {
    problems.push(`meta.departmentId: department "${String(meta.departmentId)}" does not exist`);
  }
  if (isSet(meta.projectId) && depth >= SCOPE_DEPTH.project) {
    const project = org.project(meta.projectId as number);
    if (!project) {
      problems.push(`meta.projectId: project ${String(meta.projectId)} does not exist`);
    } else if (project.deleteAt !== null) {
      problems.push(`meta.projectId: project ${project.id} is being deleted`);
    } else if (isSet(meta.departmentId) && meta.departmentId !== project.parentId) {
      problems.push(
        `meta.departmentId: project ${project.id} belongs to department "${project.parentId}", not "${String(meta.departmentId)}"`,
      );
    }
  }
}

/** The organisation unit an asset belongs to, for the access control. */
export function assetScope(meta: AssetRecord["meta"]): ScopeRef {
  switch (meta.scope) {
    case "project":
      return { type: "project", id: String(meta.projectId) };
    case "department":
      return { type: "department", id: String(meta.departmentId) };
    case "cluster":
      return { type: "cluster", id: String(meta.clusterId) };
    default:
      return { type: "tenant" };
  }
}
