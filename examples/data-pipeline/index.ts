import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai";

// Everything a project's training jobs pick from in Run:ai: a GPU shape, the raw data in an S3
// bucket, the training code in a private Git repository, and a volume for checkpoints.
const config = new pulumi.Config();
const projectId = config.getNumber("projectId") ?? 1001;
const meta = { scope: "project" as const, projectId };

// Credentials: the secrets come from secret stack config and stay Pulumi secrets in state. Run:ai
// never returns them, so a value changed outside Pulumi cannot be seen; change it here instead.
const bucketKey = new runai.AccessKeyCredential("datasets-reader", {
  meta: { ...meta, description: "Read-only key for the datasets bucket" },
  spec: { accessKeyId: config.require("s3AccessKeyId"), secretAccessKey: config.requireSecret("s3SecretAccessKey") },
});
const gitLogin = new runai.PasswordCredential("git-deploy-token", {
  meta: { ...meta, description: "Deploy token of the training repository" },
  spec: { user: "deploy", password: config.requireSecret("gitPassword") },
});

// Datasources that use them by id. Rotating a secret replaces the credential (Run:ai cannot update
// one), and the datasource that names it is replaced with it, after it and before the old key goes.
const datasets = new runai.S3Asset("datasets", {
  meta: { ...meta, description: "Raw training data" },
  spec: {
    bucket: "datasets",
    path: "/data/raw",
    url: config.get("s3Url") ?? "https://minio.example.com:9000",
    accessKeyAssetId: bucketKey.meta.id,
  },
});
const code = new runai.GitAsset("training-code", {
  meta,
  spec: {
    repository: "https://git.example.com/ml/training.git",
    branch: "main",
    path: "/code",
    passwordAssetId: gitLogin.meta.id,
  },
});

// A new 100 GiB claim for checkpoints. Only its mount path can change in place: a new size or
// storage class is a new claim (the old one and its data go).
const checkpoints = new runai.PvcAsset("checkpoints", {
  meta: { ...meta, description: "Checkpoints of the training runs" },
  spec: {
    path: "/checkpoints",
    claimInfo: { size: "100Gi", storageClass: "standard", accessModes: { readWriteOnce: false, readWriteMany: true } },
  },
});

// Half a GPU with 16 GiB of host memory: the shape users pick for experiments.
const halfGpu = new runai.ComputeAsset("half-gpu", {
  meta: { ...meta, description: "Half a GPU, 4 cores, 16 GiB" },
  spec: {
    gpuDevicesRequest: 1,
    gpuRequestType: "portion",
    gpuPortionRequest: 0.5,
    cpuCoreRequest: 4,
    cpuMemoryRequest: "16Gi",
    cpuMemoryLimit: "32Gi",
  },
});

export const assetIds = {
  bucketKey: bucketKey.id,
  gitLogin: gitLogin.id,
  datasets: datasets.id,
  code: code.id,
  checkpoints: checkpoints.id,
  halfGpu: halfGpu.id,
};
// The Kubernetes objects Run:ai made for them.
export const checkpointClaim = checkpoints.clusterInfo.apply((info) => info?.resources?.[0]?.name);
export const bucketKeySecret = bucketKey.clusterInfo.apply((info) => info?.resources?.[0]?.name);
