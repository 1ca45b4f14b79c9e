import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai";

// Every credential kind and a datasource that refers to each by id. One secret comes from secret
// stack config; the others are plain strings from the environment, as a CI job passes them: the
// resources must keep those secret all the same.
const config = new pulumi.Config();
const fromEnvironment = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const meta = { scope: "project" as const, projectId: 1001 };

const key = new runai.AccessKeyCredential("datasets-key", {
  meta: { ...meta, description: config.get("keyDescription") ?? "datasets bucket" },
  spec: { accessKeyId: "AKIADATASETS", secretAccessKey: fromEnvironment("E2E_SECRET_ACCESS_KEY") },
});
const datasets = new runai.S3Asset("datasets", {
  meta,
  spec: { bucket: "datasets", path: "/datasets", url: "https://minio.example.com:9000", accessKeyAssetId: key.meta.id },
});

const login = new runai.PasswordCredential("git-login", {
  meta,
  spec: { user: "ci-bot", password: config.requireSecret("gitPassword") },
});
const code = new runai.GitAsset("training-code", {
  meta,
  spec: { repository: "https://github.com/acme/train.git", branch: "main", path: "/code", passwordAssetId: login.meta.id },
});

const registry = new runai.DockerRegistryCredential("nvcr", {
  meta,
  spec: { url: "https://nvcr.io", user: "$oauthtoken", password: fromEnvironment("E2E_REGISTRY_PASSWORD") },
});

const tokens = new runai.GenericSecretCredential("api-tokens", {
  meta,
  spec: {
    keyValuePairs: [
      { key: "hf", value: fromEnvironment("E2E_HF_TOKEN") },
      { key: "wandb", value: fromEnvironment("E2E_WANDB_TOKEN") },
    ],
  },
});
const mounted = new runai.SecretVolumeAsset("api-tokens-volume", {
  meta,
  spec: { credentialAssetId: tokens.meta.id, mountPath: "/var/run/tokens" },
});

export const ids = {
  key: key.id,
  datasets: datasets.id,
  login: login.id,
  code: code.id,
  registry: registry.id,
  tokens: tokens.id,
  mounted: mounted.id,
};
export const keySecretName = key.clusterInfo.apply((info) => info?.resources?.[0]?.name);
