// The resource inputs and options of the application and organisation classes, shared by the
// dynamic classes (src/resources) and the plugin-backed ones (src/plugin-resources). Internal: the
// package exports every resource module whole, so these live apart from the classes.
import * as pulumi from "@pulumi/pulumi";
import type { ApplicationCredentials } from "./application";
import { OUTPUT_NAMES } from "./generated-output-names";
import type { AccessRuleArgs, ApplicationArgs, ClusterArgs, DepartmentArgs, NodePoolArgs, ProjectArgs } from "./generated-types";

/** An application's resource inputs. */
export function applicationInputs(name: string, args: ApplicationArgs) {
  return {
    name: args.name ?? name,
    enabled: args.enabled,
    rotateWhenChanged: args.rotateWhenChanged,
    adoptExisting: args.adoptExisting,
    // Output-only properties: listed so they become outputs of this object; undefined is not sent.
    clientId: undefined,
    secret: undefined,
    createdAt: undefined,
    createdBy: undefined,
    lastLogin: undefined,
  };
}

/** The options with the server-generated secret marked secret: the only thing that encrypts it in state. */
export function applicationOptions<T extends pulumi.CustomResourceOptions>(opts: T | undefined): T {
  return { ...opts, additionalSecretOutputs: ["secret", ...(opts?.additionalSecretOutputs ?? [])] } as T;
}

/** `{ clientId, clientSecret }` of an application as one secret Output. */
export function applicationCredentials(app: {
  clientId: pulumi.Output<string>;
  secret: pulumi.Output<string>;
}): pulumi.Output<ApplicationCredentials> {
  return pulumi.secret(pulumi.all([app.clientId, app.secret]).apply(([clientId, clientSecret]) => ({ clientId, clientSecret })));
}

// Departments, projects and access rules: every output named (as undefined, which is not sent, so
// that the resource object has a property for it), then the arguments, the name defaulted to the
// resource name.
export const departmentInputs = (name: string, args: DepartmentArgs) => orgUnitInputs(name, args, OUTPUT_NAMES.Department);
export const projectInputs = (name: string, args: ProjectArgs) => orgUnitInputs(name, args, OUTPUT_NAMES.Project);
export const accessRuleInputs = (args: AccessRuleArgs) => ({ ...outputKeys(OUTPUT_NAMES.AccessRule), ...args });

function orgUnitInputs(name: string, args: DepartmentArgs | ProjectArgs, outputs: readonly string[]) {
  if (!args) throw new Error(`${name}: arguments are required (at least clusterId)`);
  return { ...outputKeys(outputs), ...args, name: args.name ?? name };
}

function outputKeys(names: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(names.map((key) => [key, undefined]));
}

/** A cluster's inputs: every output named, the name defaulted to the resource name. */
export const clusterInputs = (name: string, args: ClusterArgs) => ({
  ...outputKeys(OUTPUT_NAMES.Cluster),
  ...args,
  name: args.name ?? name,
});

/** The options with the client secret, the install command and the chart values marked secret: the only thing that encrypts them in state. */
export function clusterOptions<T extends pulumi.CustomResourceOptions>(opts: T | undefined): T {
  return {
    ...opts,
    additionalSecretOutputs: ["clientSecret", "installCommand", "helmValues", ...(opts?.additionalSecretOutputs ?? [])],
  } as T;
}

/** A node pool's inputs: every output named, the name defaulted to the resource name. */
export function nodePoolInputs(name: string, args: NodePoolArgs) {
  if (!args) throw new Error(`${name}: arguments are required (at least clusterId)`);
  return { ...outputKeys(OUTPUT_NAMES.NodePool), ...args, name: args.name ?? name };
}
