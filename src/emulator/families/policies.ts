// Workload policies (/api/v2/policy/<type>): one per policy type and scope. PUT overwrites the
// scope's policy (creating it), or with `validateOnly=true` only answers whether it would; GET
// answers the scope's own policy (`meta` and `policy`, absent when it has none) and the effective
// one, merged over the scopes above it; DELETE removes it. The rules beyond the schema: the scope
// and its id (as for assets), a rule's min not above its max, a default within its rule
// (policy-rules.ts); every problem at once, joined by "; ".
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { badRequest, notFound } from "../http/errors";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily, type OperationRow } from "../http/operations";
import type { PolicyRecord } from "../state/policy-table";
import type { JsonObject } from "../types";
import type { LiveOrganisation, ScopeRef } from "./organisation";
import { describeScope } from "./organisation";
import { effectivePolicy, policyRuleProblems } from "./policy-rules";

const POLICY_PATH = "/api/v2/policy";
/** Path segment → the contract's word for the type (operation ids, list entries). */
const TYPES = { trainings: "training", workspaces: "workspace", distributed: "distributed", inferences: "inference" } as const;
type PolicyTypeSegment = keyof typeof TYPES;
const SCOPE_ID_FIELD: Record<string, string | undefined> = { cluster: "clusterId", department: "departmentId", project: "projectId" };
/** When no policy in a scope's chain was ever written. */
const NEVER = "2024-01-01T00:00:00.000Z";

type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;
type HandlerName = "listPolicies" | `${"put" | "get" | "delete"}:${PolicyTypeSegment}`;

const rows: OperationRow<HandlerName>[] = [{ method: "GET", template: POLICY_PATH, operationId: "list_policies", handler: "listPolicies" }];
for (const [segment, word] of Object.entries(TYPES) as [PolicyTypeSegment, string][]) {
  const template = `${POLICY_PATH}/${segment}`;
  rows.push(
    { method: "PUT", template, operationId: `overwrite_${word}_policy_v2`, handler: `put:${segment}` },
    { method: "GET", template, operationId: `get_${word}_policy_v2`, handler: `get:${segment}` },
    { method: "DELETE", template, operationId: `delete_${word}_policy`, handler: `delete:${segment}` },
  );
}

export const POLICIES_FAMILY = defineFamily<HandlerName>({ name: "workload policies", rows, handlers: policyHandlers });

function policyHandlers(ctx: EmulatorContext): Record<HandlerName, Handler> {
  const { store, organisation: org, access } = ctx;
  const chainRecords = (type: string, scope: ScopeRef): PolicyRecord[] =>
    org
      .chain(scope)
      .reverse()
      .map((ref) => store.policies.get(type, ref.type, "id" in ref ? ref.id : ""))
      .filter((record): record is PolicyRecord => record !== undefined);

  /** The GET/PUT answer: the scope's own policy (when it has one) and the effective one. */
  const answer = (own: PolicyRecord | undefined, chain: PolicyRecord[]): JsonObject => ({
    ...(own ? { meta: metaOf(own), policy: own.policy } : {}),
    effective: effectivePolicy(chain.map((record) => record.policy)),
    effectiveUpdatedAt:
      chain
        .map((record) => record.updatedAt)
        .sort()
        .pop() ?? NEVER,
  });

  const put = (type: PolicyTypeSegment) => async (req: ApiRequest) => {
    const body = req.body as JsonObject;
    const meta = (body.meta ?? {}) as JsonObject;
    const problems: string[] = [];
    const scope = scopeIn(org, String(meta.scope), meta, "meta", problems);
    const policy = (body.policy ?? {}) as JsonObject;
    problems.push(...policyRuleProblems(policy));
    if (problems.length > 0 || !scope) throw badRequest(problems.join("; "), `${TYPES[type]} policy refused`);
    access.require(req.callerId, "policies", store.policies.get(type, scope.type, idOf(scope)) ? "update" : "create", scope);
    const held = store.policies.get(type, scope.type, idOf(scope));
    const now = new Date().toISOString();
    const record: PolicyRecord = {
      id: held?.id ?? randomUUID(),
      type,
      scope: scope.type,
      scopeId: idOf(scope),
      name: String(meta.name),
      policy: { defaults: policy.defaults ?? null, rules: policy.rules ?? null, imposedAssets: policy.imposedAssets ?? null },
      createdAt: held?.createdAt ?? now,
      createdBy: held?.createdBy ?? req.callerId,
      updatedAt: now,
      updatedBy: req.callerId,
    };
    const chain = chainRecords(type, scope).filter((other) => other !== held);
    if (req.query.validateOnly === true) return { status: 200, body: answer(record, [...chain, record]) };
    store.policies.put(record);
    await ctx.commit();
    return { status: 200, body: answer(record, chainRecords(type, scope)) };
  };

  const get = (type: PolicyTypeSegment) => (req: ApiRequest) => {
    const scope = existingScope(org, req.query);
    access.require(req.callerId, "policies", "read", scope);
    return { status: 200, body: answer(store.policies.get(type, scope.type, idOf(scope)), chainRecords(type, scope)) };
  };

  const remove = (type: PolicyTypeSegment) => async (req: ApiRequest) => {
    const scope = existingScope(org, req.query);
    const held = store.policies.get(type, scope.type, idOf(scope));
    if (!held) throw notFound(`${describeScope(scope)} has no ${TYPES[type]} policy`);
    access.require(req.callerId, "policies", "delete", scope);
    store.policies.remove(held);
    await ctx.commit();
    return { status: 204 };
  };

  const handlers: Partial<Record<HandlerName, Handler>> = {
    listPolicies(req) {
      const wanted = typeof req.query.workloadType === "string" ? req.query.workloadType.toLowerCase() : undefined;
      const policies = store.policies
        .all()
        .filter((record) => (wanted === undefined || TYPES[record.type as PolicyTypeSegment] === wanted) && matchesQuery(record, req.query))
        .filter((record) => access.allows(req.callerId, "policies", "read", refOf(record)))
        .map((record) => ({ type: TYPES[record.type as PolicyTypeSegment], meta: metaOf(record), status: {} }));
      return { status: 200, body: { policies } };
    },
  };
  for (const segment of Object.keys(TYPES) as PolicyTypeSegment[]) {
    handlers[`put:${segment}`] = put(segment);
    handlers[`get:${segment}`] = get(segment);
    handlers[`delete:${segment}`] = remove(segment);
  }
  return handlers as Record<HandlerName, Handler>;
}

