// pulumi-runai/plugin: the same resource classes as `pulumi-runai` (same names, arguments and
// outputs), backed by the `runai` provider plugin (`bin/pulumi-resource-runai`, named in the
// program's Pulumi.yaml) instead of dynamic resources; plus `Provider` for explicit instances.
// Each class aliases the dynamic type of the same name, so a stack moves over without a replace.
export * from "./assets";
export * from "./organisation";
export * from "./provider";
export * from "../resources/lookups";
// The argument types are the dynamic classes' own.
export type {
  ConfigMapAssetArgs,
  ConfigMapAssetSpecArgs,
  GitAssetArgs,
  GitAssetSpecArgs,
  HostPathAssetArgs,
  HostPathAssetSpecArgs,
  NfsAssetArgs,
  NfsAssetSpecArgs,
  PvcAssetArgs,
  PvcAssetSpecArgs,
  S3AssetArgs,
  S3AssetSpecArgs,
  SecretVolumeAssetArgs,
  SecretVolumeAssetSpecArgs,
} from "../resources/datasource-assets";
export type {
  ConnectionArgs,
  EnvironmentAssetArgs,
  EnvironmentAssetSpecArgs,
  EnvironmentAssetSpecOutputs,
  EnvironmentVariableArgs,
  ExternalToolInfoArgs,
  HttpGetActionArgs,
  InternalToolInfoArgs,
  ProbeArgs,
} from "../resources/environment-asset";
export type { ComputeAssetArgs, ComputeAssetSpecArgs, ExtendedResourceArgs } from "../resources/compute-asset";
export type {
  AccessKeyCredentialArgs,
  DockerRegistryCredentialArgs,
  GenericSecretCredentialArgs,
  KeyValuePairArgs,
  PasswordCredentialArgs,
} from "../resources/credentials";
export type { ApplicationArgs, ApplicationCredentials } from "../resources/application";
export type { AccessRuleArgs, DepartmentArgs, ProjectArgs, QuotaArgs } from "../resources/organisation";
export type { AssetArgs, AssetMetaArgs, AssetMetaOutputs, AssetStatusOutputs, ClusterInfoOutputs } from "../resources/common";
