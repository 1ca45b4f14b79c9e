import { NfsAsset } from "pulumi-runai";

// An NFS export every project of department 101 (the emulator's "research") can mount.
const datasets = new NfsAsset("nfs-datasets", {
  meta: { scope: "department", departmentId: "101" },
  spec: { server: "nfs.internal", path: "/exports/datasets", mountPath: "/datasets" }, // readOnly: true by default
});

export const nfsAssetId = datasets.id;
