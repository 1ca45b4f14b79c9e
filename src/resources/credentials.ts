// Credential assets: secrets Run:ai copies into a Kubernetes Secret for workloads and datasources.
// Their secret values are wrapped as Pulumi secrets whatever the program passes (assetInputs), so
// state holds them encrypted; Run:ai never returns them. `clusterInfo` names the Kubernetes Secret.
import * as pulumi from "@pulumi/pulumi";
import type { AccessKeySpec, DockerRegistrySpec, GenericSecretSpec, KeyValuePair, PasswordSpec } from "../schemas";
import { ACCESS_KEY_CREDENTIAL, DOCKER_REGISTRY_CREDENTIAL, GENERIC_SECRET_CREDENTIAL, PASSWORD_CREDENTIAL } from "../schemas";
import { assetInputs, providerShim, TYPE_MODULE } from "./common";
import type { AssetArgs, AssetMetaOutputs, AssetStatusOutputs, ClusterInfoOutputs, DeepInput, NonNullFields } from "./common";

/**
 * `accessKeyId` and `secretAccessKey` (kept secret), or `existingSecretName` instead of both. Only
 * `meta.description` changes in place: any other change, a new secret included, replaces the key and
 * every asset that uses its id.
 */
export type AccessKeyCredentialArgs = AssetArgs<DeepInput<NonNullFields<AccessKeySpec>>>;

/** A Run:ai access-key credential (`/api/v1/asset/credentials/access-key`), e.g. for an `S3Asset`. */
export class AccessKeyCredential extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<AccessKeySpec>>;
  declare readonly status: pulumi.Output<AssetStatusOutputs>;
  declare readonly clusterInfo: pulumi.Output<ClusterInfoOutputs | undefined>;

  constructor(name: string, args: AccessKeyCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = assetInputs(name, args, ACCESS_KEY_CREDENTIAL);
    super(providerShim("AccessKeyCredential"), name, inputs, opts, TYPE_MODULE, "AccessKeyCredential");
  }
}

/** `user` and `password` (kept secret), or `existingSecretName`. Only `meta.description` changes in place. */
export type PasswordCredentialArgs = AssetArgs<DeepInput<NonNullFields<PasswordSpec>>>;

/** A Run:ai password credential (`/api/v1/asset/credentials/password`), e.g. for a `GitAsset`. */
export class PasswordCredential extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<PasswordSpec>>;
  declare readonly status: pulumi.Output<AssetStatusOutputs>;
  declare readonly clusterInfo: pulumi.Output<ClusterInfoOutputs | undefined>;

  constructor(name: string, args: PasswordCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = assetInputs(name, args, PASSWORD_CREDENTIAL);
    super(providerShim("PasswordCredential"), name, inputs, opts, TYPE_MODULE, "PasswordCredential");
  }
}

/** `url`, `user` and `password` (kept secret), or `existingSecretName`. Only `meta.description` changes in place. */
export type DockerRegistryCredentialArgs = AssetArgs<DeepInput<NonNullFields<DockerRegistrySpec>>>;

/** A Run:ai docker-registry credential (`/api/v1/asset/credentials/docker-registry`): an image pull secret. */
export class DockerRegistryCredential extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<DockerRegistrySpec>>;
  declare readonly status: pulumi.Output<AssetStatusOutputs>;
  declare readonly clusterInfo: pulumi.Output<ClusterInfoOutputs | undefined>;

  constructor(name: string, args: DockerRegistryCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = assetInputs(name, args, DOCKER_REGISTRY_CREDENTIAL);
    super(providerShim("DockerRegistryCredential"), name, inputs, opts, TYPE_MODULE, "DockerRegistryCredential");
  }
}

/** One pair of a generic secret; `value` is kept secret. */
export type KeyValuePairArgs = DeepInput<NonNullFields<KeyValuePair>>;
/** `keyValuePairs` (each value kept secret; keys unique), or `existingSecretName`. Only `meta.description` changes in place. */
export type GenericSecretCredentialArgs = AssetArgs<DeepInput<NonNullFields<GenericSecretSpec>>>;

/** A Run:ai generic-secret credential (`/api/v1/asset/credentials/generic-secret`), e.g. for a `SecretVolumeAsset`. */
export class GenericSecretCredential extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<GenericSecretSpec>>;
  declare readonly status: pulumi.Output<AssetStatusOutputs>;
  declare readonly clusterInfo: pulumi.Output<ClusterInfoOutputs | undefined>;

  constructor(name: string, args: GenericSecretCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = assetInputs(name, args, GENERIC_SECRET_CREDENTIAL);
    super(providerShim("GenericSecretCredential"), name, inputs, opts, TYPE_MODULE, "GenericSecretCredential");
  }
}
