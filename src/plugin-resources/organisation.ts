/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each class is merged with an interface of its outputs: Pulumi sets them as properties of the object, and the interface types them without emitting fields that would hide them. */
// The plugin-backed Application, Cluster, NodePool, Department, Project and AccessRule: the dynamic classes' arguments,
// inputs and outputs (src/resources), served by the provider plugin.
import type * as pulumi from "@pulumi/pulumi";
import {
  accessRuleInputs,
  applicationCredentials,
  applicationInputs,
  applicationOptions,
  clusterInputs,
  clusterOptions,
  departmentInputs,
  nodePoolInputs,
  projectInputs,
} from "../resources/class-inputs";
import type { ApplicationCredentials } from "../resources/application";
import type { OutputProperties } from "../resources/common";
import type {
  AccessRuleArgs,
  AccessRuleOutputs,
  ApplicationArgs,
  ClusterArgs,
  ClusterOutputs,
  DepartmentArgs,
  DepartmentOutputs,
  NodePoolArgs,
  NodePoolOutputs,
  ProjectArgs,
  ProjectOutputs,
} from "../resources/generated-types";
import { PluginResource } from "./common";

/** A Run:ai application (`runai:index:Application`); its secret is a Pulumi secret. */
export class Application extends PluginResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  /** The identifier used to request tokens. */
  declare readonly clientId: pulumi.Output<string>;
  /** The client secret: a Pulumi secret (encrypted in state, `[secret]` in outputs). */
  declare readonly secret: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<string | undefined>;
  declare readonly createdBy: pulumi.Output<string | undefined>;
  /** Changes whenever the application obtains a token; never shown as a diff. */
  declare readonly lastLogin: pulumi.Output<string | undefined>;
  declare readonly rotateWhenChanged: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: ApplicationArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("Application", name, applicationInputs(name, args), applicationOptions(opts));
  }

  /** `{ clientId, clientSecret }` as one secret Output, ready for `export` or another provider's config. */
  get credentials(): pulumi.Output<ApplicationCredentials> {
    return applicationCredentials(this);
  }
}

/** A Run:ai department (`runai:index:Department`). */
export class Department extends PluginResource {
  constructor(name: string, args: DepartmentArgs, opts?: pulumi.CustomResourceOptions) {
    super("Department", name, departmentInputs(name, args), opts);
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Department extends OutputProperties<DepartmentOutputs> {}

/** A Run:ai project (`runai:index:Project`); `pulumi up` waits until its namespace is ready. */
export class Project extends PluginResource {
  constructor(name: string, args: ProjectArgs, opts?: pulumi.CustomResourceOptions) {
    super("Project", name, projectInputs(name, args), opts);
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Project extends OutputProperties<ProjectOutputs> {}

/** A Run:ai access rule (`runai:index:AccessRule`): a role for a subject in a scope. */
export class AccessRule extends PluginResource {
  constructor(name: string, args: AccessRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super("AccessRule", name, accessRuleInputs(args), opts);
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccessRule extends OutputProperties<AccessRuleOutputs> {}

/** A Run:ai cluster (`runai:index:Cluster`); `clientSecret`, `installCommand` and `helmValues` are Pulumi secrets. */
export class Cluster extends PluginResource {
  constructor(name: string, args: ClusterArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("Cluster", name, clusterInputs(name, args), clusterOptions(opts));
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Cluster extends OutputProperties<ClusterOutputs> {}

/** A Run:ai node pool (`runai:index:NodePool`); `pulumi up` waits for its phase to settle. */
export class NodePool extends PluginResource {
  constructor(name: string, args: NodePoolArgs, opts?: pulumi.CustomResourceOptions) {
    super("NodePool", name, nodePoolInputs(name, args), opts);
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NodePool extends OutputProperties<NodePoolOutputs> {}
