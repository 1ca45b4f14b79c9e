import * as pulumi from "@pulumi/pulumi";
import { ConfigMapAsset, getCluster, getProject } from "pulumi-runai";

// The asset's project: `projectName` is looked up by name (as a program would), `projectId` is given
// as it is (an id that may name nothing).
const config = new pulumi.Config("scoped");
const projectName = config.get("projectName");
const projectId: pulumi.Input<number> = projectName
  ? pulumi
      .output(getCluster({ name: "research-cluster" }))
      .apply((cluster) => getProject({ name: projectName, clusterId: cluster.id }))
      .apply((project) => Number(project.id))
  : config.requireNumber("projectId");

const asset = new ConfigMapAsset("team-config", {
  meta: { name: "team-config", scope: "project", projectId },
  spec: { configMap: "team-config", mountPath: "/etc/team" },
});

export const id = asset.id;
export const assetProjectId = asset.meta.projectId;
