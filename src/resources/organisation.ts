// The organisation: departments and projects with their per-node-pool quotas, and access rules that
// give a user, group or application a role in a scope. Thin classes: the logic is the provider's
// (src/provider/kinds/{department,project,access-rule}.ts).
import * as pulumi from "@pulumi/pulumi";
import type { NodeTypesPerWorkload, QuotaResource, SchedulingRules, SubjectType } from "../schemas";
import { accessRuleInputs, departmentInputs, projectInputs } from "./class-inputs";
import { providerShim, TYPE_MODULE } from "./common";
import type { DeepInput, NonNullFields } from "./common";

/**
 * One node pool's quota: `nodePool` by `name` (e.g. "default") or `id`; `gpu` (devices), `cpu`
 * (millicores) and `memory` (with `units`: "Mib", "MB" or "GB"), each `{ deserved, limit,
 * overQuotaWeight }` (`limit: -1` for no limit); `priority`.
 */
export type QuotaArgs = DeepInput<NonNullFields<Omit<QuotaResource, "nodePool">>> & {
  nodePool: pulumi.Input<{ id?: pulumi.Input<string>; name?: pulumi.Input<string> }>;
};

/** What departments and projects both update in place. */
interface OrgUnitArgs {
  /** Fixed at creation; unique in the cluster. */
  name?: pulumi.Input<string>;
  /** The cluster (its uuid, e.g. from `getCluster`). Fixed at creation. */
  clusterId: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Time limits of interactive and training workloads (seconds, each ≥ 1). */
  schedulingRules?: DeepInput<NonNullFields<SchedulingRules>>;
  /** Node pool names in the order workloads try them. */
  defaultNodePools?: pulumi.Input<pulumi.Input<string>[]>;
  nodeTypes?: DeepInput<NonNullFields<NodeTypesPerWorkload>>;
  /** One entry per node pool the program manages; pools it leaves out keep their quota. */
  resources?: pulumi.Input<pulumi.Input<QuotaArgs>[]>;
  /** Take over an existing one with the same name in the cluster instead of failing with "already exists". */
  adoptExisting?: pulumi.Input<boolean>;
}

export type DepartmentArgs = OrgUnitArgs;

/** A Run:ai department (`/api/v1/org-unit/departments`). */
export class Department extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly resources: pulumi.Output<unknown[]>;
  declare readonly totalResources: pulumi.Output<{ gpuQuota?: number; cpuQuota?: number; memoryQuota?: number }>;

  constructor(name: string, args: DepartmentArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("Department"), name, departmentInputs(name, args), opts, TYPE_MODULE, "Department");
  }
}

export interface ProjectArgs extends OrgUnitArgs {
  /** The department it belongs to (e.g. `department.id`). Fixed at creation. */
  departmentId?: pulumi.Input<string>;
  /** A namespace instead of `runai-<name>`. Fixed at creation. */
  requestedNamespace?: pulumi.Input<string>;
  /** Whether every pod in the namespace uses the Run:ai scheduler (default true). */
  enforceRunaiScheduler?: pulumi.Input<boolean>;
}

/**
 * A Run:ai project (`/api/v1/org-unit/projects`). `pulumi up` waits until its namespace is ready;
 * `namespace` is that namespace. Use `Number(project.id)` where an asset wants `meta.projectId`.
 */
export class Project extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly departmentId: pulumi.Output<string>;
  declare readonly namespace: pulumi.Output<string>;
  declare readonly phase: pulumi.Output<string>;
  declare readonly resources: pulumi.Output<unknown[]>;
  declare readonly totalResources: pulumi.Output<{ gpuQuota?: number; cpuQuota?: number; memoryQuota?: number }>;

  constructor(name: string, args: ProjectArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("Project"), name, projectInputs(name, args), opts, TYPE_MODULE, "Project");
  }
}

export interface AccessRuleArgs {
  /** "user", "group" or "app" (an Application). */
  subjectType: pulumi.Input<SubjectType>;
  /** A user's or group's id, or an application's name (e.g. `app.name`). */
  subjectId: pulumi.Input<string>;
  /** The role by name, e.g. "ML engineer" (checked at preview); or give `roleId`. */
  role?: pulumi.Input<string>;
  roleId?: pulumi.Input<number>;
  /** "tenant", "cluster", "department" or "project". */
  scopeType: pulumi.Input<"tenant" | "cluster" | "department" | "project">;
  /** The id of that tenant, cluster, department or project (e.g. `project.id`). */
  scopeId: pulumi.Input<string>;
  clusterId?: pulumi.Input<string>;
  /** Take over an identical existing rule instead of failing with "already exists". */
  adoptExisting?: pulumi.Input<boolean>;
}

/**
 * A Run:ai access rule (`/api/v1/authorization/access-rules`): a role for a subject in a scope. Any
 * change replaces it, the new rule first, so the subject never goes without access in between.
 */
export class AccessRule extends pulumi.dynamic.Resource {
  declare readonly role: pulumi.Output<string>;
  declare readonly roleId: pulumi.Output<number>;
  declare readonly scopeName: pulumi.Output<string>;

  constructor(name: string, args: AccessRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("AccessRule"), name, accessRuleInputs(args), opts, TYPE_MODULE, "AccessRule");
  }
}
