import * as pulumi from "@pulumi/pulumi";
import type {
  Connection,
  EnvironmentSpec,
  EnvironmentVariable,
  ExternalToolInfo,
  HttpGetAction,
  InternalToolInfo,
  Probe,
} from "../schemas";
import { AssetResource } from "./common";
import type { AssetArgs, DeepInput, NonNullFields } from "./common";

// The types users write, derived from the 2.22 contract's schemas (src/schemas/environment.ts), so
// they can never drift from what the provider validates.

/** One environment variable: a `name` and exactly one of `value`, `credential`, `configMap`, `podFieldRef` (or `exclude: true`). */
export type EnvironmentVariableArgs = DeepInput<NonNullFields<EnvironmentVariable>>;
/** A tool inside the container (`isExternal` false, the default) with `internalToolInfo`, or an external one with `externalToolInfo`. */
export type ConnectionArgs = DeepInput<NonNullFields<Connection>>;
export type InternalToolInfoArgs = DeepInput<NonNullFields<InternalToolInfo>>;
export type ExternalToolInfoArgs = DeepInput<NonNullFields<ExternalToolInfo>>;
/** The readiness probe: thresholds ≥ 1, `handler.httpGet` with an absolute `path` and a `port` in 1..65535. */
export type ProbeArgs = DeepInput<NonNullFields<Probe>>;
export type HttpGetActionArgs = DeepInput<NonNullFields<HttpGetAction>>;
/** Every field of the 2.22 `EnvironmentAssetSpec`; all optional. */
export type EnvironmentAssetSpecArgs = DeepInput<NonNullFields<EnvironmentSpec>>;
/** The spec as the server reports it. */
export type EnvironmentAssetSpecOutputs = NonNullFields<EnvironmentSpec>;

/**
 * `meta`: any scope but "system": `tenant`, `cluster` (+ `clusterId`), `department` (+ `departmentId`)
 * or `project` (+ `projectId`). `workloadSupportedTypes` says which workloads may use it; with
 * `inference: true` the spec may not set tty, stdin, allowPrivilegeEscalation, hostIpc or hostNetwork.
 * `spec`: the container (image, tools, security, probes, environment variables), updated in place.
 */
export type EnvironmentAssetArgs = AssetArgs<EnvironmentAssetSpecArgs>;

/** A Run:ai environment asset (`/api/v1/asset/environment`). */
export class EnvironmentAsset extends AssetResource<EnvironmentSpec> {
  constructor(name: string, args: EnvironmentAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("EnvironmentAsset", name, args, opts);
  }
}
