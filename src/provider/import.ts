// `pulumi import` (and the `import` resource option): a kind's inputs rebuilt from the object the
// API returns, for a host that can serve imports (the runai plugin; the dynamic host cannot,
// pulumi/pulumi#16175). The outputs already hold the user-owned fields in the input shape (see
// kind.ts `toOutputs`); the inputs are those outputs cut down to what the kind's input schema
// declares, so read-only fields (ids, timestamps, sync status) never become program code.
// Secret inputs are never among them: the API does not return a credential's values (and an
// application's secret is an output), and the kind's secret paths are removed all the same, so
// generated code never shows one.
import { z } from "zod";
import type { AnyResourceKind, Json } from "./kind";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const inputSchemas = new WeakMap<AnyResourceKind, JsonSchema>();

/** The JSON Schema of a kind's inputs (zod's, as the program writes them). */
export function inputJsonSchema(kind: AnyResourceKind): JsonSchema {
  let schema = inputSchemas.get(kind);
  if (!schema) {
    schema = z.toJSONSchema(kind.inputSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    inputSchemas.set(kind, schema);
  }
  return schema;
}

/** The inputs of an imported object, from its outputs: only what the program can write, no secret. */
export function importedInputs(kind: AnyResourceKind, outputs: Json): Json {
  const inputs = (pick(outputs, inputJsonSchema(kind)) ?? {}) as Json;
  const omitted = [...(kind.secrets?.inputs ?? []), ...(kind.secrets?.outputs ?? []), ...(kind.references?.importedWithout ?? [])];
  for (const path of omitted) removeAt(inputs, path.split("."));
  return inputs;
}

/** `value` with only the parts `schema` describes; undefined when nothing is left of an object. */
function pick(value: unknown, schema: JsonSchema): unknown {
  if (value === null || value === undefined) return undefined;
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // Nullable and union fields: the first branch of the value's own type.
    const branch = branches.find((candidate) => matchesType(value, candidate));
    return branch ? pick(value, branch) : undefined;
  }
  if (Array.isArray(value)) {
    if (!schema.items) return value;
    return value.map((element) => pick(element, schema.items as JsonSchema)).filter((element) => element !== undefined);
  }
  if (typeof value === "object") {
    // A free-form object (a policy's rules: any field of the contract's shape) is kept whole.
    if (!schema.properties && (schema.additionalProperties === undefined || schema.additionalProperties === true)) return value;
    const out: Json = {};
    for (const [key, inner] of Object.entries(value as Json)) {
      const open = schema.additionalProperties;
      const field = schema.properties?.[key] ?? (open === true ? {} : typeof open === "object" ? open : undefined);
      if (!field) continue;
      const picked = pick(inner, field);
      if (picked !== undefined) out[key] = picked;
    }
    return out;
  }
  return value;
}

function matchesType(value: unknown, schema: JsonSchema): boolean {
  if (schema.anyOf || schema.oneOf) return true;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return true;
  const own = Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value;
  return types.some((type) => type === own || ((type === "integer" || type === "number") && own === "number"));
}

/** Removes the value at a dotted path; `a[]` goes through every element of list `a`. */
function removeAt(target: unknown, parts: string[]): void {
  if (!target || typeof target !== "object" || parts.length === 0) return;
  const [head, ...rest] = parts;
  const record = target as Json;
  if (head.endsWith("[]")) {
    const list = record[head.slice(0, -2)];
    if (!Array.isArray(list)) return;
    if (rest.length === 0) delete record[head.slice(0, -2)];
    else list.forEach((element) => removeAt(element, rest));
    return;
  }
  if (rest.length === 0) delete record[head];
  else removeAt(record[head], rest);
}
