// Look-ups for programs: `getCluster({ name })` and friends, with the same configuration as the
// resources (the stack's runai:* settings, then the RUNAI_* environment variables). Plain async
// functions: `pulumi.output(getProject(...))` when an Output is wanted.
import * as pulumi from "@pulumi/pulumi";
import { createContext, findCluster, findDepartment, findNodePool, findProject, findRole } from "../provider";
import type { ProviderContext } from "../provider/context";

let context: ProviderContext | undefined;

/** The provider context of this program's configuration, resolved once. */
function programContext(): ProviderContext {
  return (context ??= createContext({ get: (key: string) => pulumi.runtime.getConfig(key) }));
}

/** The cluster named `name`; `id` is its uuid. */
export const getCluster = (args: { name: string }) => findCluster(programContext().client, args);
/** The department named `name` in the cluster. */
export const getDepartment = (args: { name: string; clusterId: string }) => findDepartment(programContext().client, args);
/** The project named `name` in the cluster. */
export const getProject = (args: { name: string; clusterId: string }) => findProject(programContext().client, args);
/** The node pool named `name` in the cluster ("default" exists in every cluster). */
export const getNodePool = (args: { name: string; clusterId: string }) => findNodePool(programContext().client, args);
/** The role named `name`, e.g. "ML engineer". */
export const getRole = (args: { name: string }) => findRole(programContext().client, args);
