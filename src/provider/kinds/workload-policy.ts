// Workload policies (`/api/v2/policy/<type>`): one policy per type and scope. Create and update are
// the API's PUT, which overwrites the scope's whole policy (an upsert), so a policy that already
// exists is looked for first and taken over only with adoptExisting; delete is DELETE. Read returns
// the scope's own policy, the one the program owns; the effective policy (merged with the scopes
// above) is an output. Type, scope and scope id make the policy's identity (and its id,
// `<type>/<scope>/<scopeId>`, the id `pulumi import` takes); a change of one replaces it.
//
// Check validates twice: the static rules (the contract's schemas per type, generated-policy.ts),
// then, once they pass and nothing is unknown, Run:ai itself (policy-validation.ts).
import { RunaiNotFoundError } from "../../client/errors";
import type { PolicyOverwrite, PolicyTarget } from "../../client/policies";
import { POLICY_PATH } from "../../client/policies";
import { POLICY_TYPES, WORKLOAD_POLICY_OUTPUTS, WorkloadPolicyInputs } from "../../schemas/workload-policy";
import type { PolicyScope, PolicyType, WorkloadPolicy } from "../../schemas/workload-policy";
import type { ProviderContext } from "../context";
import type { ResourceKind } from "../kind";
import { policySchemas, validateOnServer } from "./policy-validation";
import { uniqueKeyOf } from "../unique-claims";
import { containsUnknown, isObject, isSet, isUnknown } from "../validation";

/** The API's answer about one policy, with the place it was asked about (the answer does not name its type). */
export type HeldPolicy = WorkloadPolicy & { target: PolicyTarget };

export const workloadPolicyKind: ResourceKind<HeldPolicy, WorkloadPolicyInputs> = {
  type: "WorkloadPolicy",
  label: "Workload policy",
  inputSchema: WorkloadPolicyInputs,
  outputTypes: WORKLOAD_POLICY_OUTPUTS,
  validate(failures, inputs) {
    const { scope, scopeId } = inputs;
    if (scope === "tenant" && isSet(scopeId)) failures.add(["scopeId"], 'must not be set when scope is "tenant"');
    else if (typeof scope === "string" && scope !== "tenant" && !isSet(scopeId))
      failures.add(["scopeId"], `is required when scope is "${scope}"`);
    else if (scope === "project" && typeof scopeId === "string" && !isUnknown(scopeId) && !/^\d+$/.test(scopeId))
      failures.add(["scopeId"], 'must be a project id (digits, e.g. "1001")');
    const types = policySchemas();
    const schemas = typeof inputs.type === "string" ? types.types[inputs.type as PolicyType] : undefined;
    if (!schemas) return;
    if (isObject(inputs.defaults)) failures.addSchemaIssues(schemas.defaults, ["defaults"]);
    if (isObject(inputs.rules)) failures.addSchemaIssues(schemas.rules, ["rules"]);
    if (Array.isArray(inputs.imposedAssets)) failures.addSchemaIssues(types.imposedAssets, ["imposedAssets"]);
  },
  creationOnly: [{ path: "type" }, { path: "scope" }, { path: "scopeId" }],
  updatable: [{ path: "name", onlyWhenSet: true }, { path: "defaults" }, { path: "rules" }, { path: "imposedAssets" }],
  identity: {
    idOf: (held) => policyId(held.target),
    createdOf: (held) => ({ by: held.meta?.createdBy, at: held.meta?.createdAt }),
    // With the label and location: `Workload policy "trainings" … in department 101`.
    describe: (values) => String(values.type),
    location: (values) => placeOf(values.scope, values.scopeId),
    // A scope has one policy per type: a second resource for it would overwrite the first's.
    uniqueKey: (inputs) =>
      uniqueKeyOf(
        inputs,
        inputs.scope === "tenant" ? [["type"], ["scope"]] : [["type"], ["scope"], ["scopeId"]],
        ["type"],
        `${placeOf(inputs.scope, inputs.scopeId)} has one policy of each type`,
      ),
  },
  // A PUT never refuses a policy that exists (it overwrites it): create looks first.
  adoption: { findBeforeCreate: true, note: "adopting overwrites the scope's policy with the program's" },
  references: {
    scopeRefs: (values) =>
      values.scope === "cluster" || values.scope === "department" || values.scope === "project"
        ? [{ path: ["scopeId"], type: values.scope, id: values.scopeId }]
        : [],
    async resolve(ctx, inputs, failures) {
      // A scope id that names nothing is reported already (Run:ai would only say it again), and a
      // policy with values still unknown cannot be sent yet.
      if (failures.list.length === 0 && !containsUnknown(inputs)) {
        const values = inputs as WorkloadPolicyInputs;
        await validateOnServer(ctx, targetOf(values), overwriteBody(values), failures);
      }
      return inputs;
    },
  },
  toOutputs: ({ target, ...answer }) => ({
    type: target.type,
    scope: target.scope,
    scopeId: target.scopeId,
    name: answer.meta?.name,
    defaults: answer.policy?.defaults,
    rules: answer.policy?.rules,
    imposedAssets: answer.policy?.imposedAssets,
    policyId: answer.meta?.id,
    effective: answer.effective
      ? { defaults: answer.effective.defaults, rules: answer.effective.rules, imposedAssets: answer.effective.imposedAssets }
      : undefined,
    effectiveUpdatedAt: answer.effectiveUpdatedAt,
    createdAt: answer.meta?.createdAt,
    createdBy: answer.meta?.createdBy,
    updatedAt: answer.meta?.updatedAt,
    updatedBy: answer.meta?.updatedBy,
  }),
  operations: {
    create: (ctx, inputs) => overwrite(ctx, inputs),
    async findExisting(ctx, inputs) {
      const target = targetOf(inputs);
      const answer = await ctx.client.policies.get(target);
      return answer.meta ? { ...answer, target } : undefined;
    },
    adopt: (ctx, _existing, inputs) => overwrite(ctx, inputs),
    read: (ctx, id) => readPolicy(ctx, parsePolicyId(id)),
    // The list names where each policy is; its defaults and rules take one read each.
    async list(ctx) {
      const targets = await ctx.client.policies.list();
      return Promise.all(targets.map(async (target) => ({ ...(await ctx.client.policies.get(target)), target })));
    },
    update: (ctx, _id, _olds, news) => overwrite(ctx, news),
    async delete(ctx, id) {
      await ctx.client.policies.delete(parsePolicyId(id));
    },
  },
};

