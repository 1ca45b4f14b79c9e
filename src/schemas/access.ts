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
    /** The unique identifier of the subject (e.g. user, group, or app), e.g. "user@run.ai". */
    subjectId: z.string(),
    /** The subject assigned to the access rule. Valid values: user, group, app. */
    subjectType: mode.oneOf(SUBJECT_TYPES),
    /** The numeric id of the assigned role (from `/api/v1/authorization/roles`). */
    roleId: z.int32(),
    /** The unique identifier of the scope: the id of the tenant, cluster, department or project. */
    scopeId: z.string(),
    /** The type of scope the access rule applies to. Valid values: system, tenant, cluster, department, project. */
    scopeType: mode.oneOf(ACCESS_RULE_SCOPE_TYPES),
    /** The id of the cluster. */
    clusterId: (mode === REQUEST_MODE ? Uuid : z.string()).optional(),
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
  /** Phase of the access rule in the cluster. */
  phase: lenientEnum(ACCESS_RULE_PHASES).optional(),
  /** Message for the status of the access rule in the cluster. */
  message: z.string().optional(),
  /** Details for the status of the access rule in the clusters. */
  details: z.string().optional(),
});
export type AccessRuleStatus = z.infer<typeof AccessRuleStatus>;

/**
 * `AccessRule` = `AccessRuleCreationFields` + `EnrichmentDataFields` + `AccessRuleMetadataFields` +
 * `{status}`: a rule as create and list return it.
 */
export const AccessRule = lenientObject({
  ...accessRuleFields(RESPONSE_MODE),
  // EnrichmentDataFields
  /** The name of the assigned role (e.g. admin, viewer). */
  roleName: z.string(),
  /** Human-readable name of the scope (e.g. tenant-x). */
  scopeName: z.string(),
  // AccessRuleMetadataFields
  /** The id of the access rule entry (int32). */
  id: z.int32(),
  /** date-time: when the access rule was created. */
  createdAt: z.string(),
  /** date-time: the last time the access rule was updated. */
  updatedAt: z.string(),
  /** date-time: when the access rule was deleted (only with `includeDeleted=true`). */
  deletedAt: z.string().nullish(),
  /** The id of the tenant (required on `AccessRule`). */
  tenantId: z.int32(),
  /** Identifier of the user who created the access rule. */
  createdBy: z.string(),
  /** Status of the rule in the cluster (clusters ≥ 2.22.0 only): accept "Ready" or no status. */
  status: AccessRuleStatus.optional(),
});
export type AccessRule = z.infer<typeof AccessRule>;

/** `AccessRuleById`: `GET /api/v1/authorization/access-rules/{accessRuleId}` adds `scopePath`. */
export const AccessRuleById = AccessRule.extend({
  /** The scope's path, e.g. "runai/production-cluster/dep-42/prj-73". */
  scopePath: z.string().nullish(),
});
export type AccessRuleById = z.infer<typeof AccessRuleById>;

/** `GET /api/v1/authorization/access-rules` → 200 `{totalRecords, displayRecords, accessRules}`. */
export const AccessRuleList = lenientObject({
  /** The number of rules that match the filters (all pages). */
  totalRecords: z.int(),
  /** The number of rules in this page. */
  displayRecords: z.int(),
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
  resourceType: lenientEnum(RESOURCE_TYPES),
  /** e.g. "Projects". */
  displayName: z.string(),
  groupId: lenientEnum(RESOURCE_TYPE_GROUP_IDS),
  actions: z.array(lenientEnum(PERMISSION_ACTIONS)),
});
export type Permission = z.infer<typeof Permission>;

/** `Role1` = `RoleCreationFields` + `RoleCalculatedFields`: a role as get and list return it. */
export const Role = lenientObject({
  // RoleCreationFields
  /** The role's name, e.g. "L2 researcher" (match it exactly, case-sensitive). */
  name: z.string(),
  description: z.string(),
  permissions: z.array(Permission),
  /** Contract default true. */
  enabled: z.boolean().nullish(),
  /** What Kubernetes cluster permissions the role gets. */
  kubernetesPermissions: lenientObject({
    /** An id of a predefined role to copy the cluster permissions from. */
    predefinedRole: z.string().nullish(),
  }).optional(),
  // RoleCalculatedFields
  /** The role id (int32): an access rule's `roleId`. */
  id: z.int32(),
  /** date-time. */
  createdAt: z.string(),
  /** date-time. */
  updatedAt: z.string(),
  /** date-time. */
  deletedAt: z.string().nullish(),
  createdBy: z.string(),
  /** Whether the role was created by the tenant (not predefined). */
  custom: z.boolean(),
  /** Contract default true. */
  effectiveEnabled: z.boolean(),
});
export type Role = z.infer<typeof Role>;

/** `Roles`: `GET /api/v1/authorization/roles` returns a bare array. */
export const RoleList = z.array(Role);
export type RoleList = z.infer<typeof RoleList>;
