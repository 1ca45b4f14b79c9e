import { PvcAsset } from "pulumi-runai";

// A new 100 GiB claim that Run:ai creates in the cluster, mounted at /checkpoints.
// An existing claim instead: spec: { path: "/data", existingPvc: true, claimName: "team-a-data" }
const checkpoints = new PvcAsset("checkpoints", {
  meta: { scope: "project", projectId: 1001 },
  spec: {
    path: "/checkpoints", // the mount path: the only spec field that changes in place
    claimInfo: { size: "100Gi", storageClass: "standard", accessModes: { readWriteOnce: false, readWriteMany: true } },
  },
});

export const pvcAssetId = checkpoints.id;
export const pvcClaimName = checkpoints.clusterInfo.apply((info) => info?.resources?.[0]?.name);
