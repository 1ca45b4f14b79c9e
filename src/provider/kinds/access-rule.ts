// Access rules (`/api/v1/authorization/access-rules`): a role for a subject (a user, a group or an
// application) in a scope. There is no update: any change is a new rule, created before the old one
// is deleted, so the subject never goes without access in between. Roles are named by name or id;
// a name is resolved to the id at check time.
import { z } from "zod";
import type { AccessRule } from "../../schemas";
import { SUBJECT_TYPES } from "../../schemas/access";
import { Uuid } from "../../schemas/common";
import { RunaiNotFoundError } from "../../client/errors";
import type { ProviderContext } from "../context";
import type { Json, ResourceKind, SyncRules } from "../kind";
import { rolesOf } from "../reference-cache";
import type { ScopeType } from "../scopes";
import { stripNulls } from "../normalize";
import type { Failures } from "../validation";
import { isKnown, isSet } from "../validation";

/** Where a rule may apply; "system" is Run:ai's own. */
const RULE_SCOPES = ["tenant", "cluster", "department", "project"] as const;
/** The scopes whose id names an object check can look up. */
const ID_SCOPES: readonly ScopeType[] = ["cluster", "department", "project"];

const AccessRuleInputs = z.strictObject({
  subjectType: z.enum(SUBJECT_TYPES).describe('"user", "group" or "app" (an Application).'),
  subjectId: z.string().min(1).describe("A user's or group's id, or an application's name (e.g. `app.name`)."),
  role: z.string().min(1).optional().describe('The role by name, e.g. "ML engineer" (checked at preview); or give `roleId`.'),
  roleId: z.int32().min(0).optional().describe("The role by id, instead of `role`."),
  scopeType: z.enum(RULE_SCOPES).describe('"tenant", "cluster", "department" or "project".'),
  scopeId: z.string().min(1).describe("The id of that tenant, cluster, department or project (e.g. `project.id`)."),
  clusterId: Uuid.optional().describe("The cluster of a department or project scope; Run:ai fills it in when left out."),
});

type AccessRuleInputs = z.infer<typeof AccessRuleInputs>;

const RULE_SYNC: SyncRules<AccessRule> = {
  statusOf: (rule) => rule.status?.phase,
  pending: ["Creating"],
  failed: ["NotReady"],
  deletionFailed: [],
  details: (rule) => [rule.status?.message, rule.status?.details].filter(Boolean).join(": ") || "no details given",
};

export const accessRuleKind: ResourceKind<AccessRule, AccessRuleInputs> = {
  type: "AccessRule",
  label: "Access rule",
  inputSchema: AccessRuleInputs,
  validate: validateRole,
  references: {
    resolve: resolveRole,
    // The tenant's id names the one tenant there is: nothing to look up.
    scopeRefs: (values) => {
      const scopeType = ID_SCOPES.find((type) => type === values.scopeType);
      return scopeType ? [{ path: ["scopeId"], type: scopeType, id: values.scopeId }] : [];
    },
    // An imported rule names its role (readable code); check finds the id again.
    importedWithout: ["roleId"],
  },
  // Everything is fixed at creation; the role counts by id (a name and its id are the same role).
  creationOnly: [
    ...["subjectType", "subjectId", "roleId", "scopeType", "scopeId"].map((path) => ({ path })),
    { path: "clusterId", onlyWhenSet: true },
  ],
  updatable: [],
  identity: {
    idOf: (rule) => String(rule.id),
    createdOf: (rule) => ({ by: rule.createdBy, at: rule.createdAt }),
    describe: (inputs) => `${inputs.subjectType} ${inputs.subjectId} as ${inputs.role ? inputs.role : `role ${inputs.roleId}`}`,
    location: (inputs) => (inputs.scopeType === "tenant" ? "the tenant" : `${inputs.scopeType} ${inputs.scopeId}`),
  },
  adoption: { findBeforeCreate: true },
  toOutputs: (rule) => ({
    subjectType: rule.subjectType,
    subjectId: rule.subjectId,
    role: rule.roleName,
    roleId: rule.roleId,
    scopeType: rule.scopeType,
    scopeId: rule.scopeId,
    scopeName: rule.scopeName,
    clusterId: rule.clusterId,
    createdAt: rule.createdAt,
    createdBy: rule.createdBy,
    status: rule.status,
  }),
  sync: RULE_SYNC,
  operations: {
    create: (ctx, inputs) => ctx.client.accessRules.create(creationFields(inputs)),
    findExisting: (ctx, inputs) => ctx.client.accessRules.findIdentical(creationFields(inputs)),
    // An identical rule is all there is to take over.
    adopt: async (_ctx, existing) => existing,
    read: (ctx, id) => ctx.client.accessRules.get(id),
    list: (ctx) => ctx.client.accessRules.list(),
    update: () => Promise.reject(new Error("access rules have no update: every change replaces the rule")),
    delete: (ctx, id) => ctx.client.accessRules.delete(id),
  },
};

function creationFields(inputs: AccessRuleInputs) {
  return stripNulls({
    subjectType: inputs.subjectType,
    subjectId: inputs.subjectId,
    // Check has filled it in from the role's name when the program gave that.
    roleId: Number(inputs.roleId),
    scopeType: inputs.scopeType,
    scopeId: inputs.scopeId,
    clusterId: inputs.clusterId,
  });
}

function validateRole(failures: Failures, inputs: Json): void {
  if (isSet(inputs.role) && isSet(inputs.roleId)) failures.add(["role"], "give role (a name) or roleId, not both");
  else if (!isSet(inputs.role) && !isSet(inputs.roleId))
    failures.add(["role"], 'is required: a role name such as "ML engineer" (or roleId)');
}

/** Fills in roleId from the role's name, or checks that a given roleId exists. */
async function resolveRole(ctx: ProviderContext, inputs: Json, failures: Failures): Promise<Json> {
  const { role, roleId } = inputs;
  if (typeof role === "string" && isKnown(role)) {
    const roles = await rolesOf(ctx.client);
    const found = roles.find((candidate) => candidate.name === role);
    if (found) return { ...inputs, roleId: found.id };
    failures.add(["role"], `no role is named "${role}"; roles: ${roles.map((r) => `"${r.name}"`).join(", ")}`);
  } else if (typeof roleId === "number") {
    try {
      await ctx.client.roles.get(roleId);
    } catch (err) {
      if (!(err instanceof RunaiNotFoundError)) throw err;
      failures.add(["roleId"], `no role has id ${roleId}`);
    }
  }
  return inputs;
}
