// Datasource assets: what a workload mounts. One thin class per kind; the logic is the provider's
// (src/provider/registry.ts), so a class only types its arguments and outputs.
import * as pulumi from "@pulumi/pulumi";
import type { ConfigMapSpec, HostPathSpec, NfsSpec } from "../schemas";
import { assetInputs, providerShim, TYPE_MODULE } from "./common";
import type { AssetArgs, AssetMetaOutputs, AssetStatusOutputs, DeepInput, NonNullFields } from "./common";

/** `configMap` (the Kubernetes ConfigMap's name) and `mountPath` (absolute) are required. */
export type ConfigMapAssetSpecArgs = DeepInput<NonNullFields<ConfigMapSpec>>;
/** ConfigMap assets are project-scoped: `meta.scope: "project"` with `projectId`. */
export type ConfigMapAssetArgs = AssetArgs<ConfigMapAssetSpecArgs>;

/** A Run:ai ConfigMap datasource asset (`/api/v1/asset/datasource/config-map`). */
export class ConfigMapAsset extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<ConfigMapSpec>>;
  declare readonly status: pulumi.Output<AssetStatusOutputs>;

  constructor(name: string, args: ConfigMapAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("ConfigMapAsset"), name, assetInputs(name, args), opts, TYPE_MODULE, "ConfigMapAsset");
  }
}

/** `server`, `path` (the export, absolute) and `mountPath` (absolute) are required; `readOnly` defaults to true. */
export type NfsAssetSpecArgs = DeepInput<NonNullFields<NfsSpec>>;
/** Any scope but "system", with its scope id. */
export type NfsAssetArgs = AssetArgs<NfsAssetSpecArgs>;

/** A Run:ai NFS datasource asset (`/api/v1/asset/datasource/nfs`). Run:ai reports no sync status for it. */
export class NfsAsset extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<NfsSpec>>;

  constructor(name: string, args: NfsAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("NfsAsset"), name, assetInputs(name, args), opts, TYPE_MODULE, "NfsAsset");
  }
}

/** `path` (on the node) and `mountPath` (absolute) are required; `readOnly` defaults to true. */
export type HostPathAssetSpecArgs = DeepInput<NonNullFields<HostPathSpec>>;
/** Any scope but "system", with its scope id. */
export type HostPathAssetArgs = AssetArgs<HostPathAssetSpecArgs>;

/** A Run:ai host path datasource asset (`/api/v1/asset/datasource/host-path`). Run:ai reports no sync status for it. */
export class HostPathAsset extends pulumi.dynamic.Resource {
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<NonNullFields<HostPathSpec>>;

  constructor(name: string, args: HostPathAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("HostPathAsset"), name, assetInputs(name, args), opts, TYPE_MODULE, "HostPathAsset");
  }
}
