// PVC datasource asset, `/api/v1/asset/datasource/pvc` (REFERENCE-org-and-assets.md §1.2, Run:ai 2.22):
// a Kubernetes PersistentVolumeClaim, created by Run:ai unless `existingPvc`. Cluster-synced: `status`
// applies (poll with `statusInfo=true`), and the response carries `clusterInfo` (the PVC's name).
// PUT changes only `path` (`PvcFieldsUpdatable`); every other spec field is creation-only (a replace).
// Only the contract's own rules are here. The cross-field rules its descriptions state (a size is
// mandatory when `existingPvc` is false, no claimInfo with an existing PVC) belong to the validation layer.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { AssetUpdateMeta } from "./asset";
import { QUANTITY_PATTERN, REQUEST_MODE, RESPONSE_MODE, SchemaMode } from "./common";

/** `PvcVolumeMode`. */
export const PVC_VOLUME_MODES = ["Filesystem", "Block"] as const;
export type PvcVolumeMode = (typeof PVC_VOLUME_MODES)[number];

/** The pattern of an `addedAttrValues` key (an annotation name without prefix; 1..63 characters). */
export const PVC_ATTR_KEY_PATTERN = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function pvcSchemas(mode: SchemaMode) {
  const { obj, optionalOneOf } = mode;

  /** `PvcAccessModes`: the access mode(s) requested for a newly created PVC. */
  const PvcAccessModes = obj({
    readWriteOnce: z.boolean().nullish().describe("Read/write by exactly one host. The default access mode (schema default true)."),
    readOnlyMany: z.boolean().nullish().describe("Read-only by many hosts. Default false."),
    readWriteMany: z.boolean().nullish().describe("Read/write by many hosts. Default false."),
  });

  /** `PvcAddedAttrValue`: one annotation written on the created PVC. */
  const PvcAddedAttrValue = obj({
    key: z
      .string()
      .min(1)
      .max(63)
      .regex(PVC_ATTR_KEY_PATTERN)
      .describe("The annotation key (required; 1..63 characters, alphanumeric at both ends, `-_.` inside)."),
    // Not nullable.
    value: z.string().optional().describe("The annotation value."),
  });

  /** `ClaimInfo`: the claim of a newly created PVC; not for an existing PVC (text). */
  const ClaimInfo = obj({
    size: z
      .string()
      .regex(QUANTITY_PATTERN)
      .nullish()
      .describe('`PvcClaimSize`: requested size, e.g. "1G". Mandatory when existingPvc is false (text).'),
    storageClass: z
      .string()
      .min(1)
      .nullish()
      .describe("Storage class of the PVC; may be omitted with a single or a default storage class."),
    accessModes: PvcAccessModes.nullish().describe("The access modes of the new claim (at least one)."),
    volumeMode: optionalOneOf(PVC_VOLUME_MODES).describe("The volume mode of the claim: Filesystem (default) or Block."),
    addedAttrValues: z
      .array(PvcAddedAttrValue)
      .optional()
      .describe(
        "`PvcAddedAttrValues` (2.22): key-value pairs written as annotations on the created PVC; the storage class configuration decides which are allowed. Neither the array nor its items are nullable.",
      ),
  });

  /** `PvcFieldsUpdatable`: the only spec field a PUT may change. */
  const updatable = {
    path: z.string().min(1).nullish().describe("Path within the workload the PVC is mounted at (described as mandatory)."),
  };
  const PvcUpdateSpec = obj(updatable);

  const PvcSpec = obj({
    path: updatable.path.describe(
      "Path within the workload the PVC is mounted at (described as mandatory). The only spec field that changes in place.",
    ),
    // PvcFieldsNonUpdatable (creation-only)
    existingPvc: z
      .boolean()
      .nullish()
      .describe("true: the PVC is assumed to exist; false: it is created if it does not exist. Default false."),
    claimName: z
      .string()
      .min(1)
      .max(63)
      .nullish()
      .describe("Name of the PVC, to reference it across workloads; generated from the asset's name and scope if omitted."),
    readOnly: z.boolean().nullish().describe("Permit only read access to the PVC. Default false."),
    ephemeral: z.boolean().nullish().describe("true deletes the PVC when the workload stops. Not supported for inference. Default false."),
    claimInfo: ClaimInfo.nullish().describe("Claim information for a newly created PVC."),
    dataSharing: z
      .boolean()
      .nullish()
      .describe("true shares the PVC's data with all projects under the asset's scope (2.22). Default false."),
  });

  return { PvcAccessModes, PvcAddedAttrValue, ClaimInfo, PvcUpdateSpec, PvcSpec };
}

const request = pvcSchemas(REQUEST_MODE);
const response = pvcSchemas(RESPONSE_MODE);

export const PvcAccessModes = request.PvcAccessModes;
export type PvcAccessModes = z.infer<typeof PvcAccessModes>;
export const PvcAddedAttrValue = request.PvcAddedAttrValue;
export type PvcAddedAttrValue = z.infer<typeof PvcAddedAttrValue>;
export const ClaimInfo = request.ClaimInfo;
export type ClaimInfo = z.infer<typeof ClaimInfo>;

/** `PVCAssetSpec` (= `Pvc` = `PvcFieldsUpdatable` + `PvcFieldsNonUpdatable`): every field optional. */
export const PvcSpec = request.PvcSpec;
export type PvcSpec = z.infer<typeof PvcSpec>;
/** The spec as the server returns it (unknown keys kept, unknown enum values accepted). */
export const PvcSpecResponse = response.PvcSpec;

/** `PvcFieldsUpdatable`: the spec of a PVC's PUT body (only `path`). */
export const PvcUpdateSpec = request.PvcUpdateSpec;
export type PvcUpdateSpec = z.infer<typeof PvcUpdateSpec>;

/**
 * `PVCUpdateRequest`: the PUT body, `{meta, spec: PvcFieldsUpdatable}`. Use it instead of
 * `assetKindSchemas(PVC_ASSET).updateRequest`, which would carry the whole spec.
 */
export const PvcUpdateRequest = z.strictObject({ meta: AssetUpdateMeta, spec: PvcUpdateSpec });
export type PvcUpdateRequest = z.infer<typeof PvcUpdateRequest>;

/** The PVC datasource endpoints. The response also carries `clusterInfo` (see `assetResponseWithClusterInfo`). */
export const PVC_ASSET: AssetContract<PvcSpec> = {
  kind: "pvc",
  path: "/api/v1/asset/datasource/pvc",
  spec: PvcSpec,
  responseSpec: PvcSpecResponse,
};
