// Look-ups for programs: `getCluster({ name })` and friends, with the same configuration as the
// resources (the stack's runai:* settings, then the RUNAI_* environment variables). Plain async
// functions: `pulumi.output(getProject(...))` when an Output is wanted.
//
// The provider code is loaded on the first look-up only: a program that looks nothing up does not
// build the client and every schema in its own process.
import * as pulumi from "@pulumi/pulumi";
import type { RunaiClient } from "../client";
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
export const getCluster = async (args: { name: string }) => (await lookups()).findCluster(await programClient(), args);
/** The department named `name` in the cluster. */
export const getDepartment = async (args: { name: string; clusterId: string }) =>
  (await lookups()).findDepartment(await programClient(), args);
/** The project named `name` in the cluster. */
export const getProject = async (args: { name: string; clusterId: string }) => (await lookups()).findProject(await programClient(), args);
/** The node pool named `name` in the cluster ("default" exists in every cluster). */
export const getNodePool = async (args: { name: string; clusterId: string }) => (await lookups()).findNodePool(await programClient(), args);
/** The role named `name`, e.g. "ML engineer". */
export const getRole = async (args: { name: string }) => (await lookups()).findRole(await programClient(), args);
