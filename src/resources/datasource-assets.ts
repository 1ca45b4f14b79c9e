// Datasource assets: what a workload mounts. One thin class per kind; the logic is the provider's
// (src/provider/registry.ts), so a class only types its arguments and outputs.
import * as pulumi from "@pulumi/pulumi";
import type { ConfigMapSpec, GitSpec, HostPathSpec, NfsSpec, PvcSpec, S3Spec, SecretVolumeSpec } from "../schemas";
import { AssetResource } from "./common";
import type { AssetArgs, DeepInput, NonNullFields } from "./common";

/** `configMap` (the Kubernetes ConfigMap's name) and `mountPath` (absolute) are required. */
export type ConfigMapAssetSpecArgs = DeepInput<NonNullFields<ConfigMapSpec>>;
/** ConfigMap assets are project-scoped: `meta.scope: "project"` with `projectId`. */
export type ConfigMapAssetArgs = AssetArgs<ConfigMapAssetSpecArgs>;

/** A Run:ai ConfigMap datasource asset (`/api/v1/asset/datasource/config-map`). */
export class ConfigMapAsset extends AssetResource<ConfigMapSpec> {
  constructor(name: string, args: ConfigMapAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("ConfigMapAsset", name, args, opts);
  }
}

/** `server`, `path` (the export, absolute) and `mountPath` (absolute) are required; `readOnly` defaults to true. */
export type NfsAssetSpecArgs = DeepInput<NonNullFields<NfsSpec>>;
/** Any scope but "system", with its scope id. */
export type NfsAssetArgs = AssetArgs<NfsAssetSpecArgs>;

/** A Run:ai NFS datasource asset (`/api/v1/asset/datasource/nfs`). Run:ai reports no sync status for it. */
export class NfsAsset extends AssetResource<NfsSpec> {
  constructor(name: string, args: NfsAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("NfsAsset", name, args, opts);
  }
}

/** `path` (on the node) and `mountPath` (absolute) are required; `readOnly` defaults to true. */
export type HostPathAssetSpecArgs = DeepInput<NonNullFields<HostPathSpec>>;
/** Any scope but "system", with its scope id. */
export type HostPathAssetArgs = AssetArgs<HostPathAssetSpecArgs>;

/** A Run:ai host path datasource asset (`/api/v1/asset/datasource/host-path`). Run:ai reports no sync status for it. */
export class HostPathAsset extends AssetResource<HostPathSpec> {
  constructor(name: string, args: HostPathAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("HostPathAsset", name, args, opts);
  }
}

/**
 * `path` (the mount path, absolute) is required and the only spec field updated in place. Either an
 * existing claim (`existingPvc: true` with its `claimName`, no `claimInfo`) or a new one
 * (`claimInfo.size`, optionally `storageClass`, `accessModes`, `volumeMode`, annotations).
 */
export type PvcAssetSpecArgs = DeepInput<NonNullFields<PvcSpec>>;
/** Any scope but "system", with its scope id. */
export type PvcAssetArgs = AssetArgs<PvcAssetSpecArgs>;

/**
 * A Run:ai PVC datasource asset (`/api/v1/asset/datasource/pvc`). Only the name, the description and
 * `spec.path` change in place; any other change replaces it. `clusterInfo` names the claim in the cluster.
 */
export class PvcAsset extends AssetResource<PvcSpec> {
  constructor(name: string, args: PvcAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("PvcAsset", name, args, opts);
  }
}

/**
 * `bucket` (a bucket name) and `path` (absolute) are required; `url` is the endpoint of an
 * S3-compatible store (AWS S3 when absent); `accessKeyAssetId` an `AccessKeyCredential`'s id for a
 * private bucket. A change of `accessKeyAssetId` (the key replaced, or another key) replaces the asset.
 */
export type S3AssetSpecArgs = DeepInput<NonNullFields<S3Spec>>;
/** Any scope but "system", with its scope id. */
export type S3AssetArgs = AssetArgs<S3AssetSpecArgs>;

/** A Run:ai S3 datasource asset (`/api/v1/asset/datasource/s3`). */
export class S3Asset extends AssetResource<S3Spec> {
  constructor(name: string, args: S3AssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("S3Asset", name, args, opts);
  }
}

/**
 * `repository` (a URL) and `path` (absolute) are required; `branch` and `revision` pick what is
 * checked out; `passwordAssetId` a `PasswordCredential`'s id for a private repository. A change of
 * `passwordAssetId` replaces the asset.
 */
export type GitAssetSpecArgs = DeepInput<NonNullFields<GitSpec>>;
/** Any scope but "system", with its scope id. */
export type GitAssetArgs = AssetArgs<GitAssetSpecArgs>;

/** A Run:ai Git datasource asset (`/api/v1/asset/datasource/git`). */
export class GitAsset extends AssetResource<GitSpec> {
  constructor(name: string, args: GitAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("GitAsset", name, args, opts);
  }
}

/** `credentialAssetId` (a credential's id) and `mountPath` (absolute) are required; a change of either replaces the asset. */
export type SecretVolumeAssetSpecArgs = DeepInput<NonNullFields<SecretVolumeSpec>>;
/** Any scope but "system", with its scope id. */
export type SecretVolumeAssetArgs = AssetArgs<SecretVolumeAssetSpecArgs>;

/** A Run:ai secret datasource asset (`/api/v1/asset/datasource/secrets`): a credential mounted as files. */
export class SecretVolumeAsset extends AssetResource<SecretVolumeSpec> {
  constructor(name: string, args: SecretVolumeAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("SecretVolumeAsset", name, args, opts);
  }
}
