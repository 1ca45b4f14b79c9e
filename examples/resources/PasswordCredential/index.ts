import * as pulumi from "@pulumi/pulumi";
import { PasswordCredential } from "pulumi-runai";

// A user and password, e.g. for a private Git repository (GitAsset's passwordAssetId):
//   pulumi config set --secret gitPassword <the password or token>
const config = new pulumi.Config();
const gitLogin = new PasswordCredential("git-login", {
  meta: { scope: "project", projectId: 1001 },
  spec: { user: "ci-bot", password: config.requireSecret("gitPassword") },
});

export const passwordCredentialId = gitLogin.id;
