// Credential assets: secrets Run:ai copies into a Kubernetes Secret for workloads and datasources.
// Their secret values are wrapped as Pulumi secrets whatever the program passes (assetInputs), so
// state holds them encrypted; Run:ai never returns them. `clusterInfo` names the Kubernetes Secret.
import * as pulumi from "@pulumi/pulumi";
import type { AccessKeySpec, DockerRegistrySpec, GenericSecretSpec, KeyValuePair, PasswordSpec } from "../schemas";
// Not "../schemas": that would build every schema in the program's process.
import { CREDENTIAL_SECRET_FIELDS } from "../schemas/secret-fields";
import { AssetResource } from "./common";
import type { AssetArgs, DeepInput, NonNullFields } from "./common";

/**
 * `accessKeyId` and `secretAccessKey` (kept secret), or `existingSecretName` instead of both. Only
 * `meta.description` changes in place: any other change, a new secret included, replaces the key and
 * every asset that uses its id.
 */
export type AccessKeyCredentialArgs = AssetArgs<DeepInput<NonNullFields<AccessKeySpec>>>;

/** A Run:ai access-key credential (`/api/v1/asset/credentials/access-key`), e.g. for an `S3Asset`. */
export class AccessKeyCredential extends AssetResource<AccessKeySpec> {
  constructor(name: string, args: AccessKeyCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("AccessKeyCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.accessKey);
  }
}

/** `user` and `password` (kept secret), or `existingSecretName`. Only `meta.description` changes in place. */
export type PasswordCredentialArgs = AssetArgs<DeepInput<NonNullFields<PasswordSpec>>>;

/** A Run:ai password credential (`/api/v1/asset/credentials/password`), e.g. for a `GitAsset`. */
export class PasswordCredential extends AssetResource<PasswordSpec> {
  constructor(name: string, args: PasswordCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("PasswordCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.password);
  }
}

/** `url`, `user` and `password` (kept secret), or `existingSecretName`. Only `meta.description` changes in place. */
export type DockerRegistryCredentialArgs = AssetArgs<DeepInput<NonNullFields<DockerRegistrySpec>>>;

/** A Run:ai docker-registry credential (`/api/v1/asset/credentials/docker-registry`): an image pull secret. */
export class DockerRegistryCredential extends AssetResource<DockerRegistrySpec> {
  constructor(name: string, args: DockerRegistryCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("DockerRegistryCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.dockerRegistry);
  }
}

/** One pair of a generic secret; `value` is kept secret. */
export type KeyValuePairArgs = DeepInput<NonNullFields<KeyValuePair>>;
/** `keyValuePairs` (each value kept secret; keys unique), or `existingSecretName`. Only `meta.description` changes in place. */
export type GenericSecretCredentialArgs = AssetArgs<DeepInput<NonNullFields<GenericSecretSpec>>>;

/** A Run:ai generic-secret credential (`/api/v1/asset/credentials/generic-secret`), e.g. for a `SecretVolumeAsset`. */
export class GenericSecretCredential extends AssetResource<GenericSecretSpec> {
  constructor(name: string, args: GenericSecretCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("GenericSecretCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.genericSecret);
  }
}
