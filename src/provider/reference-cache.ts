// What check (and refresh) consults to resolve names and ids: roles, a cluster's node pools, and the
// scopes (projects, departments, clusters) inputs name by id. Read once per client in a provider
// process rather than once per resource: a preview of a hundred projects would otherwise list the
// same node pools a hundred times, and one of 200 assets in one project read that project 200 times.
// A failed read is not kept; a scope that does not exist is (it is an answer, not a failure).
import type { RunaiClient } from "../client";
import { RunaiBadRequestError, RunaiForbiddenError, RunaiNotFoundError } from "../client/errors";
import type { Cluster, Department, NodePool, Project, Role } from "../schemas";

const caches = new WeakMap<RunaiClient, Map<string, Promise<unknown>>>();

function once<T>(client: RunaiClient, key: string, read: () => Promise<T>): Promise<T> {
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

export const rolesOf = (client: RunaiClient): Promise<Role[]> => once(client, "roles", () => client.roles.list());

/** A cluster's node pools; `fresh` reads them again (a node pool this run created since). */
export function nodePoolsOf(client: RunaiClient, clusterId: string, fresh = false): Promise<NodePool[]> {
  if (fresh) caches.get(client)?.delete(`node-pools ${clusterId}`);
  return once(client, `node-pools ${clusterId}`, () => client.nodePools.list({ clusterId }));
}

/** The kinds of scope an object can name by id (the tenant has no id to check). */
export type ScopeType = "project" | "department" | "cluster";

export interface ScopeObjects {
  project: Project;
  department: Department;
  cluster: Cluster;
}

/** A scope the credentials may not read (403): whether it exists cannot be told, so nothing is said about it. */
export const UNREADABLE = "unreadable";

/**
 * The scope with this id as Run:ai holds it; undefined when there is none (404, or 400 for an id no
 * scope of the type can have: an access rule's scopeId is free text); UNREADABLE on a 403.
 */
export function scopeOf<S extends ScopeType>(
  client: RunaiClient,
  type: S,
  id: string,
): Promise<ScopeObjects[S] | typeof UNREADABLE | undefined> {
  return once(client, `${type} ${id}`, async () => {
    try {
      return (await readScope(client, type, id)) as ScopeObjects[S];
    } catch (err) {
      if (err instanceof RunaiNotFoundError || err instanceof RunaiBadRequestError) return undefined;
      if (err instanceof RunaiForbiddenError) return UNREADABLE;
      throw err;
    }
  });
}

function readScope(client: RunaiClient, type: ScopeType, id: string): Promise<ScopeObjects[ScopeType]> {
  switch (type) {
    case "project":
      return client.projects.get(id);
    case "department":
      return client.departments.get(id);
    case "cluster":
      return client.clusters.get(id);
  }
}
