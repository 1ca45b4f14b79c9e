import * as pulumi from "@pulumi/pulumi";
import { GenericSecretCredential } from "pulumi-runai";

// Key-value pairs Run:ai copies into a Kubernetes secret, e.g. for a SecretVolumeAsset or an
// environment variable of an EnvironmentAsset:
//   pulumi config set --secret hfToken <the token>
const config = new pulumi.Config();
const apiTokens = new GenericSecretCredential("api-tokens", {
  meta: { scope: "project", projectId: 1001 },
  spec: { keyValuePairs: [{ key: "HF_TOKEN", value: config.requireSecret("hfToken") }] },
});

export const genericSecretCredentialId = apiTokens.id;
