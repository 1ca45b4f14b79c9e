// What departments and projects share (the org units of `/api/v1/org-unit/...`): per-node-pool
// quotas with their rules, node pools named by name or id (resolved at check time), and the fields
// both update in place.
import { z } from "zod";
import type { RunaiClient } from "../../client";
import { Uuid } from "../../schemas/common";
import type { NodePool, QuotaResource } from "../../schemas";
import { DepartmentUpdateRequest, QuotaResource as QuotaResourceSchema } from "../../schemas/org-unit";
import type { FieldRule, Json } from "../kind";
import { nodePoolsOf } from "../reference-cache";
import type { Failures, Path } from "../validation";
import { isKnown, isObject, isSet } from "../validation";

/**
 * One quota entry as a program writes it: the contract's `ResourcesNullable`, with its node pool
 * named by id or by name (the name is resolved to the id at check time).
 */
export const QuotaInput = QuotaResourceSchema.extend({
  nodePool: z
    .strictObject({
      id: z.string().min(1).optional().describe("The node pool's id (a string), from `getNodePool` or `/api/v1/node-pools`."),
      name: z.string().min(1).optional().describe('The node pool\'s name, e.g. "default"; looked up at preview time.'),
    })
    .describe("The node pool the entry is for, by id or by name."),
});

/** What departments and projects both write beyond their contract's request, as programs see it. */
export const ORG_UNIT_INPUT_FIELDS = {
  name: z.string().min(1).describe("Fixed at creation; unique in the cluster. Defaults to the resource name."),
  clusterId: Uuid.describe("The cluster (its uuid, e.g. from `getCluster`). Fixed at creation."),
  description: DepartmentUpdateRequest.shape.description.describe("Free text. Updatable in place; removing it unsets it."),
  schedulingRules: DepartmentUpdateRequest.shape.schedulingRules.describe(
    "Time limits of interactive and training workloads (seconds, each ≥ 1).",
  ),
  defaultNodePools: DepartmentUpdateRequest.shape.defaultNodePools.describe("Node pool names in the order workloads try them."),
  nodeTypes: DepartmentUpdateRequest.shape.nodeTypes.describe(
    "Default node types of the unit's workloads (used where a workload policy sets none).",
  ),
  resources: z.array(QuotaInput).optional().describe("One entry per node pool the program manages; pools it leaves out keep their quota."),
};

/**
 * The output recording the node pools whose quotas the program listed at its last write: a pool it
 * listed then and no longer lists loses its quota entry at the next update (pools it never listed
 * keep theirs), so a node pool the program replaces is free to be deleted.
 */
export const MANAGED_NODE_POOLS = "managedNodePoolIds";

/**
 * Each entry is compared by its node pool; a server default (GPU deserved 0) equals an absent value;
 * a node pool dropped from the list is a change.
 */
export const QUOTA_RULE: FieldRule = {
  path: "resources",
  keyedBy: "nodePool.id",
  defaults: { gpu: { deserved: 0 } },
  listedKeysIn: MANAGED_NODE_POOLS,
};

/** What departments and projects record of their inputs (see ResourceKind.programRecord). */
export const QUOTA_RECORD = {
  keys: [MANAGED_NODE_POOLS],
  of: (inputs: { resources?: readonly { nodePool?: { id?: string } }[] }): Json => ({
    [MANAGED_NODE_POOLS]: (inputs.resources ?? []).map((entry) => entry.nodePool?.id).filter((id): id is string => typeof id === "string"),
  }),
};

/** Fields both org units update in place. `description` reads "" when unset. */
export const ORG_UNIT_UPDATABLE: readonly FieldRule[] = [
  { path: "description", defaults: "" },
  { path: "schedulingRules" },
  { path: "defaultNodePools" },
  { path: "nodeTypes" },
  QUOTA_RULE,
];

/** The quotas' own rules: a node pool per entry, each once, no negative amounts, limits above what is deserved. */
export function validateQuotas(failures: Failures, resources: unknown): void {
  if (!Array.isArray(resources)) return;
  const seen = new Map<string, number>();
  resources.forEach((entry, index) => {
    if (!isObject(entry)) return;
    const path: Path = ["resources", index];
    const pool = entry.nodePool;
    if (isObject(pool) && !isSet(pool.id) && !isSet(pool.name)) {
      failures.add([...path, "nodePool"], 'needs its id or its name, e.g. { name: "default" }');
    }
    // Only an id or a name of the right type counts (the schema names a wrong one).
    const named = isObject(pool) && isKnown(pool) ? (pool.id ?? pool.name) : undefined;
    const key = typeof named === "string" || typeof named === "number" ? String(named) : "";
    if (key) {
      if (seen.has(key))
        failures.add([...path, "nodePool"], `"${key}" is listed twice (also resources[${seen.get(key)}]); one entry per node pool`);
      else seen.set(key, index);
    }
    for (const resource of ["gpu", "cpu", "memory"] as const) {
      if (isObject(entry[resource])) validateAmounts(failures, [...path, resource], entry[resource]);
    }
  });
}

