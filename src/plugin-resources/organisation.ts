// The plugin-backed Application, Department, Project and AccessRule: the dynamic classes' arguments,
// inputs and outputs (src/resources), served by the provider plugin.
import type * as pulumi from "@pulumi/pulumi";
import {
  accessRuleInputs,
  applicationCredentials,
  applicationInputs,
  applicationOptions,
  departmentInputs,
  projectInputs,
} from "../resources/class-inputs";
import type { ApplicationArgs, ApplicationCredentials } from "../resources/application";
import type { AccessRuleArgs, DepartmentArgs, ProjectArgs } from "../resources/organisation";
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
  declare readonly name: pulumi.Output<string>;
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly resources: pulumi.Output<unknown[]>;
  declare readonly totalResources: pulumi.Output<{ gpuQuota?: number; cpuQuota?: number; memoryQuota?: number }>;

  constructor(name: string, args: DepartmentArgs, opts?: pulumi.CustomResourceOptions) {
    super("Department", name, departmentInputs(name, args), opts);
  }
}

/** A Run:ai project (`runai:index:Project`); `pulumi up` waits until its namespace is ready. */
export class Project extends PluginResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly departmentId: pulumi.Output<string>;
  declare readonly namespace: pulumi.Output<string>;
  declare readonly phase: pulumi.Output<string>;
  declare readonly resources: pulumi.Output<unknown[]>;
  declare readonly totalResources: pulumi.Output<{ gpuQuota?: number; cpuQuota?: number; memoryQuota?: number }>;

  constructor(name: string, args: ProjectArgs, opts?: pulumi.CustomResourceOptions) {
    super("Project", name, projectInputs(name, args), opts);
  }
}

/** A Run:ai access rule (`runai:index:AccessRule`): a role for a subject in a scope. */
export class AccessRule extends PluginResource {
  declare readonly role: pulumi.Output<string>;
  declare readonly roleId: pulumi.Output<number>;
  declare readonly scopeName: pulumi.Output<string>;

  constructor(name: string, args: AccessRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super("AccessRule", name, accessRuleInputs(args), opts);
  }
}
