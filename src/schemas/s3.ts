// S3 datasource asset, `/api/v1/asset/datasource/s3` (REFERENCE-org-and-assets.md §1.4, Run:ai 2.22):
// a bucket mounted into the container. Cluster-synced: `status` applies (poll with `statusInfo=true`).
// PUT carries the whole spec.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { REQUEST_MODE, RESPONSE_MODE, SchemaMode, Uuid } from "./common";

function s3Spec(mode: SchemaMode) {
  return mode.obj({
    // S3Common
    bucket: z.string().min(1).nullish().describe("The name of the bucket (described as mandatory)."),
    path: z.string().min(1).nullish().describe("Path within the workload the bucket is mapped to (described as mandatory)."),
    url: z.string().min(1).nullish().describe("The url of the S3 service provider. The default is Amazon AWS S3's."),
    // S3AccessKeyAsset
    accessKeyAssetId: Uuid.nullish().describe("Id of an access-key credential asset, for private buckets."),
  });
}

/** `S3AssetSpec` (= `S3Common` + `S3AccessKeyAsset`) as the 2.22 contract states it: every field nullable and optional. */
export const S3Spec = s3Spec(REQUEST_MODE);
export type S3Spec = z.infer<typeof S3Spec>;
/** The spec as the server returns it (unknown keys kept). */
export const S3SpecResponse = s3Spec(RESPONSE_MODE);

/** The S3 datasource endpoints. */
export const S3_ASSET: AssetContract<S3Spec> = {
  kind: "s3",
  path: "/api/v1/asset/datasource/s3",
  spec: S3Spec,
  responseSpec: S3SpecResponse,
};
