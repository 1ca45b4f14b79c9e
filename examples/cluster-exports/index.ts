import * as pulumi from "@pulumi/pulumi";

// A stand-in for the stack that creates the GPU cluster and installs Run:ai on it. A real one would
// declare the Kubernetes cluster, the Run:ai cluster and its projects, and export their ids; this one
// creates nothing and exports the same ids from its own stack config, so team stacks can be written
// (and tested) against it. The defaults are the local emulator's seeded cluster and projects.
const config = new pulumi.Config();

/** The Run:ai cluster's id (a UUID), e.g. the id of the cluster resource in a real cluster stack. */
export const clusterId = config.get("clusterId") ?? "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";

/** Each team's Run:ai project id, by team name. */
export const projectIds = config.getObject<Record<string, number>>("projectIds") ?? { vision: 1001, language: 1002, platform: 1003 };
