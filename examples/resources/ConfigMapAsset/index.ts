import { ConfigMapAsset } from "pulumi-runai";

// Mounts the existing Kubernetes ConfigMap "training-hyperparameters" into the workloads of
// project 1001 (the emulator's "team-a"). ConfigMap assets are project-scoped.
const trainingConfig = new ConfigMapAsset("training-config", {
  meta: { scope: "project", projectId: 1001, description: "Hyper-parameters shared by the team's training jobs" },
  spec: { configMap: "training-hyperparameters", mountPath: "/etc/training" },
});

export const configMapAssetId = trainingConfig.id;
export const configMapAssetStatus = trainingConfig.status.status; // "No issues found" once synced
