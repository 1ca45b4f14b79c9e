// Look-ups for programs: `getCluster({ name })` and friends, with the same configuration as the
// resources (the stack's runai:* settings, then the RUNAI_* environment variables). Plain async
// functions: `pulumi.output(getProject(...))` when an Output is wanted.
//
// The provider code is loaded on the first look-up only: a program that looks nothing up does not
// build the client and every schema in its own process.
import * as pulumi from "@pulumi/pulumi";
import type { RunaiClient } from "../client";
import { RunaiError } from "../client/errors";
import { RunaiProviderError } from "../provider/errors";
import type * as Lookups from "../provider/lookups";
import type {
  GetClusterResult,
  GetDepartmentResult,
  GetDepartmentsResult,
  GetNodePoolResult,
  GetNodePoolsResult,
  GetProjectResult,
  GetProjectsResult,
  GetRoleResult,
} from "./generated-types";
import { warnAboutPlaintextSecrets } from "./plaintext-secrets";

let client: Promise<RunaiClient> | undefined;

/** The client of this program's configuration, resolved once. */
function programClient(): Promise<RunaiClient> {
  warnAboutPlaintextSecrets();
  return (client ??= import("../provider/context").then(
    ({ createContext }) => createContext({ get: (key) => pulumi.runtime.getConfig(key) }).client,
  ));
}

/**
 * Runs a look-up of the table (src/provider/lookups.ts). What a user can cause (no such name, a bad
 * setting, Run:ai's refusal) fails as a `pulumi.RunError`, which the CLI prints as its message
 * alone; any other error keeps its stack.
 */
async function lookUp<Result>(name: string, args: object): Promise<Result> {
  try {
    const lookups = await import("../provider/lookups");
    return (await lookups.runLookup(lookups.lookupNamed(name)!, await programClient(), args as Lookups.LookupArgs)) as Result;
  } catch (caught) {
    // A runai:url that cannot be reached or refused credentials name the settings to fix, as in the provider.
    const { explainSettingsFailure } = await import("../provider/credential-check");
    const err = explainSettingsFailure(caught);
    if (err instanceof RunaiProviderError || err instanceof RunaiError) throw userError(err.message);
    throw err;
  }
}

/**
 * A `pulumi.RunError` whose stack is its first line alone. The CLI prints a RunError's message, but
 * the SDK still formats the whole error, in color, for its trace. Under an `apply` of a TypeScript
 * program the stack holds the SDK's source-mapped frame `node_modules/@pulumi/output.ts`, and Node
 * 20's colored formatting of such a frame (a file straight under a scope directory) loops until the
 * string overflows: a failed look-up's preview took 25–85 s of garbage collection before it failed.
 */
function userError(message: string): pulumi.RunError {
  const error = new pulumi.RunError(message);
  error.stack = `${error.name}: ${message}`;
  return error;
}

/** The cluster named `name`; `id` is its uuid. */
export const getCluster = (args: GetClusterArgs): Promise<GetClusterResult> => lookUp("getCluster", args);
/** The department named `name` in the cluster. */
export const getDepartment = (args: GetDepartmentArgs): Promise<GetDepartmentResult> => lookUp("getDepartment", args);
/** The project named `name` in the cluster. */
export const getProject = (args: GetProjectArgs): Promise<GetProjectResult> => lookUp("getProject", args);
/** The node pool named `name` in the cluster ("default" exists in every cluster). */
export const getNodePool = (args: GetNodePoolArgs): Promise<GetNodePoolResult> => lookUp("getNodePool", args);
/** The role named `name`, e.g. "ML engineer". */
export const getRole = (args: GetRoleArgs): Promise<GetRoleResult> => lookUp("getRole", args);
/** Every department in the cluster (`{ departments }`). */
export const getDepartments = (args: GetDepartmentsArgs): Promise<GetDepartmentsResult> => lookUp("getDepartments", args);
/** Every project in the cluster, or only those of `departmentId` (`{ projects }`). */
export const getProjects = (args: GetProjectsArgs): Promise<GetProjectsResult> => lookUp("getProjects", args);
/** Every node pool of the cluster (`{ nodePools }`). */
export const getNodePools = (args: GetNodePoolsArgs): Promise<GetNodePoolsResult> => lookUp("getNodePools", args);

// The Output forms, named and called as in a generated SDK (`getClusterOutput`): arguments that may be
// Outputs, an Output answer. The code `pulumi convert --language typescript` prints calls them.
/** `getCluster` with arguments that may be Outputs, answering an Output. */
export const getClusterOutput = (args: LookupInputs<GetClusterArgs>): pulumi.Output<GetClusterResult> => lookUpOutput("getCluster", args);
/** `getDepartment` with arguments that may be Outputs, answering an Output. */
export const getDepartmentOutput = (args: LookupInputs<GetDepartmentArgs>): pulumi.Output<GetDepartmentResult> =>
  lookUpOutput("getDepartment", args);
/** `getProject` with arguments that may be Outputs, answering an Output. */
export const getProjectOutput = (args: LookupInputs<GetProjectArgs>): pulumi.Output<GetProjectResult> => lookUpOutput("getProject", args);
/** `getNodePool` with arguments that may be Outputs, answering an Output. */
export const getNodePoolOutput = (args: LookupInputs<GetNodePoolArgs>): pulumi.Output<GetNodePoolResult> =>
  lookUpOutput("getNodePool", args);
/** `getRole` with arguments that may be Outputs, answering an Output. */
export const getRoleOutput = (args: LookupInputs<GetRoleArgs>): pulumi.Output<GetRoleResult> => lookUpOutput("getRole", args);
/** `getDepartments` with arguments that may be Outputs, answering an Output. */
export const getDepartmentsOutput = (args: LookupInputs<GetDepartmentsArgs>): pulumi.Output<GetDepartmentsResult> =>
  lookUpOutput("getDepartments", args);
/** `getProjects` with arguments that may be Outputs, answering an Output. */
export const getProjectsOutput = (args: LookupInputs<GetProjectsArgs>): pulumi.Output<GetProjectsResult> =>
  lookUpOutput("getProjects", args);
/** `getNodePools` with arguments that may be Outputs, answering an Output. */
export const getNodePoolsOutput = (args: LookupInputs<GetNodePoolsArgs>): pulumi.Output<GetNodePoolsResult> =>
  lookUpOutput("getNodePools", args);

/** A look-up's arguments, each of which may be an Output (the `…Output` forms). */
export type LookupInputs<Args> = { [Field in keyof Args]: pulumi.Input<Args[Field]> };

function lookUpOutput<Result>(name: string, args: object): pulumi.Output<Result> {
  return pulumi.output(args).apply((resolved) => lookUp<Result>(name, resolved));
}

/** What a look-up is asked by: a name, and the cluster it is in for what lives in a cluster. */
export interface GetClusterArgs {
  name: string;
}
export interface GetDepartmentArgs {
  name: string;
  /** The cluster's uuid, e.g. `(await getCluster({ name })).id`. */
  clusterId: string;
}
export type GetProjectArgs = GetDepartmentArgs;
export type GetNodePoolArgs = GetDepartmentArgs;
export type GetRoleArgs = GetClusterArgs;
/** What a list look-up is asked by: the cluster. */
export interface GetDepartmentsArgs {
  /** The cluster's uuid, e.g. `(await getCluster({ name })).id`. */
  clusterId: string;
}
export type GetNodePoolsArgs = GetDepartmentsArgs;
export interface GetProjectsArgs extends GetDepartmentsArgs {
  /** Only the projects of this department (its id); all the cluster's when left out. */
  departmentId?: string;
}
