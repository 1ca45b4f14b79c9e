// Credential assets: secrets Run:ai copies into a Kubernetes Secret for workloads and datasources.
// Their secret values are wrapped as Pulumi secrets whatever the program passes (assetInputs), so
// state holds them encrypted; Run:ai never returns them. `clusterInfo` names the Kubernetes Secret.
import * as pulumi from "@pulumi/pulumi";
// Not "../schemas": that would build every schema in the program's process.
import { CREDENTIAL_SECRET_FIELDS } from "../schemas/secret-fields";
import { AssetResource } from "./common";
import type {
  AccessKeyCredentialArgs,
  AccessKeyCredentialSpecOutputs,
  DockerRegistryCredentialArgs,
  DockerRegistryCredentialSpecOutputs,
  GenericSecretCredentialArgs,
  GenericSecretCredentialSpecOutputs,
  PasswordCredentialArgs,
  PasswordCredentialSpecOutputs,
} from "./generated-types";

/**
 * A Run:ai access-key credential (`/api/v1/asset/credentials/access-key`), e.g. for an `S3Asset`.
 *
 * `accessKeyId` and `secretAccessKey` (kept secret), or `existingSecretName` instead of both. Only
 * `meta.description` changes in place: any other change, a new secret included, replaces the key and
 * every asset that uses its id.
 */
export class AccessKeyCredential extends AssetResource<AccessKeyCredentialSpecOutputs> {
  constructor(name: string, args: AccessKeyCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("AccessKeyCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.accessKey);
  }
}

/**
 * A Run:ai password credential (`/api/v1/asset/credentials/password`), e.g. for a `GitAsset`.
 *
 * `user` and `password` (kept secret), or `existingSecretName`. Only `meta.description` changes in place.
 */
export class PasswordCredential extends AssetResource<PasswordCredentialSpecOutputs> {
  constructor(name: string, args: PasswordCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("PasswordCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.password);
  }
}

/**
 * A Run:ai docker-registry credential (`/api/v1/asset/credentials/docker-registry`): an image pull secret.
 *
 * `url`, `user` and `password` (kept secret), or `existingSecretName`. Only `meta.description` changes in place.
 */
export class DockerRegistryCredential extends AssetResource<DockerRegistryCredentialSpecOutputs> {
  constructor(name: string, args: DockerRegistryCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("DockerRegistryCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.dockerRegistry);
  }
}

/**
 * A Run:ai generic-secret credential (`/api/v1/asset/credentials/generic-secret`), e.g. for a `SecretVolumeAsset`.
 *
 * `keyValuePairs` (each value kept secret; keys unique), or `existingSecretName`. Only
 * `meta.description` changes in place.
 */
export class GenericSecretCredential extends AssetResource<GenericSecretCredentialSpecOutputs> {
  constructor(name: string, args: GenericSecretCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("GenericSecretCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.genericSecret);
  }
}
