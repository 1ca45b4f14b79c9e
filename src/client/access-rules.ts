// Typed endpoints for `/api/v1/authorization/access-rules`: list (every page), get, create, delete.
// There is no PUT: a changed rule is a new rule. No 409 is declared either, so `findIdentical` is how
// a caller (and create's recovery) learns whether a rule already exists.
import { AccessRule, AccessRuleById, AccessRuleCreationRequest, AccessRuleList, AccessRuleScopeType, SubjectType } from "../schemas/access";
import { createWithRecovery } from "./create-recovery";
import type { HttpTransport } from "./http";
import { ACCESS_RULES_PATH, filterBy, filterValue, readAllPages } from "./org";

/** List filters. */
export interface AccessRuleListFilter {
  /** Query `subjectType`. */
  subjectType?: SubjectType;
  /** Query `subjectIds` (comma-joined). */
  subjectIds?: readonly string[];
  /** Query `scopeId`. */
  scopeId?: string;
  /** `filterBy` `scopeType==…` (the `scopeType` query parameter is deprecated). */
  scopeType?: AccessRuleScopeType;
  /** `filterBy` `roleId==…` (the `roleId` query parameter is deprecated). */
  roleId?: number;
  /** Query `clusterId`. */
  clusterId?: string;
}

/**
 * True when `rule` grants the same role to the same subject in the same scope as `fields`, and is not
 * deleted. `clusterId` is compared only when both carry one (the server may fill it in).
 */
export function matchesAccessRule(rule: AccessRule, fields: AccessRuleCreationRequest): boolean {
  return (
    rule.subjectId === fields.subjectId &&
    rule.subjectType === fields.subjectType &&
    rule.roleId === fields.roleId &&
    rule.scopeId === fields.scopeId &&
    rule.scopeType === fields.scopeType &&
    (rule.clusterId == null || fields.clusterId == null || rule.clusterId === fields.clusterId) &&
    rule.deletedAt == null
  );
}

export class AccessRulesEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /**
   * `GET /api/v1/authorization/access-rules` with the filters, every page (`offset` += rules read,
   * `limit` 500) until `totalRecords` rules are read or a page is empty.
   */
  async list(filter: AccessRuleListFilter = {}): Promise<AccessRule[]> {
    const subjectIds = filter.subjectIds?.map((id) => filterValue("subjectIds", id)).join(",");
    const query = {
      subjectType: filter.subjectType,
      subjectIds: subjectIds === "" ? undefined : subjectIds,
      scopeId: filter.scopeId,
      clusterId: filter.clusterId,
      filterBy: filterBy([
        ["scopeType", filter.scopeType],
        ["roleId", filter.roleId],
      ]),
    };
    let total = Infinity;
    return readAllPages("GET", ACCESS_RULES_PATH, async (offset, limit) => {
      const page = await this.transport.request({
        method: "GET",
        path: ACCESS_RULES_PATH,
        query: { ...query, offset, limit },
        schema: AccessRuleList,
      });
      total = page.totalRecords;
      return { items: page.accessRules, more: offset + page.accessRules.length < total };
    });
  }

  /** `GET /api/v1/authorization/access-rules/{accessRuleId}`. A missing rule throws RunaiNotFoundError. */
  async get(id: number | string): Promise<AccessRuleById> {
    return this.transport.request({ method: "GET", path: this.itemPath(id), schema: AccessRuleById });
  }

  /**
   * The live rule identical to `fields` (see matchesAccessRule), or undefined. Narrows the list on the
   * server (subject, scope, role) and compares every field here. A subject id with a comma cannot be
   * sent in `subjectIds`: the list is then narrowed by the other filters only.
   */
  async findIdentical(fields: AccessRuleCreationRequest): Promise<AccessRule | undefined> {
    const rules = await this.list({
      subjectType: fields.subjectType,
      subjectIds: fields.subjectId.includes(",") || fields.subjectId === "" ? undefined : [fields.subjectId],
      scopeId: fields.scopeId === "" ? undefined : fields.scopeId,
      roleId: fields.roleId,
    });
    return rules.find((rule) => matchesAccessRule(rule, fields));
  }

  /**
   * `POST /api/v1/authorization/access-rules` (201). Never re-sent blindly: after an uncertain
   * outcome an identical rule is looked up and returned if the first POST created it.
   */
  async create(body: AccessRuleCreationRequest): Promise<AccessRule> {
    return createWithRecovery({
      transport: this.transport,
      method: "POST",
      path: ACCESS_RULES_PATH,
      post: () => this.transport.request({ method: "POST", path: ACCESS_RULES_PATH, body, schema: AccessRule, retry: false }),
      lookup: () => this.findIdentical(body),
    });
  }

  /** `DELETE /api/v1/authorization/access-rules/{accessRuleId}` (204). A missing rule throws RunaiNotFoundError. */
  async delete(id: number | string): Promise<void> {
    await this.transport.request({ method: "DELETE", path: this.itemPath(id) });
  }

  private itemPath(id: number | string): string {
    return `${ACCESS_RULES_PATH}/${encodeURIComponent(String(id))}`;
  }
}
