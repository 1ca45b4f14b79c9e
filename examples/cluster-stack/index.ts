import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai";

// What teams script in two phases ("create the cluster in the UI, then pass its id and client
// secret to the chart"), as one stack: the cluster is registered with Run:ai, its node pools are
// created, and the runai-cluster chart is installed with the values the registration returns.
const config = new pulumi.Config();

const cluster = new runai.Cluster("gpu-cluster", {
  name: config.get("clusterName") ?? "gpu-cluster",
  domain: config.get("domain") ?? "gpu.example.com",
  version: config.get("version") ?? "2.22",
});

// One Run:ai node pool per node group of the cluster, by the label its nodes carry.
const nodeGroups = config.getObject<Record<string, string>>("nodePools") ?? { a100: "a100-80gb", h100: "h100-sxm" };
const nodePools = Object.entries(nodeGroups).map(
  ([name, instanceType]) =>
    new runai.NodePool(name, {
      name,
      clusterId: cluster.id, // a cluster's id is its uuid
      labelKey: "node.kubernetes.io/instance-type",
      labelValue: instanceType,
    }),
);

// Without a kubeconfig the provider writes the manifests to a directory instead of applying them
// (renderYamlToDirectory), which is how this example runs without a Kubernetes cluster.
const kubeconfig = config.get("kubeconfig");
const kubernetes = new k8s.Provider(
  "gpu-cluster",
  kubeconfig ? { kubeconfig } : { renderYamlToDirectory: config.get("renderDir") ?? "rendered" },
);

// The chart: a local path (default: the stand-in in ./chart) or the name of the chart in the
// repository Run:ai gives for the cluster's version ("runai-cluster", from cluster.chartRepoUrl).
const chart = config.get("chart") ?? "./chart";
const local = chart.startsWith(".") || chart.startsWith("/");
// Run:ai gives the repository with the install information, which exists for a cluster with a version.
const chartRepository = cluster.chartRepoUrl.apply((url) => url ?? "");
new k8s.helm.v3.Chart(
  "runai-cluster",
  {
    ...(local ? { path: chart } : { chart, version: config.get("chartVersion"), fetchOpts: { repo: chartRepository } }),
    namespace: "runai",
    // Exactly the chart's values, a Pulumi secret: the client secret never reaches state or output in clear.
    values: cluster.helmValues,
  },
  { provider: kubernetes, dependsOn: nodePools },
);

export const clusterId = cluster.id;
export const clusterState = cluster.status.apply((status) => status?.state);
export const nodePoolNames = nodePools.map((pool) => pool.name);
export const installCommand = cluster.installCommand;
