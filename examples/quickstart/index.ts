import * as pulumi from "@pulumi/pulumi";
import { Application, ConfigMapAsset, EnvironmentAsset } from "pulumi-runai";

// The project to put the assets in. The emulator seeds project 1001 ("team-a").
const config = new pulumi.Config();
const projectId = config.getNumber("projectId") ?? 1001;

// A ConfigMap asset mounts an existing Kubernetes ConfigMap into the project's workloads.
const trainingConfig = new ConfigMapAsset("training-config", {
  meta: {
    scope: "project",
    projectId,
    description: "Hyper-parameters shared by the team's training jobs",
  },
  spec: { configMap: "training-hyperparameters", mountPath: "/etc/training" },
});

const datasetIndex = new ConfigMapAsset("dataset-index", {
  meta: { name: "dataset-index", scope: "project", projectId },
  spec: { configMap: "dataset-index", mountPath: "/data/index", subPath: "index.json" },
});

// An environment: the image and tools a workspace starts with, validated at preview time.
const notebook = new EnvironmentAsset("team-notebook", {
  meta: {
    scope: "project",
    projectId,
    description: "JupyterLab for the team's interactive workspaces",
    workloadSupportedTypes: { workspace: true },
  },
  spec: {
    image: "quay.io/jupyter/scipy-notebook:2024-10-07",
    imagePullPolicy: "IfNotPresent",
    uidGidSource: "custom",
    runAsUid: 1000,
    runAsGid: 100,
    environmentVariables: [{ name: "JUPYTER_ENABLE_LAB", value: "yes" }],
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

// An application (API client) for the team's CI. Its secret is shown by Run:ai once, and stays a
// Pulumi secret: encrypted in state, "[secret]" in outputs unless asked for.
const ciApp = new Application("team-ci", { rotateWhenChanged: { quarter: "2026-Q4" } });

export const trainingConfigId = trainingConfig.id;
export const trainingConfigMountPath = trainingConfig.spec.mountPath;
export const trainingConfigStatus = trainingConfig.status.status;
export const datasetIndexId = datasetIndex.id;
export const notebookEnvironmentId = notebook.id;
export const notebookImage = notebook.spec.image;
export const ciClientId = ciApp.clientId;
export const ciCredentials = ciApp.credentials;
