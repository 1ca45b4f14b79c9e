// Workload policies, `/api/v2/policy/<type>` (trainings, workspaces, distributed, inferences): one
// policy per type and scope, named by the scope in the query (GET, DELETE) or in the body's meta
// (PUT, which overwrites the whole policy: an upsert). `validateOnly=true` asks Run:ai to check a
// policy without applying it.
import { PolicyList, WorkloadPolicy } from "../schemas/workload-policy";
import type { PolicyScope, PolicyType } from "../schemas/workload-policy";
import type { HttpTransport, QueryValue } from "./http";

export const POLICY_PATH = "/api/v2/policy";

/** A policy's place: its type and scope, and the scope's id (none for the tenant). */
export interface PolicyTarget {
  type: PolicyType;
  scope: PolicyScope;
  scopeId?: string;
}

/** The body of a PUT: the policy's meta (scope, scope id, name) and its defaults, rules and imposed assets. */
export interface PolicyOverwrite {
  name: string;
  policy: { defaults?: unknown; rules?: unknown; imposedAssets?: unknown };
}

export class PoliciesEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /**
   * `GET /api/v2/policy/<type>?scope=…&<scope>Id=…`: the scope's own policy (`meta`, `policy`, absent
   * when it has none) and the effective one. A scope that does not exist throws RunaiNotFoundError.
   */
  async get(target: PolicyTarget): Promise<WorkloadPolicy> {
    return this.transport.request({ method: "GET", path: this.path(target.type), query: scopeQuery(target), schema: WorkloadPolicy });
  }

  /**
   * `GET /api/v2/policy`: where each applied policy is (its type and scope), in one request (the
   * contract pages it not). Fallback policies, which no program writes, are left out; the list
   * carries no defaults or rules, which `get` reads.
   */
  async list(): Promise<PolicyTarget[]> {
    const answer = await this.transport.request({ method: "GET", path: POLICY_PATH, schema: PolicyList });
    const targets: PolicyTarget[] = [];
    for (const { type, meta } of answer.policies ?? []) {
      const segment = LISTED_TYPES[type];
      if (!segment) continue;
      const scope = meta.scope as PolicyScope;
      const scopeId =
        scope === "cluster"
          ? meta.clusterId
          : scope === "department"
            ? meta.departmentId
            : scope === "project"
              ? meta.projectId
              : undefined;
      targets.push({ type: segment, scope, ...(scopeId !== undefined && scopeId !== null ? { scopeId: String(scopeId) } : {}) });
    }
    return targets;
  }

  /** `PUT /api/v2/policy/<type>`: the scope's policy becomes exactly this one (created when it had none). */
  async overwrite(target: PolicyTarget, body: PolicyOverwrite): Promise<WorkloadPolicy> {
    return this.transport.request({ method: "PUT", path: this.path(target.type), body: requestBody(target, body), schema: WorkloadPolicy });
  }

  /**
   * `PUT /api/v2/policy/<type>?validateOnly=true`: Run:ai checks the policy and applies nothing. A
   * policy it refuses throws RunaiBadRequestError with its reasons; it may also answer with the
   * reasons in `policy.status.validation.errorMessage`, which is returned.
   */
  async validate(target: PolicyTarget, body: PolicyOverwrite): Promise<WorkloadPolicy> {
    return this.transport.request({
      method: "PUT",
      path: this.path(target.type),
      query: { validateOnly: true },
      body: requestBody(target, body),
      schema: WorkloadPolicy,
    });
  }

  /** `DELETE /api/v2/policy/<type>?scope=…` (204). A scope without a policy throws RunaiNotFoundError. */
  async delete(target: PolicyTarget): Promise<void> {
    await this.transport.request({ method: "DELETE", path: this.path(target.type), query: scopeQuery(target) });
  }

  private path(type: PolicyType): string {
    return `${POLICY_PATH}/${type}`;
  }
}

/** The list's word for a type (`PolicyType`) → the type's path segment. */
const LISTED_TYPES: Record<string, PolicyType | undefined> = {
  training: "trainings",
  workspace: "workspaces",
  distributed: "distributed",
  inference: "inferences",
};

/** The id fields of a scope, as the contract names them (a project's id is an integer in the body's meta). */
function scopeIds(target: PolicyTarget): { clusterId?: string; departmentId?: string; projectId?: string } {
  switch (target.scope) {
    case "cluster":
      return { clusterId: target.scopeId };
    case "department":
      return { departmentId: target.scopeId };
    case "project":
      return { projectId: target.scopeId };
    default:
      return {};
  }
}

function scopeQuery(target: PolicyTarget): Record<string, QueryValue> {
  return { scope: target.scope, ...scopeIds(target) };
}

function requestBody(target: PolicyTarget, body: PolicyOverwrite): unknown {
  const { projectId, ...ids } = scopeIds(target);
  const meta = { scope: target.scope, name: body.name, ...ids, ...(projectId !== undefined ? { projectId: Number(projectId) } : {}) };
  return { meta, policy: body.policy };
}
