// The 2.22 OpenAPI document as a referee for the schema tests: ajv (the validator the emulator uses)
// on its component schemas, and the property names each component declares (allOf merged).
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { z } from "zod";
import doc from "../../api/runai-2.22.openapi.json";

export { doc };

export type JsonSchema = {
  $ref?: string;
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  example?: unknown;
};
export const schemas = doc.components.schemas as unknown as Record<string, JsonSchema>;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "doc", components: doc.components });

/** Whether the document's component `schemaName` accepts `value`. */
export function contractAccepts(schemaName: string, value: unknown): boolean {
  const validate = ajv.getSchema(`doc#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  return validate(value) as boolean;
}

/** A component with its `$ref`s followed. */
export function resolve(s: JsonSchema): JsonSchema {
  return s.$ref ? resolve(schemas[s.$ref.replace("#/components/schemas/", "")]) : s;
}

/** The properties of a contract schema, allOf merged. */
export function contractPropertySchemas(schemaName: string): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const visit = (s: JsonSchema) => {
    const r = resolve(s);
    Object.assign(out, r.properties ?? {});
    (r.allOf ?? []).forEach(visit);
  };
  visit(schemas[schemaName]);
  return out;
}

/** Property names of a contract schema, allOf merged. */
export function contractProperties(schemaName: string): string[] {
  return Object.keys(contractPropertySchemas(schemaName)).sort();
}

/** An object of a contract schema built from its properties' `example`s (allOf merged, `$ref`s followed). */
export function propertyExamples(schemaName: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(contractPropertySchemas(schemaName))) {
    const example = s.example ?? resolve(s).example;
    if (example !== undefined) out[name] = example;
  }
  return out;
}

export const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape).sort();
