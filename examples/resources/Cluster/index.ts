import { Cluster } from "pulumi-runai";

// Registers a cluster; its chart's values go to a Helm release of runai-cluster unchanged:
//   new k8s.helm.v3.Release("runai-cluster", { chart: "runai-cluster", values: gpuEast.helmValues, ... })
const gpuEast = new Cluster("gpu-east", {
  domain: "gpu-east.example.com", // the cluster's URL is https://gpu-east.example.com
  version: "2.22", // the install information is for this version
  // forceDelete: true deletes at once instead of gracefully
});

export const clusterUuid = gpuEast.uuid;
export const clusterChartRepo = gpuEast.chartRepoUrl;
export const clusterHelmValues = gpuEast.helmValues; // a secret: [secret] on screen
