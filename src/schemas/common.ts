// Building blocks shared by the schema modules.
//
// Two kinds of schemas live in src/schemas/:
//  - request/input schemas (what we send, what users write): strict objects, so a misspelt key is an
//    error rather than a field that silently never reaches the server;
//  - response schemas (what the server returns): lenient, so an additive change on the server (a new
//    field, a new enum value) does not break `refresh` for every user. They still check the fields
//    we rely on.
import { z } from "zod";

/**
 * An object factory for response schemas: unknown keys are accepted and kept at run time.
 *
 * Typed as `z.strictObject` on purpose: the inferred TypeScript types then carry no
 * `[key: string]: unknown` index signature, so a typo such as `meta.nmae` in our own code is a compile
 * error. The extra keys a newer server sends are still there at run time; we just do not type them.
 */
export const lenientObject: typeof z.strictObject = z.looseObject as unknown as typeof z.strictObject;

/**
 * A string enum for response schemas: the known values are documented in the type, any other string
 * is accepted (a newer server may add values; refusing them would break reads of objects we manage).
 */
export function lenientEnum<const T extends readonly [string, ...string[]]>(_values: T): z.ZodType<T[number]> {
  // The cast is the point: callers see the known union, the server may send more.
  return z.string() as unknown as z.ZodType<T[number]>;
}

/**
 * `format: uuid` as the OpenAPI referee (ajv-formats) checks it: 8-4-4-4-12 hex digits, any version.
 * `z.uuid()` would also require RFC 9562 version/variant bits, which the contract does not ask for.
 */
export const Uuid = z.guid();

/** `format: hostname`, with the exact regular expression of ajv-formats (the emulator's referee). */
export const HOSTNAME_PATTERN = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;

type EnumValues = readonly [string, ...string[]];

/** How a schema builder makes objects and enums: one builder yields the request and the response variant. */
export interface SchemaMode {
  /** Object factory: strict for requests, lenient for responses. */
  obj: typeof z.strictObject;
  /** Required enum: exact for requests, any string for responses. */
  oneOf: <const T extends EnumValues>(values: T) => z.ZodType<T[number]>;
  /**
   * Optional enum declared `nullable: true`. Per OpenAPI 3.0.3, `nullable` does not add null to an
   * `enum` that does not list it, and the referee (ajv) rejects null there: so a request may omit
   * the field but not send null. A response may still carry null (a server serialising an unset
   * field); it reads as absent, which is what it means.
   */
  optionalOneOf: <const T extends EnumValues>(values: T) => z.ZodOptional<z.ZodType<T[number]>>;
}

export const REQUEST_MODE: SchemaMode = {
  obj: z.strictObject,
  oneOf: (values) => z.enum(values),
  optionalOneOf: (values) => z.enum(values).optional(),
};
export const RESPONSE_MODE: SchemaMode = {
  obj: lenientObject,
  oneOf: lenientEnum,
  // Typed as the request variant's ZodOptional (object keys stay optional in inferred types); at run
  // time a pipe that maps null to undefined before the optional enum.
  optionalOneOf: (values) =>
    z.preprocess((v) => (v === null ? undefined : v), lenientEnum(values).optional()) as unknown as z.ZodOptional<
      z.ZodType<(typeof values)[number]>
    >,
};

/**
 * The contract's pattern for a Kubernetes-style quantity (`gpuMemory*`, `cpuMemory*`, a PVC's size),
 * e.g. "1G", "20M", "512Mi", "1.5e3". Loose by design of the contract: "1.2.3" and "+" forms pass.
 */
export const QUANTITY_PATTERN = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
