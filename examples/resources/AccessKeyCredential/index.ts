import * as pulumi from "@pulumi/pulumi";
import { AccessKeyCredential } from "pulumi-runai";

// An S3 access key for project 1001. The secret comes from encrypted stack config:
//   pulumi config set --secret s3SecretAccessKey <the secret access key>
const config = new pulumi.Config();
const bucketKey = new AccessKeyCredential("datasets-reader", {
  meta: { scope: "project", projectId: 1001, description: "Read-only key for the datasets bucket" },
  spec: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: config.requireSecret("s3SecretAccessKey") },
});

export const accessKeyCredentialId = bucketKey.id;
export const accessKeySecretName = bucketKey.clusterInfo.apply((info) => info?.resources?.[0]?.name);
