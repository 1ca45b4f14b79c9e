import * as runai from "pulumi-runai";

// Ids by name, so that no program writes a uuid by hand: the cluster, a department, a project and a
// node pool in it, and a role (for an AccessRule's roleId).
export const clusterId = runai.getCluster({ name: "research-cluster" }).then((cluster) => cluster.id);
export const departmentId = clusterId.then(async (id) => (await runai.getDepartment({ name: "research", clusterId: id })).id);
export const projectId = clusterId.then(async (id) => (await runai.getProject({ name: "team-a", clusterId: id })).id);
export const nodePoolId = clusterId.then(async (id) => (await runai.getNodePool({ name: "a100", clusterId: id })).id);
export const roleId = runai.getRole({ name: "ML engineer" }).then((role) => role.id);
