// Environment assets: the container a workload runs (image, tools, security, probes, variables).
import * as pulumi from "@pulumi/pulumi";
import { AssetResource } from "./common";
import type { EnvironmentAssetArgs, EnvironmentAssetSpecOutputs } from "./generated-types";

/**
 * A Run:ai environment asset (`/api/v1/asset/environment`).
 *
 * `meta`: any scope but "system": `tenant`, `cluster` (+ `clusterId`), `department` (+ `departmentId`)
 * or `project` (+ `projectId`). `workloadSupportedTypes` says which workloads may use it; with
 * `inference: true` the spec may not set tty, stdin, allowPrivilegeEscalation, hostIpc or hostNetwork.
 * `spec`: the container (image, tools, security, probes, environment variables), updated in place.
 * Each environment variable has a `name` and exactly one of `value`, `credential`, `configMap`,
 * `podFieldRef` (or `exclude: true`); a connection is a tool inside the container (`isExternal`
 * false, the default) with `internalToolInfo`, or an external one with `externalToolInfo`; the
 * readiness probe has thresholds ≥ 1 and `handler.httpGet` with an absolute `path` and a `port` in
 * 1..65535.
 */
export class EnvironmentAsset extends AssetResource<EnvironmentAssetSpecOutputs> {
  constructor(name: string, args: EnvironmentAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("EnvironmentAsset", name, args, opts);
  }
}
