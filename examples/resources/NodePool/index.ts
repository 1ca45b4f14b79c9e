import { Department, NodePool } from "pulumi-runai";

// The emulator's seeded cluster; a Cluster resource's `uuid` works the same.
const clusterId = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";

// The cluster's H100 nodes, labelled node-type=h100, spread rather than packed.
const h100 = new NodePool("h100", {
  clusterId,
  labelKey: "node-type",
  labelValue: "h100",
  placementStrategy: { gpu: "spread" },
});

// A department with a quota in that node pool, named by name: resolved once the node pool exists.
new Department("h100-users", {
  clusterId,
  resources: [{ nodePool: { name: h100.name }, gpu: { deserved: 4 } }],
});

export const nodePoolId = h100.id;
export const nodePoolPhase = h100.phase;
