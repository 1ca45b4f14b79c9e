// ConfigMap datasource asset, `/api/v1/asset/datasource/config-map` (REFERENCE.md §3, Run:ai 2.22).
import { z } from "zod";
import type { AssetContract } from "./asset";
import { REQUEST_MODE, RESPONSE_MODE, SchemaMode } from "./common";

function configMapSpec(mode: SchemaMode) {
  return mode.obj({
    configMap: z
      .string()
      .min(1)
      .nullish()
      .describe("Name of the Kubernetes ConfigMap (described as mandatory; it must exist in the cluster)."),
    mountPath: z.string().min(1).nullish().describe("Path inside the container the ConfigMap is mounted at (described as mandatory)."),
    subPath: z.string().min(1).nullish().describe("Path within the volume to mount instead of its root (2.21.1+)."),
  });
}

/**
 * `ConfigMapAssetSpec` exactly as the 2.22 contract states it: every field nullable and optional,
 * non-empty when given. That `configMap` and `mountPath` are mandatory and `mountPath` absolute are
 * rules of the validation layer (the contract says so only in prose).
 */
export const ConfigMapSpec = configMapSpec(REQUEST_MODE);
export type ConfigMapSpec = z.infer<typeof ConfigMapSpec>;

/** The spec as the server returns it (unknown keys kept, e.g. 2.23's `defaultMode`). */
export const ConfigMapSpecResponse = configMapSpec(RESPONSE_MODE);

/**
 * The ConfigMap datasource endpoints. The contract declares no `spec` property for this kind's PUT,
 * yet requires `spec`: we send the whole spec, as for every kind.
 */
export const CONFIG_MAP_ASSET: AssetContract<ConfigMapSpec> = {
  kind: "config-map",
  path: "/api/v1/asset/datasource/config-map",
  spec: ConfigMapSpec,
  responseSpec: ConfigMapSpecResponse,
};