/** The PUT body of the inputs. */
export function overwriteBody(inputs: WorkloadPolicyInputs): PolicyOverwrite {
  const target = targetOf(inputs);
  return {
    name: typeof inputs.name === "string" ? inputs.name : defaultName(target),
    policy: { defaults: inputs.defaults ?? null, rules: inputs.rules ?? null, imposedAssets: inputs.imposedAssets ?? null },
  };
}

async function overwrite(ctx: ProviderContext, inputs: WorkloadPolicyInputs): Promise<HeldPolicy> {
  const target = targetOf(inputs);
  return { ...(await ctx.client.policies.overwrite(target, overwriteBody(inputs))), target };
}

/** The scope's own policy; a scope without one (its policy deleted elsewhere) reads as gone. */
async function readPolicy(ctx: ProviderContext, target: PolicyTarget): Promise<HeldPolicy> {
  const answer = await ctx.client.policies.get(target);
  if (!answer.meta) {
    const path = `${POLICY_PATH}/${target.type}`;
    throw new RunaiNotFoundError({
      method: "GET",
      path,
      status: 404,
      serverMessage: `${placeOf(target.scope, target.scopeId)} has no policy of its own`,
    });
  }
  return { ...answer, target };
}

export function targetOf(inputs: Pick<WorkloadPolicyInputs, "type" | "scope" | "scopeId">): PolicyTarget {
  return { type: inputs.type, scope: inputs.scope, ...(inputs.scope !== "tenant" && inputs.scopeId ? { scopeId: inputs.scopeId } : {}) };
}

/** `trainings/department/101`, `workspaces/tenant`. */
export function policyId(target: PolicyTarget): string {
  return [target.type, target.scope, ...(target.scopeId ? [target.scopeId] : [])].join("/");
}

const TYPES: readonly string[] = POLICY_TYPES;
const SCOPES: readonly string[] = ["tenant", "cluster", "department", "project"];

/** The place an id names; an id that names none (a mistyped `pulumi import` id) is refused with the format. */
export function parsePolicyId(id: string): PolicyTarget {
  const [type, scope, scopeId, ...rest] = id.split("/");
  const valid = TYPES.includes(type) && SCOPES.includes(scope) && rest.length === 0 && (scope === "tenant" ? !scopeId : !!scopeId);
  if (!valid) {
    throw new Error(
      `"${id}" is not a workload policy id: it is <type>/<scope>/<scopeId> (type ${TYPES.join(", ")}; ` +
        'scope cluster, department or project, e.g. "trainings/department/101"), or <type>/tenant',
    );
  }
  return { type: type as PolicyType, scope: scope as PolicyScope, ...(scopeId ? { scopeId } : {}) };
}

function defaultName(target: PolicyTarget): string {
  return [target.type, target.scope, ...(target.scopeId ? [target.scopeId] : [])].join("-");
}

function placeOf(scope: unknown, scopeId: unknown): string {
  return scope === "tenant" ? "the tenant" : `${String(scope)} ${String(scopeId)}`;
}
