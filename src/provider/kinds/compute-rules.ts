// Compute assets: the contract's cross-field rules, which only its descriptions state
// (ComputeFlatFields in api/runai-2.22.openapi.json): how GPUs are requested (whole devices, a
// portion of each, an amount of GPU memory or a MIG profile) and that a limit is never below its
// request. Where two descriptions disagree (gpuDevicesRequest says nothing but whole devices may be
// asked for more than one device; GpuRequestType says portions may), the more specific one wins:
// more than one device takes a portion of each, never memory or a MIG profile.
import { parseQuantity } from "../quantity";
import type { Failures } from "../validation";
import { isKnown, isObject, isSet } from "../validation";
import type { AssetRuleInputs } from "./asset";

type Json = Record<string, unknown>;

/** The fields each GPU request type uses; they may not be combined with another type's. */
const GPU_FIELDS_BY_TYPE: Record<string, readonly string[]> = {
  portion: ["gpuPortionRequest", "gpuPortionLimit"],
  memory: ["gpuMemoryRequest", "gpuMemoryLimit"],
  migProfile: ["migProfile"],
};
/** The field that carries the request of each type. */
const GPU_REQUEST_FIELD: Record<string, string> = { portion: "gpuPortionRequest", memory: "gpuMemoryRequest", migProfile: "migProfile" };

export function validateComputeSpec(failures: Failures, inputs: AssetRuleInputs): void {
  const spec = inputs.spec;
  validateGpuRequest(failures, spec);
  compareLimit(failures, spec, "gpuPortionRequest", "gpuPortionLimit", numberOf);
  compareLimit(failures, spec, "gpuMemoryRequest", "gpuMemoryLimit", quantityOf);
  compareLimit(failures, spec, "cpuCoreRequest", "cpuCoreLimit", numberOf);
  compareLimit(failures, spec, "cpuMemoryRequest", "cpuMemoryLimit", quantityOf);
  for (const field of ["gpuPortionRequest", "gpuPortionLimit"]) {
    if (typeof spec[field] === "number" && (spec[field] as number) > 1) {
      failures.add(["spec", field], "must be at most 1 (a portion of each GPU; request more devices for more)");
    }
  }
  validateExtendedResources(failures, spec.extendedResources);
}

function validateGpuRequest(failures: Failures, spec: Json): void {
  const type = spec.gpuRequestType;
  const devices = spec.gpuDevicesRequest;
  if (!isKnown(type) || !isKnown(devices)) return;
  const typedFields = Object.values(GPU_FIELDS_BY_TYPE)
    .flat()
    .filter((field) => isSet(spec[field]));

  if (!isSet(type)) {
    for (const field of typedFields) {
      const owner = Object.keys(GPU_FIELDS_BY_TYPE).find((t) => GPU_FIELDS_BY_TYPE[t].includes(field));
      failures.add(["spec", "gpuRequestType"], `is required when spec.${field} is set (set it to "${owner}")`);
    }
    return;
  }
  if (typeof type !== "string" || !Object.hasOwn(GPU_FIELDS_BY_TYPE, type)) return; // the schema reports it (own keys: not "toString")
  const request = GPU_REQUEST_FIELD[type];
  if (!isSet(spec[request])) failures.add(["spec", request], `is required when spec.gpuRequestType is "${type}"`);
  for (const field of typedFields) {
    if (!GPU_FIELDS_BY_TYPE[type].includes(field)) failures.add(["spec", field], `not allowed when spec.gpuRequestType is "${type}"`);
  }
  if (devices === 0) failures.add(["spec", "gpuDevicesRequest"], "must be at least 1 when spec.gpuRequestType is set");
  if (typeof devices === "number" && devices > 1 && type !== "portion") {
    failures.add(
      ["spec", "gpuRequestType"],
      `must be "portion" when spec.gpuDevicesRequest is more than 1 (each device gets the same portion; memory and MIG profiles apply to one device)`,
    );
  }
}

/** The limit may not be below the request. */
function compareLimit(
  failures: Failures,
  spec: Json,
  requestField: string,
  limitField: string,
  valueOf: (value: unknown) => number | undefined,
): void {
  const request = valueOf(spec[requestField]);
  const limit = valueOf(spec[limitField]);
  if (request === undefined || limit === undefined || limit >= request) return;
  failures.add(["spec", limitField], `must be at least spec.${requestField} (${JSON.stringify(spec[requestField])})`);
}

const numberOf = (value: unknown) => (typeof value === "number" ? value : undefined);
const quantityOf = (value: unknown) => (typeof value === "string" && isKnown(value) ? parseQuantity(value) : undefined);

function validateExtendedResources(failures: Failures, resources: unknown): void {
  if (!Array.isArray(resources)) return;
  const seen = new Set<string>();
  resources.forEach((entry, index) => {
    if (!isObject(entry)) return;
    // ExtendedResource.resource: "(mandatory)".
    if (!isSet(entry.resource)) failures.add(["spec", "extendedResources", index, "resource"], "is required");
    if (entry.exclude !== true && !isSet(entry.quantity)) {
      failures.add(["spec", "extendedResources", index, "quantity"], "is required unless exclude is true");
    }
    if (typeof entry.resource !== "string" || !isKnown(entry.resource)) return;
    if (seen.has(entry.resource)) {
      failures.add(["spec", "extendedResources", index, "resource"], `"${entry.resource}" is listed twice; list each resource once`);
    }
    seen.add(entry.resource);
  });
}
