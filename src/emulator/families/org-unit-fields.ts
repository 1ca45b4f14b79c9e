// What departments and projects share: the updatable fields of their bodies (DataUpdatableFields),
// their common wire fields, and the checks both creates run. Contract validation of bodies has
// already happened (with the contract's defaults filled in).
import { badRequest } from "../http/errors";
import type { LiveOrganisation } from "./organisation";
import { checkDefaultNodePools, normalizeResources, totalResources } from "./quotas";
import type { NodePoolRecord } from "../state/cluster-table";
import type { JsonObject, OrgUnitFields } from "../types";

export const isSet = (value: unknown): boolean => value !== undefined && value !== null;

export type UpdatableFields = Pick<OrgUnitFields, "schedulingRules" | "defaultNodePools" | "resources"> &
  Partial<Pick<OrgUnitFields, "description" | "nodeTypes">>;

/** The updatable fields of a request body, as stored; absent ones are unset (PUT replaces). `pools`: the cluster's. */
export function updatableFields(body: JsonObject, problems: string[], pools: readonly NodePoolRecord[]): UpdatableFields {
  checkDefaultNodePools(body.defaultNodePools, problems, pools);
  return {
    ...(isSet(body.description) ? { description: body.description as string } : {}),
    schedulingRules: (body.schedulingRules as JsonObject | null | undefined) ?? null,
    defaultNodePools: (body.defaultNodePools as string[] | null | undefined) ?? null,
    ...(isSet(body.nodeTypes) ? { nodeTypes: body.nodeTypes as JsonObject } : {}),
    resources: normalizeResources(body.resources, problems, pools),
  };
}

/** Replaces the updatable fields of a stored unit. */
export function applyUpdatable(record: OrgUnitFields, fields: UpdatableFields, callerId: string): void {
  delete record.description;
  delete record.nodeTypes;
  Object.assign(record, fields);
  record.updatedAt = new Date().toISOString();
  record.updatedBy = callerId;
}

export function commonWire(record: OrgUnitFields): JsonObject {
  return {
    id: record.id,
    name: record.name,
    clusterId: record.clusterId,
    description: record.description ?? "",
    schedulingRules: record.schedulingRules,
    defaultNodePools: record.defaultNodePools,
    ...(record.nodeTypes !== undefined ? { nodeTypes: record.nodeTypes } : {}),
    resources: record.resources,
    totalResources: totalResources(record.resources),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}

export function checkCluster(org: LiveOrganisation, clusterId: string, problems: string[]): void {
  if (!org.hasCluster(clusterId)) problems.push(`clusterId: cluster "${clusterId}" does not exist`);
}

export function checkName(name: string, problems: string[]): void {
  if (name.trim() === "") problems.push("name: must not be empty");
}

/** Every problem found so far in one 400, joined by "; ". */
export function rejectIf(problems: string[], what: string): void {
  if (problems.length) throw badRequest(problems.join("; "), what);
}

/** Who wrote a unit and when: on create both pairs are the same. */
export function authorship(callerId: string): Pick<OrgUnitFields, "createdAt" | "createdBy" | "updatedAt" | "updatedBy"> {
  const now = new Date().toISOString();
  return { createdAt: now, createdBy: callerId, updatedAt: now, updatedBy: callerId };
}
