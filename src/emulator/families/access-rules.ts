// Access rules (/api/v1/authorization/access-rules). Rules are synchronous (status.phase "Ready" at once), have no PUT,
// and take effect on the next request (authorization.ts reads them). A deleted rule is kept with
// deletedAt for includeDeleted=true and grants nothing.
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest } from "../http/http";
import { defineFamily, type Handler } from "../http/operations";
import type { LiveOrganisation } from "./organisation";
import { TENANT_SCOPE, type ScopeRef } from "./organisation";
import { role, type Role } from "../auth/roles";
import type { AccessRuleRecord, JsonObject, ScopeType, SubjectType } from "../types";

const ACCESS_RULES_PATH = "/api/v1/authorization/access-rules";

export const ACCESS_RULES_FAMILY = defineFamily({
  name: "access rules",
  rows: [
    { method: "GET", template: ACCESS_RULES_PATH, operationId: "get_access_rules", handler: "list" },
    { method: "POST", template: ACCESS_RULES_PATH, operationId: "create_access_rule", handler: "create" },
    { method: "GET", template: `${ACCESS_RULES_PATH}/{accessRuleId}`, operationId: "get_access_rule", handler: "get" },
    { method: "DELETE", template: `${ACCESS_RULES_PATH}/{accessRuleId}`, operationId: "delete_access_rule", handler: "remove" },
  ],
  handlers: accessRuleHandlers,
});

/** AccessRule on the wire (AccessRuleById adds scopePath). */
function ruleToWire(rule: AccessRuleRecord, withPath: boolean): JsonObject {
  const { scopePath, ...fields } = rule;
  return { ...fields, status: { phase: "Ready" }, ...(withPath ? { scopePath } : {}) };
}

const FIELDS: Fields<AccessRuleRecord> = {
  subjectId: (r) => r.subjectId,
  subjectType: (r) => r.subjectType,
  roleId: (r) => r.roleId,
  scopeId: (r) => r.scopeId,
  scopeType: (r) => r.scopeType,
  roleName: (r) => r.roleName,
  scopeName: (r) => r.scopeName,
  createdAt: (r) => r.createdAt,
  deletedAt: (r) => r.deletedAt,
  createdBy: (r) => r.createdBy,
  phase: () => "Ready",
};

/** The list's own query parameters (filterBy and paging aside): all given ones must hold. */
function listQueryPredicate(q: Record<string, unknown>): (r: AccessRuleRecord) => boolean {
  const subjectIds = Array.isArray(q.subjectIds) ? new Set(q.subjectIds as string[]) : null;
  const search = typeof q.search === "string" ? q.search : undefined;
  return (r) =>
    (typeof q.subjectType !== "string" || r.subjectType === q.subjectType) &&
    (subjectIds === null || subjectIds.has(r.subjectId)) &&
    (typeof q.subjectIdFilter !== "string" || r.subjectId.includes(q.subjectIdFilter)) &&
    (typeof q.scopeId !== "string" || r.scopeId === q.scopeId) &&
    (typeof q.scopeType !== "string" || r.scopeType === q.scopeType) &&
    (typeof q.roleId !== "number" || r.roleId === q.roleId) &&
    (typeof q.clusterId !== "string" || r.clusterId === q.clusterId) &&
    (typeof q.lastUpdated !== "string" || r.updatedAt >= q.lastUpdated) &&
    (search === undefined || [r.subjectId, r.roleName, r.scopeName].some((text) => text.includes(search)));
}

interface NewRule {
  subjectType: SubjectType;
  subjectId: string;
  roleId: number;
  scopeType: ScopeType;
  scopeId: string;
  clusterId?: string;
}

/** The scope a new rule names, or a problem: the tenant by its id, a unit that exists and is not being deleted. */
function ruleScope(org: LiveOrganisation, rule: NewRule, problems: string[]): ScopeRef | undefined {
  const { scopeType, scopeId } = rule;
  if (scopeType === "system") {
    problems.push('scopeType: "system" is internal-only');
    return undefined;
  }
  if (scopeType === "tenant") {
    if (scopeId === String(org.tenantId)) return TENANT_SCOPE;
    problems.push(`scopeId: tenant "${scopeId}" does not exist`);
    return undefined;
  }
  const unit: ScopeRef = { type: scopeType, id: scopeId };
  const project = scopeType === "project" ? org.project(scopeId) : undefined;
  if (org.scopeName(unit) === undefined) problems.push(`scopeId: ${scopeType} "${scopeId}" does not exist`);
  else if (project && project.deleteAt !== null) problems.push(`scopeId: project "${scopeId}" is being deleted`);
  return unit;
}

