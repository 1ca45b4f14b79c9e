/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each class is merged with an interface of its outputs: Pulumi sets them as properties of the object, and the interface types them without emitting fields that would hide them. */
// The organisation: clusters and their node pools, departments and projects with their per-node-pool quotas, and access rules that
// give a user, group or application a role in a scope. Thin classes: the logic is the provider's
// (src/provider/kinds/{department,project,access-rule}.ts); the argument and output types are
// derived (generated-types.ts), and each class has a property per output the provider returns.
import * as pulumi from "@pulumi/pulumi";
import { accessRuleInputs, clusterInputs, clusterOptions, departmentInputs, nodePoolInputs, projectInputs } from "./class-inputs";
import { providerShim, TYPE_MODULE } from "./common";
import type { OutputProperties } from "./common";
import type {
  AccessRuleArgs,
  AccessRuleOutputs,
  ClusterArgs,
  ClusterOutputs,
  DepartmentArgs,
  DepartmentOutputs,
  NodePoolArgs,
  NodePoolOutputs,
  ProjectArgs,
  ProjectOutputs,
} from "./generated-types";

/**
 * A Run:ai department (`/api/v1/org-unit/departments`). Quotas are one entry per node pool:
 * `nodePool` by `name` (e.g. "default") or `id`; `gpu` (devices), `cpu` (millicores) and `memory`
 * (with `units`: "Mib", "MB" or "GB"), each `{ deserved, limit, overQuotaWeight }` (`limit: -1` for
 * no limit); `priority`.
 */
export class Department extends pulumi.dynamic.Resource {
  constructor(name: string, args: DepartmentArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("Department"), name, departmentInputs(name, args), opts, TYPE_MODULE, "Department");
  }
}
// The outputs as properties of the class (declaration merging: types only, nothing at run time).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Department extends OutputProperties<DepartmentOutputs> {}

/**
 * A Run:ai project (`/api/v1/org-unit/projects`). `pulumi up` waits until its namespace is ready;
 * `namespace` is that namespace. Use `Number(project.id)` where an asset wants `meta.projectId`.
 * Quotas as for `Department`.
 */
export class Project extends pulumi.dynamic.Resource {
  constructor(name: string, args: ProjectArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("Project"), name, projectInputs(name, args), opts, TYPE_MODULE, "Project");
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Project extends OutputProperties<ProjectOutputs> {}

/**
 * A Run:ai access rule (`/api/v1/authorization/access-rules`): a role for a subject in a scope. Any
 * change replaces it, the new rule first, so the subject never goes without access in between.
 */
export class AccessRule extends pulumi.dynamic.Resource {
  constructor(name: string, args: AccessRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("AccessRule"), name, accessRuleInputs(args), opts, TYPE_MODULE, "AccessRule");
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccessRule extends OutputProperties<AccessRuleOutputs> {}

/**
 * A Run:ai cluster (`/api/v1/clusters`): registers a Kubernetes cluster with the control plane.
 * `helmValues` (a secret) is what the `runai-cluster` chart needs to connect, ready for a Helm
 * release; `clientSecret` and `installCommand` are secrets too. Deletion is graceful unless `forceDelete`.
 */
export class Cluster extends pulumi.dynamic.Resource {
  constructor(name: string, args: ClusterArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("Cluster"), name, clusterInputs(name, args), clusterOptions(opts), TYPE_MODULE, "Cluster");
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Cluster extends OutputProperties<ClusterOutputs> {}

/**
 * A Run:ai node pool (`/api/v1/node-pools`): the nodes of a cluster with one label. `pulumi up`
 * waits for its phase to settle. A cluster's `default` node pool is taken over only with
 * `adoptExisting`, and deleting that resource leaves it in place.
 */
export class NodePool extends pulumi.dynamic.Resource {
  constructor(name: string, args: NodePoolArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("NodePool"), name, nodePoolInputs(name, args), opts, TYPE_MODULE, "NodePool");
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NodePool extends OutputProperties<NodePoolOutputs> {}
