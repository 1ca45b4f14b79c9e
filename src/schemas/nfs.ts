// NFS datasource asset, `/api/v1/asset/datasource/nfs` (REFERENCE-org-and-assets.md §1.3, Run:ai 2.22).
// Control-plane only: no sync status, no `statusInfo`.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { REQUEST_MODE, RESPONSE_MODE, SchemaMode } from "./common";

function nfsSpec(mode: SchemaMode) {
  return mode.obj({
    server: z.string().min(1).nullish().describe("Hostname or IP address of the NFS server (described as mandatory)."),
    path: z.string().min(1).nullish().describe("Path exported by the NFS server (described as mandatory)."),
    mountPath: z.string().min(1).nullish().describe("Path the volume is mounted at inside the container (described as mandatory)."),
    readOnly: z.boolean().nullish().describe("Mount the export read-only. Default true."),
  });
}

/** `NFSAssetSpec` (= `Nfs`) as the 2.22 contract states it: every field nullable and optional. */
export const NfsSpec = nfsSpec(REQUEST_MODE);
export type NfsSpec = z.infer<typeof NfsSpec>;
/** The spec as the server returns it (unknown keys kept). */
export const NfsSpecResponse = nfsSpec(RESPONSE_MODE);

/** The NFS datasource endpoints. */
export const NFS_ASSET: AssetContract<NfsSpec> = {
  kind: "nfs",
  path: "/api/v1/asset/datasource/nfs",
  spec: NfsSpec,
  responseSpec: NfsSpecResponse,
};
