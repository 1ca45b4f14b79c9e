// The access rules. A deleted rule is kept (with deletedAt) for includeDeleted=true and grants
// nothing. Rules end with the department or project they are on, so a read first lets the org
// units drop the projects that finished deleting (`beforeRead`).
import type { AccessRuleRecord } from "../types";

const byNumericId = (a: AccessRuleRecord, b: AccessRuleRecord): number => a.id - b.id;

export class AccessRuleTable {
  private readonly byId = new Map<number, AccessRuleRecord>();

  constructor(
    private readonly clock: () => number,
    private readonly beforeRead: () => void,
  ) {}

  /** The rule unless it does not exist or was deleted. */
  get(id: number): AccessRuleRecord | undefined {
    this.beforeRead();
    const rule = this.byId.get(id);
    return rule && rule.deletedAt === null ? rule : undefined;
  }

  /** Rules by id; deleted ones only with `includeDeleted`. */
  all(includeDeleted = false): AccessRuleRecord[] {
    this.beforeRead();
    const rules = [...this.byId.values()].sort(byNumericId);
    return includeDeleted ? rules : rules.filter((r) => r.deletedAt === null);
  }

  insert(rule: AccessRuleRecord): void {
    this.byId.set(rule.id, rule);
  }

  delete(rule: AccessRuleRecord): void {
    const now = new Date(this.clock()).toISOString();
    rule.deletedAt = now;
    rule.updatedAt = now;
  }

  /** Deletes the live rules on a department or project that is gone. */
  deleteOnScope(scopeType: "department" | "project", scopeId: string): void {
    for (const rule of this.byId.values()) {
      if (rule.deletedAt === null && rule.scopeType === scopeType && rule.scopeId === scopeId) this.delete(rule);
    }
  }

  clear(): void {
    this.byId.clear();
  }
}
