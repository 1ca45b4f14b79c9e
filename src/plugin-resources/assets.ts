// The plugin-backed asset classes: one per asset kind, with the argument types of the dynamic
// classes (src/resources/generated-types.ts). The provider plugin does the work; see the dynamic
// classes for each kind's rules.
import type * as pulumi from "@pulumi/pulumi";
import { CREDENTIAL_SECRET_FIELDS } from "../schemas/secret-fields";
import type {
  AccessKeyCredentialArgs,
  AccessKeyCredentialSpecOutputs,
  ComputeAssetArgs,
  ComputeAssetSpecOutputs,
  ConfigMapAssetArgs,
  ConfigMapAssetSpecOutputs,
  DockerRegistryCredentialArgs,
  DockerRegistryCredentialSpecOutputs,
  EnvironmentAssetArgs,
  EnvironmentAssetSpecOutputs,
  GenericSecretCredentialArgs,
  GenericSecretCredentialSpecOutputs,
  GitAssetArgs,
  GitAssetSpecOutputs,
  HostPathAssetArgs,
  HostPathAssetSpecOutputs,
  NfsAssetArgs,
  NfsAssetSpecOutputs,
  PasswordCredentialArgs,
  PasswordCredentialSpecOutputs,
  PvcAssetArgs,
  PvcAssetSpecOutputs,
  S3AssetArgs,
  S3AssetSpecOutputs,
  SecretVolumeAssetArgs,
  SecretVolumeAssetSpecOutputs,
} from "../resources/generated-types";
import { PluginAssetResource } from "./common";

/** A Run:ai ConfigMap datasource asset (`runai:index:ConfigMapAsset`). */
export class ConfigMapAsset extends PluginAssetResource<ConfigMapAssetSpecOutputs> {
  constructor(name: string, args: ConfigMapAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("ConfigMapAsset", name, args, opts);
  }
}

/** A Run:ai NFS datasource asset (`runai:index:NfsAsset`). */
export class NfsAsset extends PluginAssetResource<NfsAssetSpecOutputs> {
  constructor(name: string, args: NfsAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("NfsAsset", name, args, opts);
  }
}

/** A Run:ai host path datasource asset (`runai:index:HostPathAsset`). */
export class HostPathAsset extends PluginAssetResource<HostPathAssetSpecOutputs> {
  constructor(name: string, args: HostPathAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("HostPathAsset", name, args, opts);
  }
}

/** A Run:ai PVC datasource asset (`runai:index:PvcAsset`). */
export class PvcAsset extends PluginAssetResource<PvcAssetSpecOutputs> {
  constructor(name: string, args: PvcAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("PvcAsset", name, args, opts);
  }
}

/** A Run:ai S3 datasource asset (`runai:index:S3Asset`). */
export class S3Asset extends PluginAssetResource<S3AssetSpecOutputs> {
  constructor(name: string, args: S3AssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("S3Asset", name, args, opts);
  }
}

/** A Run:ai Git datasource asset (`runai:index:GitAsset`). */
export class GitAsset extends PluginAssetResource<GitAssetSpecOutputs> {
  constructor(name: string, args: GitAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("GitAsset", name, args, opts);
  }
}

/** A Run:ai secret datasource asset (`runai:index:SecretVolumeAsset`). */
export class SecretVolumeAsset extends PluginAssetResource<SecretVolumeAssetSpecOutputs> {
  constructor(name: string, args: SecretVolumeAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("SecretVolumeAsset", name, args, opts);
  }
}

/** A Run:ai environment asset (`runai:index:EnvironmentAsset`). */
export class EnvironmentAsset extends PluginAssetResource<EnvironmentAssetSpecOutputs> {
  constructor(name: string, args: EnvironmentAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("EnvironmentAsset", name, args, opts);
  }
}

/** A Run:ai compute asset (`runai:index:ComputeAsset`). */
export class ComputeAsset extends PluginAssetResource<ComputeAssetSpecOutputs> {
  constructor(name: string, args: ComputeAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("ComputeAsset", name, args, opts);
  }
}

/** A Run:ai access-key credential (`runai:index:AccessKeyCredential`); its secret is a Pulumi secret. */
export class AccessKeyCredential extends PluginAssetResource<AccessKeyCredentialSpecOutputs> {
  constructor(name: string, args: AccessKeyCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("AccessKeyCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.accessKey);
  }
}

/** A Run:ai password credential (`runai:index:PasswordCredential`); the password is a Pulumi secret. */
export class PasswordCredential extends PluginAssetResource<PasswordCredentialSpecOutputs> {
  constructor(name: string, args: PasswordCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("PasswordCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.password);
  }
}

/** A Run:ai docker-registry credential (`runai:index:DockerRegistryCredential`); the password is a Pulumi secret. */
export class DockerRegistryCredential extends PluginAssetResource<DockerRegistryCredentialSpecOutputs> {
  constructor(name: string, args: DockerRegistryCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("DockerRegistryCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.dockerRegistry);
  }
}

/** A Run:ai generic-secret credential (`runai:index:GenericSecretCredential`); each value is a Pulumi secret. */
export class GenericSecretCredential extends PluginAssetResource<GenericSecretCredentialSpecOutputs> {
  constructor(name: string, args: GenericSecretCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super("GenericSecretCredential", name, args, opts, CREDENTIAL_SECRET_FIELDS.genericSecret);
  }
}
