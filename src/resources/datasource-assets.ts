// Datasource assets: what a workload mounts. One thin class per kind; the logic is the provider's
// (src/provider/registry.ts), and the argument and output types are derived (generated-types.ts).
import * as pulumi from "@pulumi/pulumi";
import { AssetResource } from "./common";
import type {
  ConfigMapAssetArgs,
  ConfigMapAssetSpecOutputs,
  GitAssetArgs,
  GitAssetSpecOutputs,
  HostPathAssetArgs,
  HostPathAssetSpecOutputs,
  NfsAssetArgs,
  NfsAssetSpecOutputs,
  PvcAssetArgs,
  PvcAssetSpecOutputs,
  S3AssetArgs,
  S3AssetSpecOutputs,
  SecretVolumeAssetArgs,
  SecretVolumeAssetSpecOutputs,
} from "./generated-types";

/**
 * A Run:ai ConfigMap datasource asset (`/api/v1/asset/datasource/config-map`).
 *
 * `configMap` (the Kubernetes ConfigMap's name) and `mountPath` (absolute) are required.
 */
export class ConfigMapAsset extends AssetResource<ConfigMapAssetSpecOutputs> {
  constructor(name: string, args: ConfigMapAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("ConfigMapAsset", name, args, opts);
  }
}

/**
 * A Run:ai NFS datasource asset (`/api/v1/asset/datasource/nfs`). Run:ai reports no sync status for it.
 *
 * `server`, `path` (the export, absolute) and `mountPath` (absolute) are required; `readOnly` defaults to true.
 */
export class NfsAsset extends AssetResource<NfsAssetSpecOutputs> {
  constructor(name: string, args: NfsAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("NfsAsset", name, args, opts);
  }
}

/**
 * A Run:ai host path datasource asset (`/api/v1/asset/datasource/host-path`). Run:ai reports no sync status for it.
 *
 * `path` (on the node) and `mountPath` (absolute) are required; `readOnly` defaults to true.
 */
export class HostPathAsset extends AssetResource<HostPathAssetSpecOutputs> {
  constructor(name: string, args: HostPathAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("HostPathAsset", name, args, opts);
  }
}

/**
 * A Run:ai PVC datasource asset (`/api/v1/asset/datasource/pvc`). Only the name, the description and
 * `spec.path` change in place; any other change replaces it. `clusterInfo` names the claim in the cluster.
 *
 * `path` (the mount path, absolute) is required and the only spec field updated in place. Either an
 * existing claim (`existingPvc: true` with its `claimName`, no `claimInfo`) or a new one
 * (`claimInfo.size`, optionally `storageClass`, `accessModes`, `volumeMode`, annotations).
 */
export class PvcAsset extends AssetResource<PvcAssetSpecOutputs> {
  constructor(name: string, args: PvcAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("PvcAsset", name, args, opts);
  }
}

/**
 * A Run:ai S3 datasource asset (`/api/v1/asset/datasource/s3`).
 *
 * `bucket` (a bucket name) and `path` (absolute) are required; `url` is the endpoint of an
 * S3-compatible store (AWS S3 when absent); `accessKeyAssetId` an `AccessKeyCredential`'s id for a
 * private bucket. A change of `accessKeyAssetId` (the key replaced, or another key) replaces the asset.
 */
export class S3Asset extends AssetResource<S3AssetSpecOutputs> {
  constructor(name: string, args: S3AssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("S3Asset", name, args, opts);
  }
}

/**
 * A Run:ai Git datasource asset (`/api/v1/asset/datasource/git`).
 *
 * `repository` (a URL) and `path` (absolute) are required; `branch` and `revision` pick what is
 * checked out; `passwordAssetId` a `PasswordCredential`'s id for a private repository. A change of
 * `passwordAssetId` replaces the asset.
 */
export class GitAsset extends AssetResource<GitAssetSpecOutputs> {
  constructor(name: string, args: GitAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("GitAsset", name, args, opts);
  }
}

/**
 * A Run:ai secret datasource asset (`/api/v1/asset/datasource/secrets`): a credential mounted as files.
 *
 * `credentialAssetId` (a credential's id) and `mountPath` (absolute) are required; a change of either replaces the asset.
 */
export class SecretVolumeAsset extends AssetResource<SecretVolumeAssetSpecOutputs> {
  constructor(name: string, args: SecretVolumeAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("SecretVolumeAsset", name, args, opts);
  }
}
