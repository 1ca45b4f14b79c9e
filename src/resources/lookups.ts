// Look-ups for programs: `getCluster({ name })` and friends, with the same configuration as the
// resources (the stack's runai:* settings, then the RUNAI_* environment variables). Plain async
// functions: `pulumi.output(getProject(...))` when an Output is wanted.
//
// The provider code is loaded on the first look-up only: a program that looks nothing up does not
// build the client and every schema in its own process.
import * as pulumi from "@pulumi/pulumi";
import type { RunaiClient } from "../client";
import { stripNulls } from "../provider/normalize";
import type { GetClusterResult, GetDepartmentResult, GetNodePoolResult, GetProjectResult, GetRoleResult } from "./generated-types";
import { warnAboutPlaintextSecrets } from "./plaintext-secrets";

let client: Promise<RunaiClient> | undefined;

/** The client of this program's configuration, resolved once. */
function programClient(): Promise<RunaiClient> {
  warnAboutPlaintextSecrets();
  return (client ??= import("../provider/context").then(
    ({ createContext }) => createContext({ get: (key) => pulumi.runtime.getConfig(key) }).client,
  ));
}

const lookups = () => import("../provider/lookups");

/** The cluster named `name`; `id` is its uuid. */
export const getCluster = async (args: GetClusterArgs): Promise<GetClusterResult> =>
  answer((await lookups()).findCluster(await programClient(), args));
/** The department named `name` in the cluster. */
export const getDepartment = async (args: GetDepartmentArgs): Promise<GetDepartmentResult> =>
  answer((await lookups()).findDepartment(await programClient(), args));
/** The project named `name` in the cluster. */
export const getProject = async (args: GetProjectArgs): Promise<GetProjectResult> =>
  answer((await lookups()).findProject(await programClient(), args));
/** The node pool named `name` in the cluster ("default" exists in every cluster). */
export const getNodePool = async (args: GetNodePoolArgs): Promise<GetNodePoolResult> =>
  answer((await lookups()).findNodePool(await programClient(), args));
/** The role named `name`, e.g. "ML engineer". */
export const getRole = async (args: GetRoleArgs): Promise<GetRoleResult> => answer((await lookups()).findRole(await programClient(), args));

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

/**
 * The object as Run:ai returns it, without its null fields (the answer types, generated from the
 * contract, have optional fields where Run:ai may answer null).
 */
async function answer<Result>(found: Promise<object>): Promise<Result> {
  return stripNulls(await found) as Result;
}
