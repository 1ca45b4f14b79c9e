// Workload policies, one per policy type and scope (the tenant, a cluster, a department or a project).
import type { JsonObject } from "../types";

export interface PolicyRecord {
  id: string;
  /** The path segment: "trainings", "workspaces", "distributed", "inferences". */
  type: string;
  scope: string;
  /** The scope's id ("" for the tenant). */
  scopeId: string;
  name: string;
  /** `{defaults, rules, imposedAssets}` as the last PUT sent them. */
  policy: JsonObject;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const keyOf = (type: string, scope: string, scopeId: string) => `${type}|${scope}|${scopeId}`;

export class PolicyTable {
  private readonly byKey = new Map<string, PolicyRecord>();

  get(type: string, scope: string, scopeId: string): PolicyRecord | undefined {
    return this.byKey.get(keyOf(type, scope, scopeId));
  }

  put(record: PolicyRecord): void {
    this.byKey.set(keyOf(record.type, record.scope, record.scopeId), record);
  }

  remove(record: PolicyRecord): void {
    this.byKey.delete(keyOf(record.type, record.scope, record.scopeId));
  }

  all(): PolicyRecord[] {
    return [...this.byKey.values()];
  }

  clear(): void {
    this.byKey.clear();
  }
}
