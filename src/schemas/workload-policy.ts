// Workload policies (`/api/v2/policy/<type>`, Run:ai 2.22): the defaults and rules every workload
// of one type (workspaces, trainings, distributed, inferences) gets in one scope (the tenant, a
// cluster, a department or a project). The policy's `defaults` and `rules` are checked against the
// schemas generated from the contract (generated-policy.ts, per type); here they are objects, so the
// package schema and the argument types stay small (the contract's ~300 schemas behind them are
// documented by Run:ai). Responses are lenient (unknown keys kept).
import { z } from "zod";
import { lenientObject } from "./common";
import { POLICY_TYPES } from "./generated-policy";
import type { PolicyType } from "./generated-policy";

export { POLICY_TYPES };
export type { PolicyType };

/** The scopes a policy applies to, broad to narrow; a narrower scope's policy refines the broader ones'. */
export const POLICY_SCOPES = ["tenant", "cluster", "department", "project"] as const;
export type PolicyScope = (typeof POLICY_SCOPES)[number];

/** The contract's `<Type>PolicyDefaultsAndRulesV2` parts a program writes, as untyped objects (see above). */
const policyObject = (what: string) => z.record(z.string(), z.unknown()).optional().describe(what);

export const WorkloadPolicyInputs = z.strictObject({
  type: z
    .enum(POLICY_TYPES)
    .describe('The workloads the policy applies to: "workspaces", "trainings", "distributed" or "inferences"; a change replaces it.'),
  scope: z.enum(POLICY_SCOPES).describe('Where the policy applies: "tenant", "cluster", "department" or "project"; a change replaces it.'),
  scopeId: z
    .string()
    .min(1)
    .optional()
    .describe("The id of the cluster (its uuid), department or project; not set for the tenant; a change replaces the policy."),
  name: z.string().min(1).optional().describe('The policy\'s name (default "<type>-<scope>[-<scopeId>]").'),
  defaults: policyObject(
    "The values a workload gets for the fields it leaves out, in the shape of the contract's <Type>PolicyDefaultsAndRulesV2.defaults " +
      '(e.g. {compute: {gpuDevicesRequest: 1}, image: "nvcr.io/nvidia/pytorch:24.01-py3"}).',
  ),
  rules: policyObject(
    "What a workload may set, per field, in the shape of <Type>PolicyDefaultsAndRulesV2.rules " +
      '(e.g. {compute: {gpuDevicesRequest: {max: 4}}, image: {options: [{value: "nvcr.io/nvidia/pytorch:24.01-py3"}]}}).',
  ),
  imposedAssets: z.array(z.string()).optional().describe("The ids of datasource assets every workload in the scope includes."),
});
export type WorkloadPolicyInputs = z.infer<typeof WorkloadPolicyInputs>;

const DefaultsAndRules = lenientObject({
  defaults: z.record(z.string(), z.unknown()).nullish(),
  rules: z.record(z.string(), z.unknown()).nullish(),
  imposedAssets: z.array(z.string()).nullish(),
  status: lenientObject({ validation: lenientObject({ errorMessage: z.string().nullish() }).nullish() }).nullish(),
});
export type PolicyDefaultsAndRules = z.infer<typeof DefaultsAndRules>;

/** `PolicyMeta`: the policy's own fields; absent when the scope has no policy of its own. */
const PolicyMeta = lenientObject({
  id: z.string(),
  name: z.string(),
  scope: z.string(),
  clusterId: z.string().nullish(),
  departmentId: z.string().nullish(),
  projectId: z.number().nullish(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

/** `<Type>PolicyV2`: the scope's own policy and the effective one (its own merged with the scopes above). */
export const WorkloadPolicy = lenientObject({
  meta: PolicyMeta.nullish(),
  policy: DefaultsAndRules.nullish(),
  effective: DefaultsAndRules.nullish(),
  effectiveUpdatedAt: z.string().nullish(),
});
export type WorkloadPolicy = z.infer<typeof WorkloadPolicy>;

/** `PolicyListResponse` (`GET /api/v2/policy`): each applied policy's type and meta, not its defaults and rules. */
export const PolicyList = lenientObject({
  policies: z.array(lenientObject({ type: z.string(), meta: PolicyMeta })).nullish(),
});
export type PolicyList = z.infer<typeof PolicyList>;

/** The outputs of a WorkloadPolicy beyond its inputs. */
export const WORKLOAD_POLICY_OUTPUTS = {
  policyId: z.string().describe("The policy's id in Run:ai."),
  effective: z
    .record(z.string(), z.unknown())
    .describe(
      "The effective policy in the scope ({defaults, rules, imposedAssets}): this policy merged with those of the scopes above it.",
    ),
  effectiveUpdatedAt: z.string().describe("When the effective policy last changed."),
  createdAt: z.string().describe("When the policy was created."),
  createdBy: z.string().describe("Who created the policy."),
  updatedAt: z.string().describe("When the policy was last changed."),
  updatedBy: z.string().describe("Who last changed the policy."),
};
