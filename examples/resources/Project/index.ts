import * as runai from "pulumi-runai";

// A project of department 102 (the emulator's "platform") with a GPU, CPU and memory quota on the
// default node pool; Run:ai creates its namespace in the cluster.
const clusterId = runai.getCluster({ name: "research-cluster" }).then((cluster) => cluster.id);

const team = new runai.Project("vision-train", {
  clusterId,
  departmentId: "102",
  resources: [
    { nodePool: { name: "default" }, gpu: { deserved: 1, limit: 2 }, cpu: { deserved: 8000 }, memory: { deserved: 32, units: "GB" } },
  ],
});

export const projectId = team.id;
export const projectNamespace = team.namespace; // "runai-vision-train"
