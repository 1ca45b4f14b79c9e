// pulumi-runai: Pulumi resources for NVIDIA Run:ai control-plane objects.
export { ConfigMapAsset } from "./resources/configmap-asset";
export type { ConfigMapAssetArgs, ConfigMapAssetSpecArgs } from "./resources/configmap-asset";
export type { AssetMetaArgs, AssetMetaOutputs, AssetStatusOutputs } from "./resources/common";
export { EnvironmentAsset } from "./resources/environment-asset";
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
} from "./resources/environment-asset";
export { Application } from "./resources/application";
export type { ApplicationArgs, ApplicationCredentials } from "./resources/application";
