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
 * Runs a look-up. What a user can cause (no such name, a bad setting, Run:ai's refusal) fails as a
 * `pulumi.RunError`, which the CLI prints as its message alone; any other error keeps its stack.
 */
async function lookUp<T>(find: (lookups: typeof Lookups, client: RunaiClient) => Promise<T>): Promise<T> {
  try {
    const lookups = await import("../provider/lookups");
    return await find(lookups, await programClient());
  } catch (err) {
    if (err instanceof RunaiProviderError || err instanceof RunaiError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

/** The cluster named `name`; `id` is its uuid. */
export const getCluster = (args: { name: string }) => lookUp((l, c) => l.findCluster(c, args));
/** The department named `name` in the cluster. */
export const getDepartment = (args: { name: string; clusterId: string }) => lookUp((l, c) => l.findDepartment(c, args));
/** The project named `name` in the cluster. */
export const getProject = (args: { name: string; clusterId: string }) => lookUp((l, c) => l.findProject(c, args));
/** The node pool named `name` in the cluster ("default" exists in every cluster). */
export const getNodePool = (args: { name: string; clusterId: string }) => lookUp((l, c) => l.findNodePool(c, args));
/** The role named `name`, e.g. "ML engineer". */
export const getRole = (args: { name: string }) => lookUp((l, c) => l.findRole(c, args));
