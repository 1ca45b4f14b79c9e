// The asset list filters. One filter serves every kind: the validator passes on only the query
// parameters the kind's list operation declares (environment has no assetIds, config-map no
// isWorkspace), so a parameter a kind lacks never arrives here.
import type { LiveOrganisation } from "../families/organisation";
import type { AssetRecord, JsonObject } from "../types";

/**
 * List filters with the documented hierarchy: a projectId filter also returns the assets of the
 * project's department, its cluster and the tenant, unless scope=project narrows it (scope is applied
 * as an exact filter on top). departmentId and clusterId work alike; includeDescendants adds the
 * assets of the units below.
 */
export function listFilter(org: LiveOrganisation, query: Record<string, unknown>): (record: AssetRecord) => boolean {
  const tests: Array<(meta: AssetRecord["meta"]) => boolean> = [];
  const descendants = query.includeDescendants === true;

  if (typeof query.name === "string") tests.push((m) => m.name === query.name);
  if (typeof query.scope === "string") tests.push((m) => m.scope === query.scope);

  if (typeof query.projectId === "number") {
    const project = org.project(query.projectId);
    tests.push((m) => {
      switch (m.scope) {
        case "project":
          return m.projectId === query.projectId;
        case "department":
          return project !== undefined && m.departmentId === project.parentId;
        case "cluster":
          return project !== undefined && m.clusterId === org.clusterId;
        default:
          return true;
      }
    });
  }

  if (typeof query.departmentId === "string") {
    const departmentId = query.departmentId;
    const known = org.department(departmentId) !== undefined;
    tests.push((m) => {
      switch (m.scope) {
        case "project":
          return descendants && org.project(m.projectId as number)?.parentId === departmentId;
        case "department":
          return m.departmentId === departmentId;
        case "cluster":
          return known && m.clusterId === org.clusterId;
        default:
          return true;
      }
    });
  }

  if (typeof query.clusterId === "string") {
    const clusterId = query.clusterId;
    tests.push((m) => {
      switch (m.scope) {
        case "project":
        case "department":
          return descendants && clusterId === org.clusterId;
        case "cluster":
          return m.clusterId === clusterId;
        default:
          return true;
      }
    });
  }

  if (typeof query.assetIds === "string") {
    const ids = new Set(query.assetIds.split(",").map((id) => id.toLowerCase()));
    tests.push((m) => ids.has(m.id));
  }

  const workloadFlags: Array<[string, string]> = [
    ["isWorkspace", "workspace"],
    ["isTraining", "training"],
    ["isInference", "inference"],
    ["isDistributed", "distributed"],
  ];
  for (const [param, field] of workloadFlags) {
    if (typeof query[param] !== "boolean") continue;
    // An asset without workloadSupportedTypes supports every workload type.
    tests.push((m) => {
      const types = m.workloadSupportedTypes as JsonObject | null | undefined;
      return !types || (types[field] === true) === query[param];
    });
  }
  if (typeof query.distributedFramework === "string") {
    tests.push((m) => (m.workloadSupportedTypes as JsonObject | null | undefined)?.distFramework === query.distributedFramework);
  }

  return (record) => tests.every((test) => test(record.meta));
}