const idOf = (scope: ScopeRef): string => ("id" in scope ? scope.id : "");

function refOf(record: PolicyRecord): ScopeRef {
  return record.scope === "tenant" ? { type: "tenant" } : ({ type: record.scope, id: record.scopeId } as ScopeRef);
}

function metaOf(record: PolicyRecord): JsonObject {
  const field = SCOPE_ID_FIELD[record.scope];
  const id = field === "projectId" ? Number(record.scopeId) : record.scopeId;
  return {
    id: record.id,
    name: record.name,
    scope: record.scope,
    ...(field ? { [field]: id } : {}),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}

function matchesQuery(record: PolicyRecord, query: Record<string, unknown>): boolean {
  if (typeof query.scope === "string" && record.scope !== query.scope) return false;
  for (const [scope, field] of Object.entries(SCOPE_ID_FIELD)) {
    const id = field ? query[field] : undefined;
    if (id !== undefined && (record.scope !== scope || record.scopeId !== String(id))) return false;
  }
  return true;
}

/**
 * The scope the ids name (`meta.departmentId` in a body, `query.departmentId` in a query), or
 * undefined with the problems: the scope's own id is required and must exist (UNCONFIRMED: the
 * ids of other scopes are ignored).
 */
function scopeIn(org: LiveOrganisation, scope: string, ids: JsonObject, where: string, problems: string[]): ScopeRef | undefined {
  if (scope === "tenant") return { type: "tenant" };
  const field = SCOPE_ID_FIELD[scope];
  if (!field) {
    problems.push(`${where}.scope: must be one of "tenant", "cluster", "department", "project"`);
    return undefined;
  }
  const raw = ids[field];
  if (raw === undefined || raw === null || raw === "") {
    problems.push(`${where}.${field}: required when ${where === "meta" ? "meta.scope" : "scope"} is "${scope}"`);
    return undefined;
  }
  const id = String(raw);
  const exists =
    scope === "cluster"
      ? org.hasCluster(id)
      : scope === "department"
        ? org.department(id) !== undefined
        : org.project(id)?.deleteAt === null;
  if (!exists) {
    problems.push(`${where}.${field}: ${scope} ${scope === "cluster" ? `"${id}"` : id} does not exist`);
    return undefined;
  }
  return { type: scope, id } as ScopeRef;
}

function existingScope(org: LiveOrganisation, query: Record<string, unknown>): ScopeRef {
  const problems: string[] = [];
  const scope = scopeIn(org, String(query.scope), query, "query", problems);
  if (scope) return scope;
  if (problems.some((problem) => problem.endsWith("does not exist"))) throw notFound(problems.join("; "));
  throw badRequest(problems.join("; "));
}
