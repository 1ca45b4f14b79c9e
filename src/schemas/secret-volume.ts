// Secret volume datasource asset, `/api/v1/asset/datasource/secrets` (REFERENCE-org-and-assets.md §1.7,
// Run:ai 2.22): a credential asset's Kubernetes Secret mounted into the container. Cluster-synced:
// `status` applies (poll with `statusInfo=true`).
import { z } from "zod";
import type { AssetContract } from "./asset";
import { REQUEST_MODE, RESPONSE_MODE, SchemaMode, Uuid } from "./common";

function secretVolumeSpec(mode: SchemaMode) {
  return mode.obj({
    // CredentialAsset
    credentialAssetId: Uuid.nullish().describe("Id of the credential asset to mount (described as mandatory)."),
    mountPath: z.string().min(1).nullish().describe("Path within the workload the Secret is mapped to (described as mandatory)."),
  });
}

/**
 * `SecretAssetSpec` (= `CredentialAsset` + `mountPath`) as the 2.22 contract states it: every field
 * nullable and optional (unlike the other specs, the object itself is not nullable). That both fields
 * are mandatory is a rule of the validation layer.
 */
export const SecretVolumeSpec = secretVolumeSpec(REQUEST_MODE);
export type SecretVolumeSpec = z.infer<typeof SecretVolumeSpec>;
/** The spec as the server returns it (unknown keys kept, e.g. 2.23's `defaultMode`). */
export const SecretVolumeSpecResponse = secretVolumeSpec(RESPONSE_MODE);

/**
 * The secret volume datasource endpoints (`meta.kind` "secret-volume"). As for ConfigMap, the
 * contract's PUT (`SecretAssetUpdateRequest`) requires `spec` without declaring it: we send the whole spec.
 */
export const SECRET_VOLUME_ASSET: AssetContract<SecretVolumeSpec> = {
  kind: "secret-volume",
  path: "/api/v1/asset/datasource/secrets",
  spec: SecretVolumeSpec,
  responseSpec: SecretVolumeSpecResponse,
};
