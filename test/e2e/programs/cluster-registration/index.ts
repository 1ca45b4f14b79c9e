import * as pulumi from "@pulumi/pulumi";
import { Cluster, Department, NodePool, Project } from "pulumi-runai";

const config = new pulumi.Config();

// A cluster's id is its uuid.
const cluster = new Cluster("gpu-east", {
  name: config.get("clusterName") ?? "gpu-east",
  domain: "gpu-east.example.com",
  version: "2.22",
});
const a100 = new NodePool("a100", { clusterId: cluster.id, labelKey: "node-type", labelValue: "a100" });
// Renamed by config: a replacement, created first, that the quotas below move to.
const h100 = new NodePool("h100", {
  name: config.get("h100Name") ?? "h100",
  clusterId: cluster.id,
  labelKey: "node-type",
  labelValue: config.get("h100Label") ?? "h100",
});
const quotas = (gpus: number) => [
  { nodePool: { name: a100.name }, gpu: { deserved: gpus } },
  { nodePool: { name: h100.name }, gpu: { deserved: gpus } },
];
const department = new Department("east-research", { clusterId: cluster.id, resources: quotas(4) });
new Project("east-team", { clusterId: cluster.id, departmentId: department.id, resources: quotas(2) });

export const clusterUuid = cluster.uuid;
export const helmValues = cluster.helmValues;
export const a100Id = a100.id;
export const h100Id = h100.id;
