// Compute asset, `/api/v1/asset/compute` (REFERENCE-org-and-assets.md §1.1, Run:ai 2.22): the resources
// a workload requests (GPU devices or a fraction of one, CPU, memory, extended resources).
// Control-plane only: no sync status, no `statusInfo`; PUT carries the whole spec.
// Only the contract's own rules are here. The cross-field rules its descriptions state (which GPU
// fields go with which `gpuRequestType`, one device only for memory/MIG requests, request ≤ limit)
// belong to the validation layer.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { QUANTITY_PATTERN, REQUEST_MODE, RESPONSE_MODE, SchemaMode } from "./common";

/** `GpuRequestType`: the unit of the GPU request fields. */
export const GPU_REQUEST_TYPES = ["portion", "memory", "migProfile"] as const;
export type GpuRequestType = (typeof GPU_REQUEST_TYPES)[number];

/** `MigProfile` (deprecated in the contract). */
export const MIG_PROFILES = [
  "1g.5gb",
  "1g.10gb",
  "2g.10gb",
  "2g.20gb",
  "3g.20gb",
  "3g.40gb",
  "4g.20gb",
  "4g.40gb",
  "7g.40gb",
  "7g.80gb",
] as const;
export type MigProfile = (typeof MIG_PROFILES)[number];

function computeSchemas(mode: SchemaMode) {
  const { obj, optionalOneOf } = mode;

  /** `ExtendedResource`: the quantity of one extended resource. */
  const ExtendedResource = obj({
    /** The name of the extended resource, e.g. "hardware-vendor.example/foo" (described as mandatory). */
    resource: z.string().min(1).nullish(),
    /** The requested quantity for the resource (a string; the contract's example, the number 2, is not). */
    quantity: z.string().min(1).nullish(),
    /** true excludes an extended resource that the policy's defaults would add. */
    exclude: z.boolean().nullish(),
  });

  const ComputeSpec = obj({
    // ComputeFlatFields
    /**
     * Requested number of GPU devices. With more than one device, gpuMemory*, gpuPortion* and
     * migProfile cannot be given.
     */
    gpuDevicesRequest: z.int32().min(0).nullish(),
    /**
     * The unit of the other GPU request fields: portion, memory or migProfile (deprecated). With
     * `gpuDevicesRequest > 1` only "portion" is supported.
     */
    gpuRequestType: optionalOneOf(GPU_REQUEST_TYPES),
    /**
     * Required if and only if gpuRequestType is "portion": the portion of each GPU device to allocate,
     * between 0 and 1 (the range is stated in text; the contract only sets minimum 0).
     */
    gpuPortionRequest: z.number().min(0).nullish(),
    /** Limit on the portion consumed per GPU device; no less than gpuPortionRequest. */
    gpuPortionLimit: z.number().min(0).nullish(),
    /** Required if and only if gpuRequestType is "memory": GPU memory per device, e.g. "10M". */
    gpuMemoryRequest: z.string().regex(QUANTITY_PATTERN).nullish(),
    /** Limit on the GPU memory consumed per device; no less than gpuMemoryRequest. */
    gpuMemoryLimit: z.string().regex(QUANTITY_PATTERN).nullish(),
    /** Required only if gpuRequestType is "migProfile": the NVIDIA MIG profile (deprecated). */
    migProfile: optionalOneOf(MIG_PROFILES),
    /** CPU units to allocate (0.5, 1, …); the workload gets at least this much. */
    cpuCoreRequest: z.number().min(0).nullish(),
    /** The most CPU units the workload may consume. */
    cpuCoreLimit: z.number().min(0).nullish(),
    /** CPU memory to allocate (1G, 20M, …); the workload gets at least this much. */
    cpuMemoryRequest: z.string().regex(QUANTITY_PATTERN).nullish(),
    /** The most CPU memory the workload may consume; allocating more is an error in the workload. */
    cpuMemoryLimit: z.string().regex(QUANTITY_PATTERN).nullish(),
    /** Mount a large /dev/shm (a RAM file system) into the container. */
    largeShmRequest: z.boolean().nullish(),
    // ComputeItemizedFields (`ExtendedResources`: the array and its items are nullable in the contract)
    /** Extended resources and their quantity. */
    extendedResources: z.array(ExtendedResource.nullable()).nullish(),
  });

  return { ExtendedResource, ComputeSpec };
}

const request = computeSchemas(REQUEST_MODE);
const response = computeSchemas(RESPONSE_MODE);

/** `ExtendedResource`. */
export const ExtendedResource = request.ExtendedResource;
export type ExtendedResource = z.infer<typeof ExtendedResource>;

/**
 * `ComputeAssetSpec` (= `ComputeFields` = `ComputeFlatFields` + `ComputeItemizedFields`) as the 2.22
 * contract states it: every field nullable and optional.
 */
export const ComputeSpec = request.ComputeSpec;
export type ComputeSpec = z.infer<typeof ComputeSpec>;
/** The spec as the server returns it (unknown keys kept, unknown enum values accepted). */
export const ComputeSpecResponse = response.ComputeSpec;

/** The compute asset endpoints (PUT carries the whole spec). */
export const COMPUTE_ASSET: AssetContract<ComputeSpec> = {
  kind: "compute",
  path: "/api/v1/asset/compute",
  spec: ComputeSpec,
  responseSpec: ComputeSpecResponse,
};
