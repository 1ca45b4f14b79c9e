// Access rules `/api/v1/authorization/access-rules` and roles `/api/v1/authorization/roles`
// (REFERENCE-org-and-assets.md §6, §6.1, Run:ai 2.22). Access rules have no PUT: every field is
// creation-only, so any change is a replace. Roles are read-only.
//
// The request is the exact contract (strict, enums, int32, `format: uuid`). Responses are lenient:
// unknown keys kept, enums any string, formats (uuid, date-time) not checked; required fields and
// JSON types are the contract's.
import { z } from "zod";
import { lenientEnum, lenientObject, REQUEST_MODE, RESPONSE_MODE, SchemaMode, Uuid } from "./common";

/** `SubjectType`: who a rule grants the role to ("app" = an Application; 2.24 adds "service-account"). */
export const SUBJECT_TYPES = ["user", "app", "group"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** `ScopeType`: what a rule applies to. */
export const ACCESS_RULE_SCOPE_TYPES = ["system", "tenant", "cluster", "department", "project"] as const;
export type AccessRuleScopeType = (typeof ACCESS_RULE_SCOPE_TYPES)[number];

/** `AccessRulePhase`: phase of the rule in the cluster (clusters ≥ 2.22.0 only). */
export const ACCESS_RULE_PHASES = ["Creating", "Ready", "NotReady", "Deleting"] as const;
export type AccessRulePhase = (typeof ACCESS_RULE_PHASES)[number];

function accessRuleFields(mode: SchemaMode) {
  return {
    subjectId: z.string().describe('The unique identifier of the subject (e.g. user, group, or app), e.g. "user@run.ai".'),
    subjectType: mode.oneOf(SUBJECT_TYPES).describe("The subject assigned to the access rule. Valid values: user, group, app."),
    roleId: z.int32().describe("The numeric id of the assigned role (from `/api/v1/authorization/roles`)."),
    scopeId: z.string().describe("The unique identifier of the scope: the id of the tenant, cluster, department or project."),
    scopeType: mode
      .oneOf(ACCESS_RULE_SCOPE_TYPES)
      .describe("The type of scope the access rule applies to. Valid values: system, tenant, cluster, department, project."),
    clusterId: (mode === REQUEST_MODE ? Uuid : z.string()).optional().describe("The id of the cluster."),
  };
}

/**
 * `AccessRuleCreationFields`: the body of `POST /api/v1/authorization/access-rules` (201 `AccessRule`).
 * Required: `subjectId`, `subjectType`, `roleId`, `scopeId`, `scopeType`. No 409 is declared: look an
 * identical rule up before creating one.
 */
export const AccessRuleCreationRequest = z.strictObject(accessRuleFields(REQUEST_MODE));
export type AccessRuleCreationRequest = z.infer<typeof AccessRuleCreationRequest>;

/** `AccessRuleStatusResponse`: status of the rule in the cluster (clusters ≥ 2.22.0 only). */
export const AccessRuleStatus = lenientObject({
  phase: lenientEnum(ACCESS_RULE_PHASES).optional().describe("Phase of the access rule in the cluster."),
  message: z.string().optional().describe("Message for the status of the access rule in the cluster."),
  details: z.string().optional().describe("Details for the status of the access rule in the clusters."),
});
export type AccessRuleStatus = z.infer<typeof AccessRuleStatus>;

/**
 * `AccessRule` = `AccessRuleCreationFields` + `EnrichmentDataFields` + `AccessRuleMetadataFields` +
 * `{status}`: a rule as create and list return it.
 */
export const AccessRule = lenientObject({
  ...accessRuleFields(RESPONSE_MODE),
  // EnrichmentDataFields
  roleName: z.string().describe("The name of the assigned role (e.g. admin, viewer)."),
  scopeName: z.string().describe("Human-readable name of the scope (e.g. tenant-x)."),
  // AccessRuleMetadataFields
  id: z.int32().describe("The id of the access rule entry (int32)."),
  createdAt: z.string().describe("date-time: when the access rule was created."),
  updatedAt: z.string().describe("date-time: the last time the access rule was updated."),
  deletedAt: z.string().nullish().describe("date-time: when the access rule was deleted (only with `includeDeleted=true`)."),
  tenantId: z.int32().describe("The id of the tenant (required on `AccessRule`)."),
  createdBy: z.string().describe("Identifier of the user who created the access rule."),
  status: AccessRuleStatus.optional().describe('Status of the rule in the cluster (clusters ≥ 2.22.0 only): accept "Ready" or no status.'),
});
export type AccessRule = z.infer<typeof AccessRule>;

/** `AccessRuleById`: `GET /api/v1/authorization/access-rules/{accessRuleId}` adds `scopePath`. */
export const AccessRuleById = AccessRule.extend({
  scopePath: z.string().nullish().describe('The scope\'s path, e.g. "runai/production-cluster/dep-42/prj-73".'),
});
export type AccessRuleById = z.infer<typeof AccessRuleById>;

/** `GET /api/v1/authorization/access-rules` → 200 `{totalRecords, displayRecords, accessRules}`. */
export const AccessRuleList = lenientObject({
  totalRecords: z.int().describe("The number of rules that match the filters (all pages)."),
  displayRecords: z.int().describe("The number of rules in this page."),
  accessRules: z.array(AccessRule),
});
export type AccessRuleList = z.infer<typeof AccessRuleList>;

// ---- roles -------------------------------------------------------------------------------------------

/** `Action`: what a permission allows. */
export const PERMISSION_ACTIONS = ["create", "read", "update", "delete", "sync"] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

/** `ResourceTypeGroupId`. */
export const RESOURCE_TYPE_GROUP_IDS = ["organization", "physical-resource", "iam", "dashboard", "workload", "workload-asset"] as const;

/** `ResourceType`: what a permission applies to. */
export const RESOURCE_TYPES = [
  "department",
  "tenant",
  "project",
  "cluster",
  "cluster-config",
  "nodepools",
  "nodes",
  "settings",
  "security-settings",
  "users",
  "groups",
  "apps",
  "dashboards-overview",
  "dashboards-analytics",
  "dashboards-consumption",
  "roles",
  "access_rules",
  "jobs",
  "workloads",
  "workspaces",
  "trainings",
  "inferences",
  "environments",
  "pvc-assets",
  "git-assets",
  "host-path-assets",
  "nfs-assets",
  "s3-assets",
  "compute-resources",
  "templates",
  "credentials",
  "events-history",
  "policies",
  "cm-volume-assets",
  "datavolumes",
  "secret-volume-assets",
  "storage-class-configuration",
  "user-apps",
  "workload-properties",
] as const;

/** `Permission`: one resource type and the actions a role allows on it. */
export const Permission = lenientObject({
  resourceType: lenientEnum(RESOURCE_TYPES).describe('The resource type the permission is for, e.g. "project".'),
  displayName: z.string().describe('e.g. "Projects".'),
  groupId: lenientEnum(RESOURCE_TYPE_GROUP_IDS).describe("The group of resource types the resource type belongs to."),
  actions: z.array(lenientEnum(PERMISSION_ACTIONS)).describe('What the role may do with the resource type, e.g. "create" or "read".'),
});
export type Permission = z.infer<typeof Permission>;

/** `Role1` = `RoleCreationFields` + `RoleCalculatedFields`: a role as get and list return it. */
export const Role = lenientObject({
  // RoleCreationFields
  name: z.string().describe('The role\'s name, e.g. "L2 researcher" (match it exactly, case-sensitive).'),
  description: z.string().describe("What the role is for."),
  permissions: z.array(Permission).describe("What the role allows, per resource type."),
  enabled: z.boolean().nullish().describe("Contract default true."),
  kubernetesPermissions: lenientObject({
    predefinedRole: z.string().nullish().describe("An id of a predefined role to copy the cluster permissions from."),
  })
    .optional()
    .describe("What Kubernetes cluster permissions the role gets."),
  // RoleCalculatedFields
  id: z.int32().describe("The role id (int32): an access rule's `roleId`."),
  createdAt: z.string().describe("date-time."),
  updatedAt: z.string().describe("date-time."),
  deletedAt: z.string().nullish().describe("date-time."),
  createdBy: z.string().describe("Who created the role."),
  custom: z.boolean().describe("Whether the role was created by the tenant (not predefined)."),
  effectiveEnabled: z.boolean().describe("Contract default true."),
});
export type Role = z.infer<typeof Role>;

/** `Roles`: `GET /api/v1/authorization/roles` returns a bare array. */
export const RoleList = z.array(Role);
export type RoleList = z.infer<typeof RoleList>;
