// Host path datasource asset, `/api/v1/asset/datasource/host-path` (REFERENCE-org-and-assets.md §1.6,
// Run:ai 2.22): a directory of the node mounted into the container. Control-plane only: no sync
// status, no `statusInfo`.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { REQUEST_MODE, RESPONSE_MODE, SchemaMode } from "./common";

/** `HostPathMountPropagation`. */
export const HOST_PATH_MOUNT_PROPAGATIONS = ["None", "HostToContainer"] as const;

function hostPathSpec(mode: SchemaMode) {
  return mode.obj({
    path: z.string().min(1).nullish().describe("Path on the node (described as mandatory)."),
    mountPath: z.string().min(1).nullish().describe("Path the volume is mounted at inside the container (described as mandatory)."),
    readOnly: z
      .boolean()
      .nullish()
      .describe("Mount read-only. The schema's default is true (its description says false; the schema wins)."),
    mountPropagation: mode
      .optionalOneOf(HOST_PATH_MOUNT_PROPAGATIONS)
      .describe('"HostToContainer" passes later mounts under the path into the container.'),
  });
}

/** `HostPathSpec` (= `HostPath`) as the 2.22 contract states it: every field optional. */
export const HostPathSpec = hostPathSpec(REQUEST_MODE);
export type HostPathSpec = z.infer<typeof HostPathSpec>;
/** The spec as the server returns it (unknown keys kept, unknown enum values accepted). */
export const HostPathSpecResponse = hostPathSpec(RESPONSE_MODE);

/** The host path datasource endpoints. */
export const HOST_PATH_ASSET: AssetContract<HostPathSpec> = {
  kind: "hostPath",
  path: "/api/v1/asset/datasource/host-path",
  spec: HostPathSpec,
  responseSpec: HostPathSpecResponse,
};
