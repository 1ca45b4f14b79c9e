import * as runai from "pulumi-runai";

// A department in the cluster, looked up by name, with 2 GPUs of the default node pool.
const clusterId = runai.getCluster({ name: "research-cluster" }).then((cluster) => cluster.id);

const vision = new runai.Department("vision", {
  clusterId,
  description: "The computer vision teams",
  resources: [{ nodePool: { name: "default" }, gpu: { deserved: 2 } }],
});

export const departmentId = vision.id;
