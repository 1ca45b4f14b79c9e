// Credential assets, `/api/v1/asset/credentials/<kind>` (REFERENCE-org-and-assets.md §2, Run:ai 2.22):
// access key, password, docker registry and generic secret. Each is cluster-synced (the values are
// copied into a Kubernetes Secret, named in the response's `clusterInfo`), so `status` applies.
//
// Unlike every other asset kind:
//  - the POST body's spec is `<Kind>CreationSpec`; the response's spec is `<Kind>Spec`, the same plus
//    the required `keyId` (`EncryptionKeyId`);
//  - PUT changes only `meta.description` (`{meta: {description}}`: no name, no spec), so any other
//    change is a replace.
// Whether GET returns the secret values is not stated: the response schemas accept them present,
// null or absent, and nothing may rely on them. Which of `existingSecretName` and the values must be
// given is a cross-field rule of the validation layer.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { AssetDescription, assetResponse } from "./asset";
import { REQUEST_MODE, RESPONSE_MODE, SchemaMode, lenientObject } from "./common";
import { CREDENTIAL_SECRET_FIELDS } from "./secret-fields";

// ---- clusterInfo (credentials and PVC) -------------------------------------------------------------

/** `ClusterResourceInfo`: one Kubernetes object created for the asset (a Secret, a PVC). */
export const ClusterResourceInfo = lenientObject({
  name: z.string().nullish().describe('The name of the resource created for the asset in the cluster, e.g. "password-credential-1".'),
});
export type ClusterResourceInfo = z.infer<typeof ClusterResourceInfo>;

/** `ClusterInfo1`: cluster related information of a PVC or credential asset (responses only). */
export const ClusterInfo = lenientObject({
  // The array itself is not nullable in the contract; its items are.
  resources: z
    .array(ClusterResourceInfo.nullable())
    .optional()
    .describe("The Kubernetes objects (a PVC, a secret) Run:ai created for the asset in the cluster, each with its name."),
});
export type ClusterInfo = z.infer<typeof ClusterInfo>;

/**
 * The `<Kind>` response of a kind that also returns `clusterInfo` (PVC, credentials): `assetResponse`
 * with that field typed (`assetResponse` alone keeps it too, untyped).
 */
export function assetResponseWithClusterInfo<S extends z.ZodType>(spec: S) {
  return assetResponse(spec).extend({ clusterInfo: ClusterInfo.nullish() });
}

// ---- specs -----------------------------------------------------------------------------------------

/**
 * One builder per mode. `secret` is the type of a field that carries a secret value: in requests the
 * contract's own type; in responses any string, null or absent (the server may mask, blank or drop it,
 * and nothing reads it back).
 */
function credentialSchemas(mode: SchemaMode, secret: () => z.ZodOptional<z.ZodNullable<z.ZodString>>) {
  const { obj } = mode;
  /** `EncryptionKeyId`, required in every response spec. */
  const keyId = {
    keyId: z.int32().describe("Id of the encryption key which has been used to encrypt the asset's data."),
  };

  const AccessKeySpec = obj({
    existingSecretName: z
      .string()
      .min(1)
      .nullish()
      .describe(
        "Name of an existing secret in the cluster to take the access key id and secret from. If omitted, accessKeyId and secretAccessKey must be given; they are encrypted into the control plane database and cloned to a Kubernetes secret in the cluster.",
      ),
    accessKeyId: z
      .string()
      .min(1)
      .nullish()
      .describe("The access key id of the S3-compatible bucket; required only without existingSecretName."),
    secretAccessKey: secret().describe(
      "The secret access key of the S3-compatible bucket; required only without existingSecretName. Secret.",
    ),
  });

  const PasswordSpec = obj({
    existingSecretName: z
      .string()
      .min(1)
      .nullish()
      .describe(
        "Name of an existing secret in the cluster to take the user name and password from. If omitted, user and password must be given; they are encrypted into the control plane database and cloned to a Kubernetes secret in the cluster.",
      ),
    user: z.string().min(1).nullish().describe("The name of the user; required only without existingSecretName."),
    password: secret().describe("The password; required only without existingSecretName. Secret."),
  });

  const DockerRegistrySpec = obj({
    existingSecretName: z
      .string()
      .min(1)
      .nullish()
      .describe(
        "Name of an existing secret in the cluster to take the registry details from. If omitted, user, password and url must be given; the credentials are encrypted into the control plane database and cloned to a Kubernetes secret in the cluster, along with the url.",
      ),
    user: z.string().min(1).nullish().describe("The name of the user; required only without existingSecretName."),
    password: secret().describe("The password; required only without existingSecretName. Secret."),
    url: z.string().min(1).nullish().describe("The registry url; required only without existingSecretName."),
  });

  /** `KeyValuePair`: one entry of a generic secret. */
  const KeyValuePair = obj({
    key: z.string().min(1).nullish().describe("The key of the secret."),
    value: z.string().nullish().describe("The value of the secret. Secret."),
  });

  const GenericSecretSpec = obj({
    existingSecretName: z.string().min(1).nullish().describe("Name of an existing secret in the cluster to take the key-value pairs from."),
    keyValuePairs: z
      .array(KeyValuePair.nullable())
      .nullish()
      .describe("Key-value pairs to store in the new credential (`GenericSecretKeyValuePairs`; array and items nullable)."),
  });

  return {
    AccessKeySpec,
    AccessKeySpecWithKeyId: AccessKeySpec.extend(keyId),
    PasswordSpec,
    PasswordSpecWithKeyId: PasswordSpec.extend(keyId),
    DockerRegistrySpec,
    DockerRegistrySpecWithKeyId: DockerRegistrySpec.extend(keyId),
    KeyValuePair,
    GenericSecretSpec,
    GenericSecretSpecWithKeyId: GenericSecretSpec.extend(keyId),
  };
}

