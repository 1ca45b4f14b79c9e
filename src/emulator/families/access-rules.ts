// Access rules (/api/v1/authorization/access-rules) and the predefined roles
// (/api/v1/authorization/roles). Rules are synchronous (status.phase "Ready" at once), have no PUT,
// and take effect on the next request (authorization.ts reads them). A deleted rule is kept with
// deletedAt for includeDeleted=true and grants nothing.
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import { TENANT_SCOPE, type ScopeRef } from "./organisation";
import { role, ROLES, roleToWire } from "../auth/roles";
import type { AccessRuleRecord, JsonObject, ScopeType, SubjectType } from "../types";

type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

const ROLES_PATH = "/api/v1/authorization/roles";
const ACCESS_RULES_PATH = "/api/v1/authorization/access-rules";

/** The predefined roles, read-only. */
export const ROLES_FAMILY = defineFamily({
  name: "roles",
  rows: [
    { method: "GET", template: ROLES_PATH, operationId: "get_roles_v1", handler: "listRoles" },
    { method: "GET", template: `${ROLES_PATH}/{roleIdPath}`, operationId: "get_role_v1", handler: "getRole" },
  ],
  handlers: accessRuleHandlers,
});

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

export interface AccessRuleHandlers {
  listRoles: Handler;
  getRole: Handler;
  list: Handler;
  create: Handler;
  get: Handler;
  remove: Handler;
}

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

export function accessRuleHandlers(ctx: EmulatorContext): AccessRuleHandlers {
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

  return {
    // Roles: any authenticated caller may read them.
    listRoles() {
      return { status: 200, body: ROLES.map(roleToWire) };
    },

    getRole(req) {
      const id = Number(req.params.roleIdPath);
      const found = role(id);
      if (!found) throw notFound(`role ${id} not found`);
      return { status: 200, body: roleToWire(found) };
    },

    list(req) {
      allow(req, "read");
      const q = req.query;
      const subjectIds = Array.isArray(q.subjectIds) ? new Set(q.subjectIds as string[]) : null;
      const matches = filterByPredicate(q.filterBy, FIELDS);
      const search = typeof q.search === "string" ? q.search : undefined;
      const found = store.accessRules
        .all(q.includeDeleted === true)
        .filter(
          (r) =>
            (typeof q.subjectType !== "string" || r.subjectType === q.subjectType) &&
            (subjectIds === null || subjectIds.has(r.subjectId)) &&
            (typeof q.subjectIdFilter !== "string" || r.subjectId.includes(q.subjectIdFilter)) &&
            (typeof q.scopeId !== "string" || r.scopeId === q.scopeId) &&
            (typeof q.scopeType !== "string" || r.scopeType === q.scopeType) &&
            (typeof q.roleId !== "number" || r.roleId === q.roleId) &&
            (typeof q.clusterId !== "string" || r.clusterId === q.clusterId) &&
            (typeof q.lastUpdated !== "string" || r.updatedAt >= q.lastUpdated) &&
            (search === undefined || [r.subjectId, r.roleName, r.scopeName].some((text) => text.includes(search))) &&
            matches(r),
        );
      const { items } = page(sortItems(found, q.sortBy, q.sortOrder, FIELDS), q);
      return {
        status: 200,
        body: { totalRecords: found.length, displayRecords: items.length, accessRules: items.map((r) => ruleToWire(r, false)) },
      };
    },

    async create(req) {
      allow(req, "create");
      const body = req.body as JsonObject;
      const subjectType = body.subjectType as SubjectType;
      const subjectId = body.subjectId as string;
      const roleId = body.roleId as number;
      const scopeType = body.scopeType as ScopeType;
      const scopeId = body.scopeId as string;
      const clusterId = body.clusterId as string | undefined;

      const problems: string[] = [];
      if (subjectId.trim() === "") problems.push("subjectId: must not be empty");
      else if (subjectType === "app" && !store.apps.byName(subjectId))
        problems.push(`subjectId: application "${subjectId}" does not exist`);
      const granted = role(roleId);
      // The contract also declares 404 for create; the emulator answers 400 like every other unknown id in a body (UNCONFIRMED).
      if (!granted) problems.push(`roleId: role ${roleId} does not exist`);
      let scope: ScopeRef | undefined;
      if (scopeType === "system") {
        problems.push('scopeType: "system" is internal-only');
      } else if (scopeType === "tenant") {
        if (scopeId !== String(org.tenantId)) problems.push(`scopeId: tenant "${scopeId}" does not exist`);
        else scope = TENANT_SCOPE;
      } else {
        const unit: ScopeRef = { type: scopeType, id: scopeId };
        scope = unit;
        const project = scopeType === "project" ? org.project(scopeId) : undefined;
        if (org.scopeName(unit) === undefined) problems.push(`scopeId: ${scopeType} "${scopeId}" does not exist`);
        else if (project && project.deleteAt !== null) problems.push(`scopeId: project "${scopeId}" is being deleted`);
      }
      if (clusterId !== undefined && !org.hasCluster(clusterId)) problems.push(`clusterId: cluster "${clusterId}" does not exist`);
      if (problems.length) throw badRequest(problems.join("; "), "access rule rejected");

      // The contract declares no 409 (UNCONFIRMED): the emulator refuses a second identical live rule.
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
        roleName: granted!.name,
        scopeName: org.scopeName(scope!)!,
        scopePath: org.scopePath(scope!),
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
