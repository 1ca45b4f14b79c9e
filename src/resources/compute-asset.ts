// Compute assets: the resources a workload requests (GPUs, CPU, memory, extended resources).
import * as pulumi from "@pulumi/pulumi";
import { AssetResource } from "./common";
import type { ComputeAssetArgs, ComputeAssetSpecOutputs } from "./generated-types";

/**
 * A Run:ai compute asset (`/api/v1/asset/compute`). Run:ai reports no sync status for it.
 *
 * GPUs: `gpuDevicesRequest` whole devices; with `gpuRequestType` "portion" (`gpuPortionRequest` 0..1
 * per device, `gpuPortionLimit` ≥ it), "memory" (`gpuMemoryRequest`, one device) or "migProfile"
 * (deprecated). CPU: `cpuCoreRequest`/`cpuCoreLimit` in cores, `cpuMemoryRequest`/`cpuMemoryLimit`
 * as quantities ("4Gi"). A limit is never below its request. Extended resources name a `resource`,
 * e.g. `{ resource: "hugepages-2Mi", quantity: "1Gi" }`. Updated in place.
 */
export class ComputeAsset extends AssetResource<ComputeAssetSpecOutputs> {
  constructor(name: string, args: ComputeAssetArgs, opts?: pulumi.CustomResourceOptions) {
    super("ComputeAsset", name, args, opts);
  }
}