function validateAmounts(failures: Failures, path: Path, amounts: Json): void {
  const { deserved, limit, overQuotaWeight } = amounts;
  if (typeof deserved === "number" && deserved < 0) failures.add([...path, "deserved"], "must not be negative");
  if (typeof overQuotaWeight === "number" && overQuotaWeight < 0) failures.add([...path, "overQuotaWeight"], "must not be negative");
  if (typeof limit !== "number" || limit === -1) return;
  if (limit < 0) failures.add([...path, "limit"], "must not be negative (-1 means no limit)");
  else if (typeof deserved === "number" && limit < deserved) {
    failures.add([...path, "limit"], `must be at least ${path.at(-1)}.deserved (${deserved}), or -1 for no limit`);
  }
}

/**
 * Fills in each quota entry's node pool id and name from the cluster's node pools, and checks the
 * default node pools' names; reports pools that do not exist, with the ones that do.
 */
export async function resolveNodePools(client: RunaiClient, inputs: Json, failures: Failures): Promise<Json> {
  const resources = Array.isArray(inputs.resources) ? (inputs.resources as QuotaResource[]) : [];
  const defaults = Array.isArray(inputs.defaultNodePools) ? (inputs.defaultNodePools as unknown[]) : [];
  const clusterId = inputs.clusterId;
  if ((resources.length === 0 && defaults.length === 0) || typeof clusterId !== "string" || !isKnown(clusterId)) return inputs;
  let pools = await nodePoolsOf(client, clusterId);
  // A name the list lacks may be a node pool this run created after the list was read.
  const names = [...resources.map((entry) => entry.nodePool?.name), ...defaults].filter((n): n is string => typeof n === "string");
  if (names.some((name) => isKnown(name) && !pools.some((pool) => pool.name === name))) pools = await nodePoolsOf(client, clusterId, true);
  const known = pools.map((pool) => `"${pool.name}"`).join(", ") || "none";
  const where = `in cluster ${clusterId} (node pools there: ${known})`;

  const resolved = resources.map((entry, index) => {
    const named = entry.nodePool;
    if (!named || !isKnown(named)) return entry;
    const pool: NodePool | undefined = named.id ? pools.find((p) => p.id === named.id) : pools.find((p) => p.name === named.name);
    if (!pool) {
      const field = named.id ? "id" : "name";
      failures.add(
        ["resources", index, "nodePool", field],
        `no node pool ${field === "id" ? "has id" : "is named"} "${named[field]}" ${where}`,
      );
      return entry;
    }
    if (named.id && named.name && named.name !== pool.name) {
      failures.add(["resources", index, "nodePool", "name"], `node pool ${pool.id} is named "${pool.name}", not "${named.name}"`);
    }
    return { ...entry, nodePool: { id: pool.id, name: pool.name } };
  });
  defaults.forEach((name, index) => {
    if (typeof name === "string" && isKnown(name) && !pools.some((pool) => pool.name === name)) {
      failures.add(["defaultNodePools", index], `no node pool is named "${name}" ${where}`);
    }
  });
  return resources.length > 0 ? { ...inputs, resources: resolved } : inputs;
}

/**
 * The quotas to PUT: the program's entries, plus the entries of node pools it leaves alone as the
 * server last held them (a PUT replaces the whole list; a missing pool would lose its quota). Pools in
 * `dropped` (listed by the program before, see MANAGED_NODE_POOLS) are not kept.
 */
export function quotasToSend(program: unknown, held: unknown, dropped: unknown = []): QuotaResource[] {
  const wanted = (Array.isArray(program) ? program : []) as QuotaResource[];
  const ids = new Set([...wanted.map((entry) => entry.nodePool?.id), ...(Array.isArray(dropped) ? dropped : [])]);
  const kept = (Array.isArray(held) ? held : []).filter((entry: QuotaResource) => !ids.has(entry.nodePool?.id));
  return [...kept, ...wanted] as QuotaResource[];
}

/** The updatable fields both org units send on create and PUT. */
export function updatableFields(
  inputs: Pick<DepartmentUpdateRequest, "description" | "schedulingRules" | "defaultNodePools" | "nodeTypes">,
) {
  return {
    description: inputs.description,
    schedulingRules: inputs.schedulingRules,
    defaultNodePools: inputs.defaultNodePools,
    nodeTypes: inputs.nodeTypes,
  };
}
