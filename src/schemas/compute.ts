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
    resource: z
      .string()
      .min(1)
      .nullish()
      .describe('The name of the extended resource, e.g. "hardware-vendor.example/foo" (described as mandatory).'),
    quantity: z
      .string()
      .min(1)
      .nullish()
      .describe("The requested quantity for the resource (a string; the contract's example, the number 2, is not)."),
    exclude: z.boolean().nullish().describe("true excludes an extended resource that the policy's defaults would add."),
  });

  const ComputeSpec = obj({
    // ComputeFlatFields
    gpuDevicesRequest: z
      .int32()
      .min(0)
      .nullish()
      .describe("Requested number of GPU devices. With more than one device, gpuMemory*, gpuPortion* and migProfile cannot be given."),
    gpuRequestType: optionalOneOf(GPU_REQUEST_TYPES).describe(
      'The unit of the other GPU request fields: portion, memory or migProfile (deprecated). With `gpuDevicesRequest > 1` only "portion" is supported.',
    ),
    gpuPortionRequest: z
      .number()
      .min(0)
      .nullish()
      .describe(
        'Required if and only if gpuRequestType is "portion": the portion of each GPU device to allocate, between 0 and 1 (the range is stated in text; the contract only sets minimum 0).',
      ),
    gpuPortionLimit: z.number().min(0).nullish().describe("Limit on the portion consumed per GPU device; no less than gpuPortionRequest."),
    gpuMemoryRequest: z
      .string()
      .regex(QUANTITY_PATTERN)
      .nullish()
      .describe('Required if and only if gpuRequestType is "memory": GPU memory per device, e.g. "10M".'),
    gpuMemoryLimit: z
      .string()
      .regex(QUANTITY_PATTERN)
      .nullish()
      .describe("Limit on the GPU memory consumed per device; no less than gpuMemoryRequest."),
    migProfile: optionalOneOf(MIG_PROFILES).describe(
      'Required only if gpuRequestType is "migProfile": the NVIDIA MIG profile (deprecated).',
    ),
    cpuCoreRequest: z.number().min(0).nullish().describe("CPU units to allocate (0.5, 1, …); the workload gets at least this much."),
    cpuCoreLimit: z.number().min(0).nullish().describe("The most CPU units the workload may consume."),
    cpuMemoryRequest: z
      .string()
      .regex(QUANTITY_PATTERN)
      .nullish()
      .describe("CPU memory to allocate (1G, 20M, …); the workload gets at least this much."),
    cpuMemoryLimit: z
      .string()
      .regex(QUANTITY_PATTERN)
      .nullish()
      .describe("The most CPU memory the workload may consume; allocating more is an error in the workload."),
    largeShmRequest: z.boolean().nullish().describe("Mount a large /dev/shm (a RAM file system) into the container."),
    // ComputeItemizedFields (`ExtendedResources`: the array and its items are nullable in the contract)
    extendedResources: z.array(ExtendedResource.nullable()).nullish().describe("Extended resources and their quantity."),
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
