import { HostPathAsset } from "pulumi-runai";

// A directory of the node (a local SSD) mounted read-write into the workloads of project 1001.
const scratch = new HostPathAsset("local-scratch", {
  meta: { scope: "project", projectId: 1001 },
  spec: { path: "/mnt/local-ssd", mountPath: "/scratch", readOnly: false, mountPropagation: "HostToContainer" },
});

export const hostPathAssetId = scratch.id;
