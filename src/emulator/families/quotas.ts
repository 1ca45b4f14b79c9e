// Per-node-pool quotas of departments and projects (the contract's ResourcesNullable in requests,
// Resources in responses) and the read-only sums derived from them: totalResources, the quota
// statuses (nothing runs on the emulator, so allocated and requested are 0) and a department's
// projectsAggregatedResources.
import type { NodePoolRecord } from "../state/cluster-table";
import type { JsonObject, ResourcesEntry } from "../types";

/** The request's quotas as stored: node pool named (name filled in), `gpu.deserved` 0 when no gpu is sent. */
export function normalizeResources(items: unknown, problems: string[], pools: readonly NodePoolRecord[]): ResourcesEntry[] {
  const seen = new Set<string>();
  const entries: ResourcesEntry[] = [];
  (Array.isArray(items) ? (items as JsonObject[]) : []).forEach((item, i) => {
    const field = `resources[${i}].nodePool`;
    const ref = item.nodePool as { id: string; name?: string } | null | undefined;
    // No node pool: the cluster's default one (UNCONFIRMED).
    const pool = ref ? pools.find((p) => p.id === ref.id) : pools.find((p) => p.isDefault);
    if (!pool) {
      problems.push(`${field}.id: node pool "${ref?.id ?? "default"}" does not exist`);
      return;
    }
    if (ref?.name !== undefined && ref.name !== pool.name) {
      problems.push(`${field}.name: node pool "${pool.id}" is named "${pool.name}", not "${ref.name}"`);
    }
    if (seen.has(pool.id)) problems.push(`${field}.id: node pool "${pool.id}" is given more than once`);
    seen.add(pool.id);
    // The contract: "GPU number ... Default will be set to 0."
    const gpu = { deserved: 0, ...((item.gpu as JsonObject | undefined) ?? {}) } as ResourcesEntry["gpu"];
    entries.push({ ...item, nodePool: { id: pool.id, name: pool.name }, gpu });
  });
  return entries;
}

/** `defaultNodePools` items are node pool names (UNCONFIRMED): each must be one of the cluster's. */
export function checkDefaultNodePools(names: unknown, problems: string[], pools: readonly NodePoolRecord[]): void {
  if (!Array.isArray(names)) return;
  (names as string[]).forEach((name, i) => {
    if (!pools.some((p) => p.name === name)) problems.push(`defaultNodePools[${i}]: node pool "${name}" does not exist`);
  });
}

const MB_PER: Record<string, number> = { MB: 1, Mib: 1.048576, GB: 1000 };

const deservedOf = (value: unknown): number | null => {
  const deserved = (value as JsonObject | null | undefined)?.deserved;
  return typeof deserved === "number" ? deserved : null;
};

const memoryMbOf = (value: unknown): number | null => {
  const deserved = deservedOf(value);
  return deserved === null ? null : deserved * (MB_PER[(value as JsonObject).units as string] ?? 1);
};

/** Sum of the numbers, or null when there are none. */
function sum(values: Array<number | null>): number | null {
  const numbers = values.filter((v): v is number => v !== null);
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}

/** TotalResources: gpu, cpu (millicores) and memory (MB) quotas summed over the node pools. */
export function totalResources(entries: ResourcesEntry[]): JsonObject {
  return {
    gpuQuota: entries.reduce((total, e) => total + e.gpu.deserved, 0),
    cpuQuota: sum(entries.map((e) => deservedOf(e.cpu))),
    memoryQuota: sum(entries.map((e) => memoryMbOf(e.memory))),
  };
}

const zero = () => ({ gpu: 0, cpu: 0, memory: 0 });
export const emptyQuotaStatus = () => ({ allocated: zero(), allocatedNonPreemptible: zero(), requested: zero() });

export function nodePoolQuotaStatuses(entries: ResourcesEntry[]): JsonObject[] {
  return entries.map((e) => ({ nodePoolId: e.nodePool.id, nodePoolName: e.nodePool.name, ...emptyQuotaStatus() }));
}

/** A department's projectsAggregatedResources: its projects' deserved quotas summed per node pool. */
export function aggregate(projectResources: ResourcesEntry[][]): JsonObject[] {
  const byPool = new Map<string, ResourcesEntry[]>();
  for (const entry of projectResources.flat()) byPool.set(entry.nodePool.id, [...(byPool.get(entry.nodePool.id) ?? []), entry]);
  return [...byPool.values()].map((entries) => ({
    nodePool: entries[0].nodePool,
    gpu: { deserved: entries.reduce((total, e) => total + e.gpu.deserved, 0) },
    cpu: { deserved: sum(entries.map((e) => deservedOf(e.cpu))) },
    memory: { deserved: sum(entries.map((e) => memoryMbOf(e.memory))), units: "MB" },
  }));
}
