import { S3Asset } from "pulumi-runai";

// A bucket of an S3-compatible store, mounted at /data/raw. A private bucket also names an
// AccessKeyCredential by id (accessKeyAssetId: key.meta.id): a new id replaces the asset.
const rawData = new S3Asset("raw-data", {
  meta: { scope: "project", projectId: 1001 },
  spec: { bucket: "datasets", path: "/data/raw", url: "https://minio.example.com:9000" },
});

export const s3AssetId = rawData.id;
