// Look-ups by name: the cluster, department, project, node pool or role a program refers to, so it
// never hard-codes an id. Exactly one match, or an error naming what was searched and what exists.
// Plain functions of a client, listed once in LOOKUPS: the program-side wrappers
// (src/resources/lookups.ts), the plugin's invokes (`runai:index:getProject`, src/plugin/invoke.ts)
// and the package schema's `functions` (src/plugin/schema.ts) all come from that table, so a new
// look-up is one row.
import type { z } from "zod";
import type { RunaiClient } from "../client";
import type * as Schemas from "../schemas";
import type { Cluster, Department, NodePool, Project, Role } from "../schemas";
import { LookupError } from "./errors";
import { stripNulls } from "./normalize";

/** A look-up: its function name, what it is asked by, what it answers, and how it finds it. */
export interface Lookup {
  /** The function's name: `getProject`, token `runai:index:getProject`. */
  name: string;
  description: string;
  /** Whether it is asked for a cluster's uuid too (what lives in a cluster). */
  inCluster: boolean;
  /**
   * The answer's shape, as Run:ai returns it (the schema's outputs and the TypeScript result type),
   * from the schema modules and zod it is given: a provider that loads this table builds no schema.
   */
  result(schemas: typeof Schemas, zod: typeof z): z.ZodType;
  find(client: RunaiClient, args: LookupArgs): Promise<object>;
}

export interface LookupArgs {
  name: string;
  clusterId: string;
}

/** Every look-up, in the order the schema and the docs list them. */
export const LOOKUPS: readonly Lookup[] = [
  {
    name: "getCluster",
    description: "The cluster with this name; `id` is its uuid, the `clusterId` of every other look-up and resource.",
    inCluster: false,
    result: (schemas, zod) =>
      schemas.Cluster.extend({ id: zod.string().describe("The cluster's uuid, as every other API's `clusterId`.") }),
    find: findCluster,
  },
  {
    name: "getDepartment",
    description: "The department with this name in the cluster.",
    inCluster: true,
    result: (schemas) => schemas.Department,
    find: findDepartment,
  },
  {
    name: "getProject",
    description: "The project with this name in the cluster.",
    inCluster: true,
    result: (schemas) => schemas.Project,
    find: findProject,
  },
  {
    name: "getNodePool",
    description: 'The node pool with this name in the cluster ("default" exists in every cluster).',
    inCluster: true,
    result: (schemas) => schemas.NodePool,
    find: findNodePool,
  },
  {
    name: "getRole",
    description: 'The role with this exact name, e.g. "ML engineer".',
    inCluster: false,
    result: (schemas) => schemas.Role,
    find: findRole,
  },
];

/** The look-up of this function name, if there is one. */
export function lookupNamed(name: string): Lookup | undefined {
  return LOOKUPS.find((lookup) => lookup.name === name);
}

/**
 * Runs a look-up: the object as Run:ai returns it, without its null fields (the answer types have
 * optional fields where Run:ai may answer null, and the engine takes no null or undefined values).
 */
export async function runLookup(lookup: Lookup, client: RunaiClient, args: LookupArgs): Promise<Record<string, unknown>> {
  return stripNulls(await lookup.find(client, args)) as Record<string, unknown>;
}

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