const request = credentialSchemas(REQUEST_MODE, () => z.string().min(1).nullish());
const response = credentialSchemas(RESPONSE_MODE, () => z.string().nullish());

/** `KeyValuePair` of a generic secret. */
export const KeyValuePair = request.KeyValuePair;
export type KeyValuePair = z.infer<typeof KeyValuePair>;

/** `AccessKeyCreationSpec`: what a POST sends. */
export const AccessKeySpec = request.AccessKeySpec;
export type AccessKeySpec = z.infer<typeof AccessKeySpec>;
/** `AccessKeySpec` as the server returns it: the creation spec plus the required `keyId`. */
export const AccessKeySpecResponse = response.AccessKeySpecWithKeyId;
export type AccessKeySpecResponse = z.infer<typeof AccessKeySpecResponse>;

/** `PasswordCreationSpec`: what a POST sends. */
export const PasswordSpec = request.PasswordSpec;
export type PasswordSpec = z.infer<typeof PasswordSpec>;
/** `PasswordSpec` as the server returns it: the creation spec plus the required `keyId`. */
export const PasswordSpecResponse = response.PasswordSpecWithKeyId;
export type PasswordSpecResponse = z.infer<typeof PasswordSpecResponse>;

/** `DockerRegistryCreationSpec`: what a POST sends. */
export const DockerRegistrySpec = request.DockerRegistrySpec;
export type DockerRegistrySpec = z.infer<typeof DockerRegistrySpec>;
/** `DockerRegistrySpec` as the server returns it: the creation spec plus the required `keyId`. */
export const DockerRegistrySpecResponse = response.DockerRegistrySpecWithKeyId;
export type DockerRegistrySpecResponse = z.infer<typeof DockerRegistrySpecResponse>;

/** `GenericSecretCreationSpec`: what a POST sends. */
export const GenericSecretSpec = request.GenericSecretSpec;
export type GenericSecretSpec = z.infer<typeof GenericSecretSpec>;
/** `GenericSecretSpec` as the server returns it: the creation spec plus the required `keyId`. */
export const GenericSecretSpecResponse = response.GenericSecretSpecWithKeyId;
export type GenericSecretSpecResponse = z.infer<typeof GenericSecretSpecResponse>;

// ---- update ----------------------------------------------------------------------------------------

/**
 * The contract's `CredentialUpdateRequest` (= `CredentialUpdatableFields`): the meta of a credential
 * PUT. Only the description: a credential's name cannot be changed.
 */
export const CredentialUpdateMeta = z.strictObject({
  description: AssetDescription.optional().describe("The description of the asset, 1..250 characters, nullable."),
});
export type CredentialUpdateMeta = z.infer<typeof CredentialUpdateMeta>;

/**
 * The PUT body of every credential kind (`AccessKeyUpdateRequest`, `PasswordUpdateRequest`,
 * `DockerRegistryUpdateRequest`, `GenericSecretUpdateRequest`): `{meta}` only, no spec. The contract
 * does not even require `meta`; we always send it.
 */
export const CredentialUpdateRequest = z.strictObject({
  meta: CredentialUpdateMeta.optional(),
});
export type CredentialUpdateRequest = z.infer<typeof CredentialUpdateRequest>;

// ---- endpoints -------------------------------------------------------------------------------------
// `assetKindSchemas(contract).updateRequest` does not apply to credentials: PUT with
// `CredentialUpdateRequest`. DELETE answers 202 `HttpResponse`, except generic-secret: 204, no body.

/** The access-key credential endpoints. */
export const ACCESS_KEY_CREDENTIAL: AssetContract<AccessKeySpec, AccessKeySpecResponse> = {
  kind: "accessKey",
  path: "/api/v1/asset/credentials/access-key",
  spec: AccessKeySpec,
  responseSpec: AccessKeySpecResponse,
  secretFields: CREDENTIAL_SECRET_FIELDS.accessKey,
};

/** The password credential endpoints. */
export const PASSWORD_CREDENTIAL: AssetContract<PasswordSpec, PasswordSpecResponse> = {
  kind: "password",
  path: "/api/v1/asset/credentials/password",
  spec: PasswordSpec,
  responseSpec: PasswordSpecResponse,
  secretFields: CREDENTIAL_SECRET_FIELDS.password,
};

/** The docker-registry credential endpoints. */
export const DOCKER_REGISTRY_CREDENTIAL: AssetContract<DockerRegistrySpec, DockerRegistrySpecResponse> = {
  kind: "dockerRegistry",
  path: "/api/v1/asset/credentials/docker-registry",
  spec: DockerRegistrySpec,
  responseSpec: DockerRegistrySpecResponse,
  secretFields: CREDENTIAL_SECRET_FIELDS.dockerRegistry,
};

/** The generic-secret credential endpoints. */
export const GENERIC_SECRET_CREDENTIAL: AssetContract<GenericSecretSpec, GenericSecretSpecResponse> = {
  kind: "genericSecret",
  path: "/api/v1/asset/credentials/generic-secret",
  spec: GenericSecretSpec,
  responseSpec: GenericSecretSpecResponse,
  secretFields: CREDENTIAL_SECRET_FIELDS.genericSecret,
};
