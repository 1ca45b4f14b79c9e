// The package schema's `functions`: one per look-up of the table (src/provider/lookups.ts), with
// typed inputs (a name, a cluster's uuid, a department's id: what the row asks) and the answer's fields as
// outputs. The answer's nested objects become named types `runai:index:Get<Kind><Path>Result`; the
// answer itself stays inline, so no type collides with the result type an SDK generates per function.
import { z } from "zod";
import { findsByName, LOOKUPS } from "../provider/lookups";
import * as schemas from "../schemas";
import type { Lookup, LookupInput } from "../provider/lookups";
import { Converter, token } from "./schema-types";
import type { JsonSchema, PropertySpec, TypeSpec } from "./schema-types";

export interface FunctionSpec {
  description: string;
  inputs: { properties: Record<string, PropertySpec>; required: string[] };
  outputs: { properties: Record<string, PropertySpec>; required?: string[] };
}

export function functionSpecs(types: Record<string, TypeSpec>): Record<string, FunctionSpec> {
  return Object.fromEntries(LOOKUPS.map((lookup) => [token(lookup.name), functionSpec(lookup, types)]));
}

/** The zod schema of a look-up's answer. */
export function lookupResult(lookup: Lookup): z.ZodType {
  return lookup.result(schemas, z);
}

/** The type name of a look-up's answer, e.g. "GetProject" (its nested types are "GetProject<Path>Result"). */
export function resultTypeName(lookup: Lookup): string {
  return lookup.name.charAt(0).toUpperCase() + lookup.name.slice(1);
}

const INPUTS: Record<LookupInput, [string, PropertySpec]> = {
  name: ["name", { type: "string", description: "The exact name to look for." }],
  clusterId: ["clusterId", { type: "string", description: "The cluster's uuid: the `id` that `getCluster` answers." }],
  "departmentId?": ["departmentId", { type: "string", description: "Only the projects of this department (its id); all when left out." }],
};

function functionSpec(lookup: Lookup, types: Record<string, TypeSpec>): FunctionSpec {
  const properties = Object.fromEntries(lookup.inputs.map((input) => INPUTS[input]));
  const required = lookup.inputs.filter((input) => !input.endsWith("?")).map((input) => INPUTS[input][0]);
  const json = z.toJSONSchema(lookupResult(lookup), { io: "output", unrepresentable: "any" }) as JsonSchema;
  const converter = new Converter(resultTypeName(lookup), types, { secrets: new Set() });
  const answer = converter.property(json, [], "Result").$ref!.replace("#/types/", "");
  const answerType = types[answer];
  delete types[answer];
  if (answerType?.type !== "object") throw new Error(`${lookup.name}: the answer is no object`);
  return {
    description: findsByName(lookup)
      ? `${lookup.description}\n\nFails when no such name exists, or when more than one does (then use the id).`
      : lookup.description,
    inputs: { properties, required },
    outputs: { properties: answerType.properties, ...(answerType.required ? { required: answerType.required } : {}) },
  };
}
