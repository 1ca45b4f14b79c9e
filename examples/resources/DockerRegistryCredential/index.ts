import * as pulumi from "@pulumi/pulumi";
import { DockerRegistryCredential } from "pulumi-runai";

// Pull access to a private registry for every project of department 101:
//   pulumi config set --secret registryPassword <the registry password>
const config = new pulumi.Config();
const registry = new DockerRegistryCredential("registry-login", {
  meta: { scope: "department", departmentId: "101" },
  spec: { url: "https://registry.example.com", user: "puller", password: config.requireSecret("registryPassword") },
});

export const dockerRegistryCredentialId = registry.id;
