// Look-ups by name: the cluster, department, project, node pool or role a program refers to, so it
// never hard-codes an id. Exactly one match, or an error naming what was searched and what exists.
// And their list forms (`getProjects`, `getDepartments`, `getNodePools`): every one in a cluster.
// Plain functions of a client, listed once in LOOKUPS: the program-side wrappers
// (src/resources/lookups.ts), the plugin's invokes (`runai:index:getProject`, src/plugin/invoke.ts)
// and the package schema's `functions` (src/plugin/schema.ts) all come from that table, so a new
// look-up is one row.
import type { z } from "zod";
import type { RunaiClient } from "../client";
import type * as Schemas from "../schemas";
import type { Cluster, Department, DepartmentForList, NodePool, Project, Role } from "../schemas";
import { LookupError } from "./errors";
import { stripNulls } from "./normalize";

/** A look-up: its function name, what it is asked by, what it answers, and how it finds it. */
export interface Lookup {
  /** The function's name: `getProject`, token `runai:index:getProject`. */
  name: string;
  description: string;
  /** What it is asked by, in order; `?` marks one that may be left out. */
  inputs: readonly LookupInput[];
  /**
   * The answer's shape, as Run:ai returns it (the schema's outputs and the TypeScript result type),
   * from the schema modules and zod it is given: a provider that loads this table builds no schema.
   */
  result(schemas: typeof Schemas, zod: typeof z): z.ZodType;
  find(client: RunaiClient, args: LookupArgs): Promise<object>;
}

/** `name`: the exact name; `clusterId`: the cluster's uuid; `departmentId`: a department's id. */
export type LookupInput = "name" | "clusterId" | "departmentId?";

export interface LookupArgs {
  name: string;
  clusterId: string;
  departmentId?: string;
}

/** Whether a look-up finds one object by its name (and so fails for a name that does not exist). */
export function findsByName(lookup: Lookup): boolean {
  return lookup.inputs.includes("name");
}

/** Every look-up, in the order the schema and the docs list them. */
export const LOOKUPS: readonly Lookup[] = [
  {
    name: "getCluster",
    description: "The cluster with this name; `id` is its uuid, the `clusterId` of every other look-up and resource.",
    inputs: ["name"],
    result: (schemas, zod) =>
      schemas.Cluster.extend({ id: zod.string().describe("The cluster's uuid, as every other API's `clusterId`.") }),
    find: findCluster,
  },
  {
    name: "getDepartment",
    description: "The department with this name in the cluster.",
    inputs: ["name", "clusterId"],
    result: (schemas) => schemas.Department,
    find: findDepartment,
  },
  {
    name: "getProject",
    description: "The project with this name in the cluster.",
    inputs: ["name", "clusterId"],
    result: (schemas) => schemas.Project,
    find: findProject,
  },
  {
    name: "getNodePool",
    description: 'The node pool with this name in the cluster ("default" exists in every cluster).',
    inputs: ["name", "clusterId"],
    result: (schemas) => schemas.NodePool,
    find: findNodePool,
  },
  {
    name: "getRole",
    description: 'The role with this exact name, e.g. "ML engineer".',
    inputs: ["name"],
    result: (schemas) => schemas.Role,
    find: findRole,
  },
  {
    name: "getDepartments",
    description: "Every department in the cluster, as the list of departments shows them (no summed quotas).",
    inputs: ["clusterId"],
    result: (schemas, zod) => zod.object({ departments: zod.array(schemas.DepartmentForList).describe("The cluster's departments.") }),
    find: listDepartments,
  },
  {
    name: "getProjects",
    description: "Every project in the cluster, or only those of one department.",
    inputs: ["clusterId", "departmentId?"],
    result: (schemas, zod) =>
      zod.object({ projects: zod.array(schemas.Project).describe("The projects, in the order Run:ai lists them.") }),
    find: listProjects,
  },
  {
    name: "getNodePools",
    description: 'Every node pool of the cluster ("default" among them).',
    inputs: ["clusterId"],
    result: (schemas, zod) => zod.object({ nodePools: zod.array(schemas.NodePool).describe("The cluster's node pools.") }),
    find: listNodePools,
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

/** Every department of a cluster. */
export async function listDepartments(client: RunaiClient, args: { clusterId: string }): Promise<{ departments: DepartmentForList[] }> {
  return { departments: await client.departments.list({ clusterId: requiredClusterId("getDepartments", args.clusterId) }) };
}

/** Every project of a cluster, or of one department in it. */
export async function listProjects(
  client: RunaiClient,
  args: { clusterId: string; departmentId?: string },
): Promise<{ projects: Project[] }> {
  const clusterId = requiredClusterId("getProjects", args.clusterId);
  return { projects: await client.projects.list({ clusterId, parentId: args.departmentId || undefined }) };
}

/** Every node pool of a cluster. */
export async function listNodePools(client: RunaiClient, args: { clusterId: string }): Promise<{ nodePools: NodePool[] }> {
  return { nodePools: await client.nodePools.list({ clusterId: requiredClusterId("getNodePools", args.clusterId) }) };
}

function requiredClusterId(lookup: string, clusterId: string): string {
  if (typeof clusterId !== "string" || clusterId === "") throw new LookupError(`${lookup}: clusterId is required`);
  return clusterId;
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