export function accessRuleHandlers(ctx: EmulatorContext): Record<"list" | "create" | "get" | "remove", Handler> {
  const { store, organisation: org, access } = ctx;
  /** Access rules are tenant-wide: the caller needs the action on "access_rules" in the tenant. */
  const allow = (req: ApiRequest, action: "create" | "read" | "delete") =>
    access.require(req.callerId, "access_rules", action, TENANT_SCOPE);

  const existing = (req: ApiRequest): AccessRuleRecord => {
    const id = Number(req.params.accessRuleId);
    const rule = store.accessRules.get(id);
    if (!rule) throw notFound(`access rule ${id} not found`);
    return rule;
  };

  /** Every problem of a new rule in one 400; then the granted role and the scope. */
  const checkNewRule = (rule: NewRule): { granted: Role; scope: ScopeRef } => {
    const { subjectType, subjectId, roleId, clusterId } = rule;
    const problems: string[] = [];
    if (subjectId.trim() === "") problems.push("subjectId: must not be empty");
    else if (subjectType === "app" && !store.apps.byName(subjectId)) problems.push(`subjectId: application "${subjectId}" does not exist`);
    const granted = role(roleId);
    // The contract also declares 404 for create; the emulator answers 400 like every other unknown id in a body (UNCONFIRMED).
    if (!granted) problems.push(`roleId: role ${roleId} does not exist`);
    const scope = ruleScope(org, rule, problems);
    if (clusterId !== undefined && !org.hasCluster(clusterId)) problems.push(`clusterId: cluster "${clusterId}" does not exist`);
    if (problems.length) throw badRequest(problems.join("; "), "access rule rejected");
    return { granted: granted!, scope: scope! };
  };

  /** The contract declares no 409 (UNCONFIRMED): the emulator refuses a second identical live rule. */
  const refuseDuplicate = (rule: NewRule): void => {
    const { subjectType, subjectId, roleId, scopeType, scopeId } = rule;
    const same = store.accessRules
      .all()
      .find(
        (r) =>
          r.subjectType === subjectType &&
          r.subjectId === subjectId &&
          r.roleId === roleId &&
          r.scopeType === scopeType &&
          r.scopeId === scopeId,
      );
    if (same) {
      throw conflict(
        `access rule ${same.id} already gives ${subjectType} "${subjectId}" the role "${same.roleName}" in ${scopeType} "${scopeId}"`,
      );
    }
  };

  return {
    list(req) {
      allow(req, "read");
      const q = req.query;
      const matches = filterByPredicate(q.filterBy, FIELDS);
      const selected = listQueryPredicate(q);
      const found = store.accessRules.all(q.includeDeleted === true).filter((r) => selected(r) && matches(r));
      const { items } = page(sortItems(found, q.sortBy, q.sortOrder, FIELDS), q);
      return {
        status: 200,
        body: { totalRecords: found.length, displayRecords: items.length, accessRules: items.map((r) => ruleToWire(r, false)) },
      };
    },

    async create(req) {
      allow(req, "create");
      const body = req.body as unknown as NewRule;
      const { subjectType, subjectId, roleId, scopeType, scopeId, clusterId } = body;
      const { granted, scope } = checkNewRule(body);
      refuseDuplicate(body);

      const now = new Date().toISOString();
      const rule: AccessRuleRecord = {
        id: store.takeId("accessRule"),
        subjectId,
        subjectType,
        roleId,
        scopeId,
        scopeType,
        // Every unit below the tenant is in the one cluster.
        ...(clusterId !== undefined ? { clusterId } : scopeType !== "tenant" ? { clusterId: org.clusterId } : {}),
        roleName: granted.name,
        scopeName: org.scopeName(scope)!,
        scopePath: org.scopePath(scope),
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        tenantId: org.tenantId,
        createdBy: req.callerId,
      };
      store.accessRules.insert(rule);
      await ctx.commit();
      return { status: 201, body: ruleToWire(rule, false) };
    },

    get(req) {
      allow(req, "read");
      return { status: 200, body: ruleToWire(existing(req), true) };
    },

    async remove(req) {
      allow(req, "delete");
      store.accessRules.delete(existing(req));
      await ctx.commit();
      return { status: 204 };
    },
  };
}
