import * as pulumi from "@pulumi/pulumi";
import { ConfigMapAsset, EnvironmentAsset } from "pulumi-runai";

const config = new pulumi.Config();
const team = config.get("team") ?? "vision";

// The stack that created the cluster and installed Run:ai (../cluster-exports stands in for it),
// by its fully qualified name "<organization>/<project>/<stack>". By default the same-named stack of the "runai-cluster"
// project in this stack's organization (with a self-managed backend such as file:// or s3:// the
// organization is always "organization").
const clusterStack = config.get("clusterStack") ?? `${pulumi.getOrganization()}/runai-cluster/${pulumi.getStack()}`;
const cluster = new pulumi.StackReference(clusterStack);

const clusterId = cluster.requireOutput("clusterId") as pulumi.Output<string>;
const projectId = cluster.requireOutput("projectIds").apply((ids: Record<string, number>) => {
  const id = ids[team];
  if (id === undefined) throw new Error(`the cluster stack ${clusterStack} exports no project id for team "${team}"`);
  return id;
});

// Both assets live in the team's project on the cluster. The project and cluster are fixed at
// creation: when the cluster stack exports a new project id for the team, the next `pulumi up`
// replaces the assets into the new project.
const trainingConfig = new ConfigMapAsset(`${team}-training-config`, {
  meta: {
    scope: "project",
    projectId,
    clusterId,
    description: `Hyper-parameters shared by the ${team} team's training jobs`,
  },
  spec: { configMap: "training-hyperparameters", mountPath: "/etc/training" },
});

const notebook = new EnvironmentAsset(`${team}-notebook`, {
  meta: {
    scope: "project",
    projectId,
    clusterId,
    description: `JupyterLab for the ${team} team's workspaces`,
    workloadSupportedTypes: { workspace: true },
  },
  spec: {
    image: "quay.io/jupyter/scipy-notebook:2024-10-07",
    imagePullPolicy: "IfNotPresent",
    uidGidSource: "custom",
    runAsUid: 1000,
    runAsGid: 100,
    connections: [
      {
        name: "jupyter",
        internalToolInfo: {
          toolType: "jupyter-notebook",
          connectionType: "NodePort",
          containerPort: 8888,
          nodePortInfo: { isCustomPort: false },
        },
      },
    ],
  },
});

export const teamProjectId = projectId;
export const trainingConfigId = trainingConfig.id;
export const trainingConfigProject = trainingConfig.meta.projectName;
export const notebookEnvironmentId = notebook.id;
