// Datasource assets: what a workload mounts. One thin class per kind; the logic is the provider's
// (src/provider/registry.ts), so a class only types its arguments and outputs.
import * as pulumi from "@pulumi/pulumi";
import type { ConfigMapSpec, HostPathSpec, NfsSpec } from "../schemas";
import { assetInputs, providerShim, TYPE_MODULE } from "./common";
import type { AssetMetaArgs, AssetMetaOutputs, AssetStatusOutputs, DeepInput, NonNullFields } from "./common";

export type ConfigMapAssetSpecArgs = DeepInput<NonNullFields<ConfigMapSpec>>;

export interface ConfigMapAssetArgs {
  /** ConfigMap assets are project-scoped: `scope: "project"` with `projectId`. */
  meta: AssetMetaArgs;
  /** `configMap` (the Kubernetes ConfigMap's name) and `mountPath` (absolute) are required. */
  spec: ConfigMapAssetSpecArgs;
  /** Take over an existing asset with the same name and project instead of failing with "already exists". */
  adoptExisting?: pulumi.Input<boolean>;
}

/** A Run:ai ConfigMap datasource asset (`/api/v1/asset/datasource/config-map`). */
export class ConfigMapAsset extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<ConfigMapSpec>>;
  declare readonly status: pulumi.Output<AssetStatusOutputs>;

  constructor(name: string, args: ConfigMapAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("ConfigMapAsset"), name, assetInputs(name, args), opts, TYPE_MODULE, "ConfigMapAsset");
  }
}

export type NfsAssetSpecArgs = DeepInput<NonNullFields<NfsSpec>>;

export interface NfsAssetArgs {
  /** Any scope but "system", with its scope id. */
  meta: AssetMetaArgs;
  /** `server`, `path` (the export, absolute) and `mountPath` (absolute) are required; `readOnly` defaults to true. */
  spec: NfsAssetSpecArgs;
  /** Take over an existing asset with the same name and scope instead of failing with "already exists". */
  adoptExisting?: pulumi.Input<boolean>;
}

/** A Run:ai NFS datasource asset (`/api/v1/asset/datasource/nfs`). Run:ai reports no sync status for it. */
export class NfsAsset extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<NfsSpec>>;

  constructor(name: string, args: NfsAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("NfsAsset"), name, assetInputs(name, args), opts, TYPE_MODULE, "NfsAsset");
  }
}

export type HostPathAssetSpecArgs = DeepInput<NonNullFields<HostPathSpec>>;

export interface HostPathAssetArgs {
  /** Any scope but "system", with its scope id. */
  meta: AssetMetaArgs;
  /** `path` (on the node) and `mountPath` (absolute) are required; `readOnly` defaults to true. */
  spec: HostPathAssetSpecArgs;
  /** Take over an existing asset with the same name and scope instead of failing with "already exists". */
  adoptExisting?: pulumi.Input<boolean>;
}

/** A Run:ai host path datasource asset (`/api/v1/asset/datasource/host-path`). Run:ai reports no sync status for it. */
export class HostPathAsset extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<HostPathSpec>>;

  constructor(name: string, args: HostPathAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("HostPathAsset"), name, assetInputs(name, args), opts, TYPE_MODULE, "HostPathAsset");
  }
}
