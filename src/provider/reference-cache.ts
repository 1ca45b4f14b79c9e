// Lists that check consults to resolve names (roles, a cluster's node pools), read once per client
// in a provider process rather than once per resource: a preview of a hundred projects would
// otherwise list the same node pools a hundred times. A failed read is not kept.
import type { RunaiClient } from "../client";
import type { NodePool, Role } from "../schemas";

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

export const nodePoolsOf = (client: RunaiClient, clusterId: string): Promise<NodePool[]> =>
  once(client, `node-pools ${clusterId}`, () => client.nodePools.list({ clusterId }));
