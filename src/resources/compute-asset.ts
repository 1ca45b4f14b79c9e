// Compute assets: the resources a workload requests (GPUs, CPU, memory, extended resources).
import * as pulumi from "@pulumi/pulumi";
import type { ComputeSpec, ExtendedResource } from "../schemas";
import { AssetResource } from "./common";
import type { AssetArgs, DeepInput, NonNullFields } from "./common";

/** An extended resource (`resource` required), e.g. `{ resource: "hugepages-2Mi", quantity: "1Gi" }`. */
export type ExtendedResourceArgs = DeepInput<NonNullFields<ExtendedResource>>;

/**
 * GPUs: `gpuDevicesRequest` whole devices; with `gpuRequestType` "portion" (`gpuPortionRequest` 0..1
 * per device, `gpuPortionLimit` ≥ it), "memory" (`gpuMemoryRequest`, one device) or "migProfile"
 * (deprecated). CPU: `cpuCoreRequest`/`cpuCoreLimit` in cores, `cpuMemoryRequest`/`cpuMemoryLimit`
 * as quantities ("4Gi"). A limit is never below its request. Updated in place.
 */
export type ComputeAssetSpecArgs = DeepInput<NonNullFields<ComputeSpec>>;
/** Any scope but "system", with its scope id. */
export type ComputeAssetArgs = AssetArgs<ComputeAssetSpecArgs>;

/** A Run:ai compute asset (`/api/v1/asset/compute`). Run:ai reports no sync status for it. */
export class ComputeAsset extends AssetResource<ComputeSpec> {
  constructor(name: string, args: ComputeAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("ComputeAsset", name, args, opts);
  }
}
