import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai";

// Onboarding a team without a single hard-coded id: the cluster and its default node pool are looked
// up by name, and everything else refers to what this program creates.
const config = new pulumi.Config();
const team = config.get("team") ?? "vision";
const clusterName = config.get("cluster") ?? "research-cluster";
const gpus = config.getNumber("gpus") ?? 4;
const ciRole = config.get("ciRole") ?? "ML engineer";

const cluster = runai.getCluster({ name: clusterName });
const clusterId = cluster.then((c) => c.id);
const defaultPool = clusterId.then((id) => runai.getNodePool({ name: "default", clusterId: id }));

const department = new runai.Department(`${team}-dept`, {
  clusterId,
  description: `The ${team} team`,
  resources: [{ nodePool: { id: defaultPool.then((pool) => pool.id) }, gpu: { deserved: gpus * 2 } }],
});

// The project: its namespace is created in the cluster; `pulumi up` waits until it is ready. Its GPU
// quota changes in place.
const project = new runai.Project(team, {
  clusterId,
  departmentId: department.id,
  description: `Workloads of the ${team} team`,
  resources: [
    {
      nodePool: { name: "default" },
      gpu: { deserved: gpus, limit: gpus * 2 },
      cpu: { deserved: 16000 },
      memory: { deserved: 64, units: "GB" },
    },
  ],
});

// A CI identity for the team, allowed to manage assets in its project and nowhere else. A new role
// replaces the rule, the new one first: the application never goes without access in between.
const ci = new runai.Application(`${team}-ci`, {});
new runai.AccessRule(`${team}-ci-ml-engineer`, {
  subjectType: "app",
  subjectId: ci.name,
  role: ciRole,
  scopeType: "project",
  scopeId: project.id,
});

// A first asset in the project (assets take the project's id as a number).
const trainingConfig = new runai.ConfigMapAsset(`${team}-training-config`, {
  meta: { scope: "project", projectId: project.id.apply(Number), description: `Hyper-parameters of the ${team} team` },
  spec: { configMap: "training-hyperparameters", mountPath: "/etc/training" },
});

export const clusterUuid = clusterId;
export const departmentId = department.id;
export const projectId = project.id;
export const namespace = project.namespace;
export const trainingConfigId = trainingConfig.id;
// Secret: `pulumi stack output ciCredentials --show-secrets` for the team's CI.
export const ciCredentials = ci.credentials;
