// Look-ups by name: the cluster, department, project, node pool or role a program refers to, so it
// never hard-codes an id. Exactly one match, or an error naming what was searched and what exists.
// Plain functions of a client: the program-side wrappers (src/resources/lookups.ts) and any other
// host call them with the client their configuration gives.
import type { RunaiClient } from "../client";
import type { Cluster, Department, NodePool, Project, Role } from "../schemas";
import { LookupError } from "./errors";

/** A cluster by name; `id` is its uuid (every other API's `clusterId`). */
export async function findCluster(client: RunaiClient, args: { name: string }): Promise<Cluster & { id: string }> {
  const clusters = await client.clusters.list();
  const found = exactlyOne("getCluster", "cluster", args.name, "", clusters, (c) => c.uuid);
  return { ...found, id: found.uuid };
}

/** A department by name in a cluster. */
export async function findDepartment(client: RunaiClient, args: { name: string; clusterId: string }): Promise<Department> {
  const departments = await client.departments.list({ clusterId: args.clusterId });
  const found = exactlyOne("getDepartment", "department", args.name, ` in cluster ${args.clusterId}`, departments, (d) => d.id);
  return client.departments.get(found.id);
}

/** A project by name in a cluster. */
export async function findProject(client: RunaiClient, args: { name: string; clusterId: string }): Promise<Project> {
  const projects = await client.projects.list({ clusterId: args.clusterId });
  const found = exactlyOne("getProject", "project", args.name, ` in cluster ${args.clusterId}`, projects, (p) => p.id);
  return client.projects.get(found.id);
}

/** A node pool by name in a cluster ("default" is the one every cluster has). */
export async function findNodePool(client: RunaiClient, args: { name: string; clusterId: string }): Promise<NodePool> {
  const pools = await client.nodePools.list({ clusterId: args.clusterId });
  return exactlyOne("getNodePool", "node pool", args.name, ` in cluster ${args.clusterId}`, pools, (p) => p.id);
}

/** A role by its exact name, e.g. "ML engineer". */
export async function findRole(client: RunaiClient, args: { name: string }): Promise<Role> {
  const roles = await client.roles.list();
  return exactlyOne("getRole", "role", args.name, "", roles, (r) => String(r.id));
}

function exactlyOne<T extends { name: string }>(
  lookup: string,
  noun: string,
  name: string,
  where: string,
  candidates: T[],
  idOf: (candidate: T) => string,
): T {
  if (typeof name !== "string" || name === "") throw new LookupError(`${lookup}: name is required`);
  const matches = candidates.filter((candidate) => candidate.name === name);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new LookupError(
      `${lookup}: ${matches.length} ${noun}s are named "${name}"${where} (ids ${matches.map(idOf).join(", ")}); use the id instead`,
    );
  }
  const existing = candidates.map((candidate) => `"${candidate.name}"`).join(", ");
  throw new LookupError(`${lookup}: no ${noun} is named "${name}"${where}; ${existing ? `there: ${existing}` : `there are none`}`);
}
