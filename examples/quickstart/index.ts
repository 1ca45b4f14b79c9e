import * as pulumi from "@pulumi/pulumi";
import { ConfigMapAsset } from "pulumi-runai";

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

export const trainingConfigId = trainingConfig.id;
export const trainingConfigMountPath = trainingConfig.spec.mountPath;
export const trainingConfigStatus = trainingConfig.status.status;
export const datasetIndexId = datasetIndex.id;
