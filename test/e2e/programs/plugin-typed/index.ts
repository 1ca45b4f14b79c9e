import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai/plugin";

// The plugin-backed classes as a user writes them: typed arguments with Outputs flowing between
// resources, a secret output, and an explicit provider for a second Run:ai.
const config = new pulumi.Config("typed");
const clusterId = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";

const team = new runai.Project("typed-team", {
  clusterId,
  departmentId: "101",
  resources: [{ nodePool: { name: "default" }, gpu: { deserved: 1 } }],
});

const settings = new runai.ConfigMapAsset("typed-settings", {
  meta: { scope: "project", projectId: team.id.apply(Number) },
  spec: { configMap: "typed-settings", mountPath: "/etc/settings" },
});

const registry = new runai.DockerRegistryCredential("typed-registry", {
  meta: { scope: "project", projectId: team.id.apply(Number) },
  spec: { url: "https://registry.example.com", user: "puller", password: config.require("registryPassword") },
});

const ci = new runai.Application("typed-ci");

const elsewhere = new runai.Provider("elsewhere", {
  url: config.require("secondUrl"),
  clientId: config.require("secondClientId"),
  clientSecret: config.requireSecret("secondClientSecret"),
  waitForSync: false,
});
const remote = new runai.ConfigMapAsset(
  "typed-remote",
  { meta: { scope: "project", projectId: 1001 }, spec: { configMap: "remote", mountPath: "/etc/remote" } },
  { provider: elsewhere },
);

export const namespace = team.namespace;
export const settingsId = settings.id;
export const settingsMountPath = settings.spec.apply((spec) => spec.mountPath);
export const registrySecretName = registry.clusterInfo.apply((info) => info?.resources?.[0]?.name);
export const ciCredentials = ci.credentials;
export const remoteId = remote.id;
