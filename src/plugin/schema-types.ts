// JSON Schema (zod's) → the types of a Pulumi package schema: objects with properties and string
// enums become named types (`runai:index:<Type><Path>`), everything else an inline property. The
// package schema (schema.ts) and the TypeScript argument and output types derived from it
// (scripts/gen-types.ts) both come through here, so they name and require the same things.
import { typeToken } from "./token";

/** A property of the Pulumi schema (the subset we write). */
export interface PropertySpec {
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  secret?: boolean;
  /** The value a setting takes when neither the stack nor the environment sets it. */
  default?: string | number | boolean;
  /** Where else a setting may come from: its environment variable. */
  defaultInfo?: { environment: string[] };
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** A string enum: a property of this type takes one of the values. */
export interface EnumTypeSpec {
  type: "string";
  description?: string;
  enum: { value: string }[];
}

export type TypeSpec = ObjectTypeSpec | EnumTypeSpec;

export function isEnumType(spec: TypeSpec): spec is EnumTypeSpec {
  return spec.type === "string";
}

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
};

export function token(type: string): string {
  return typeToken(type);
}

export const ANY: PropertySpec = { $ref: "pulumi.json#/Any" };

export interface ConverterOptions {
  /** Dotted paths of secret properties (`[]` for list elements). */
  secrets: ReadonlySet<string>;
  /** The name's path: it defaults to the resource's name (as in the TypeScript classes), so it is never required. */
  namePath?: string;
  /** Dotted paths required beyond the schema's own `required` (the kind's `requiredInputs`). */
  required?: ReadonlySet<string>;
}

/** JSON Schema → Pulumi property specs, registering the named types it meets in `types`. */
export class Converter {
  constructor(
    /** The prefix of the names of the types met, e.g. "ConfigMapAsset". */
    private readonly type: string,
    private readonly types: Record<string, TypeSpec>,
    private readonly options: ConverterOptions,
  ) {}

  /** A property, described by its zod schema's description (`.describe()`, on the field or on what it wraps). */
  property(schema: JsonSchema, path: string[], suffix = ""): PropertySpec {
    const spec = this.convert(schema, path, suffix);
    const dotted = dottedPath(path);
    const description = descriptionOf(schema);
    if (description && !spec.description) spec.description = description;
    if (this.options.secrets.has(dotted)) spec.secret = true;
    return spec;
  }

  private convert(schema: JsonSchema, path: string[], suffix: string): PropertySpec {
    const branches = (schema.anyOf ?? schema.oneOf ?? []).filter((branch) => !isNull(branch));
    if (branches.length === 1)
      return this.convert({ ...branches[0], description: schema.description ?? branches[0].description }, path, suffix);
    if (branches.length > 1) {
      const kinds = new Set(branches.map((branch) => primitiveOf(branch)));
      const [only] = kinds;
      return kinds.size === 1 && only ? { type: only } : { ...ANY };
    }
    const types = (Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null") : [schema.type]).filter(Boolean);
    // A value of several JSON types (a tenant setting's boolean, number or string) is Any in Pulumi's type system.
    if (types.length > 1) return { ...ANY };
    const type = types[0];
    if (schema.enum && schema.enum.length > 0 && schema.enum.every((value) => typeof value === "string")) {
      return this.enumeration(schema.enum as string[], path, suffix);
    }
    switch (type) {
      case "string":
      case "boolean":
      case "integer":
      case "number":
        return { type };
      case "array":
        return { type: "array", items: schema.items ? this.property(schema.items, [...path, "[]"], suffix) : { ...ANY } };
      case "object":
        return this.object(schema, path, suffix);
      default:
        if (typeof schema.const === "string") return { type: "string" };
        return { ...ANY };
    }
  }

  private object(schema: JsonSchema, path: string[], suffix: string): PropertySpec {
    const fields = Object.entries(schema.properties ?? {});
    if (fields.length === 0) {
      const values =
        typeof schema.additionalProperties === "object" ? this.property(schema.additionalProperties, [...path, "*"], suffix) : { ...ANY };
      return { type: "object", additionalProperties: values };
    }
    const properties: Record<string, PropertySpec> = {};
    const keys = fields.map(([key]) => key);
    for (const [key, field] of fields) properties[key] = this.property(field, [...path, key], suffix);
    const input = suffix === "";
    const required = keys.filter((key) => {
      const dotted = dottedPath([...path, key]);
      if (input && dotted === this.options.namePath) return false;
      return (schema.required ?? []).includes(key) || (input && (this.options.required?.has(dotted) ?? false));
    });
    this.types[token(this.typeName(path, suffix))] = { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
    return { $ref: `#/types/${token(this.typeName(path, suffix))}` };
  }

  private enumeration(values: string[], path: string[], suffix: string): PropertySpec {
    const name = token(this.typeName(path, suffix));
    this.types[name] = { type: "string", enum: values.map((value) => ({ value })) };
    return { $ref: `#/types/${name}` };
  }

  private typeName(path: string[], suffix: string): string {
    return `${this.type}${path
      .filter((part) => part !== "[]" && part !== "*")
      .map(pascal)
      .join("")}${suffix}`;
  }
}

/** ["spec", "items", "[]", "key"] → "spec.items[].key" */
function dottedPath(path: string[]): string {
  return path.join(".").replace(/\.\[\]/g, "[]");
}

/**
 * A field's own description, or that of the one schema it makes optional or nullable
 * (`z.string().describe("…").nullish()` puts it on the inner schema, an `anyOf` branch).
 */
function descriptionOf(schema: JsonSchema): string | undefined {
  if (schema.description) return schema.description;
  const branches = (schema.anyOf ?? schema.oneOf ?? []).filter((branch) => !isNull(branch));
  return branches.length === 1 ? descriptionOf(branches[0]) : undefined;
}

function isNull(schema: JsonSchema): boolean {
  return schema.type === "null";
}

function primitiveOf(schema: JsonSchema): PropertySpec["type"] | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  return type === "string" || type === "boolean" || type === "number" || type === "integer" ? type : undefined;
}

function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
