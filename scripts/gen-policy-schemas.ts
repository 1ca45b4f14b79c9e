// Writes src/schemas/generated-policy.ts: zod schemas of a workload policy's `defaults` and `rules`
// for each policy type (workspaces, trainings, distributed, inferences), derived from the contract
// (api/runai-2.22.openapi.json, `<Type>PolicyDefaultsAndRulesV2` and the ~300 schemas they pull in)
// rather than written by hand. Each component schema becomes one zod schema, shared by every type
// that uses it; `allOf` is flattened into one strict object (an unknown field is refused, naming it);
// descriptions, enums, patterns, lengths and bounds come from the contract. An enum whose values
// (in order) are those of a hand-written kind's list (ENUM_MODULES) uses that list, so one
// contract value lives in one place.
//
//   npm run gen:policy      rewrites the file (after a change of the contract in api/)
//   test/tooling/generated-policy.test.ts fails when the checked-in file is stale
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as compute from "../src/schemas/compute";
import * as environmentEnums from "../src/schemas/environment-enums";
import * as hostPath from "../src/schemas/host-path";
import * as pvc from "../src/schemas/pvc";

const root = path.resolve(__dirname, "..");
export const CONTRACT = path.join(root, "api/runai-2.22.openapi.json");
export const GENERATED_POLICY = path.join(root, "src/schemas/generated-policy.ts");

/** The policy types: the path segment of `/api/v2/policy/<type>` and the contract's schema prefix. */
export const POLICY_TYPES = {
  workspaces: "Workspace",
  trainings: "Training",
  distributed: "Distributed",
  inferences: "Inference",
} as const;
/** The parts of `<Type>PolicyDefaultsAndRulesV2` a program writes (`status` is the server's). */
const WRITTEN_PARTS = ["defaults", "rules"] as const;

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | Schema;
}

const refName = (ref: string) => ref.replace("#/components/schemas/", "");

/** The hand-written schema modules (under src/schemas) whose exported value lists the policy schemas reuse. */
const ENUM_MODULES: Record<string, Record<string, unknown>> = {
  "environment-enums": environmentEnums,
  compute,
  pvc,
  "host-path": hostPath,
};

/** Each exported list of strings of ENUM_MODULES, by its values: the module and the constant to import. */
function handWrittenEnums(): Map<string, { module: string; name: string }> {
  const found = new Map<string, { module: string; name: string }>();
  for (const [module, exports] of Object.entries(ENUM_MODULES)) {
    for (const [name, value] of Object.entries(exports)) {
      if (!/^[A-Z][A-Z_]*$/.test(name) || !Array.isArray(value) || !value.every((v) => typeof v === "string")) continue;
      if (!found.has(JSON.stringify(value))) found.set(JSON.stringify(value), { module, name });
    }
  }
  return found;
}

export function generatePolicySchemas(contract: { components: { schemas: Record<string, Schema> } }): string {
  const schemas = contract.components.schemas;
  const known = handWrittenEnums();
  const reused = new Map<string, Set<string>>(); // module → the constants imported from it
  const emitted = new Map<string, string>(); // component name → its zod expression, in dependency order
  const visiting = new Set<string>();

  /** The properties of an object schema, `allOf` members (refs or inline) merged in order. */
  const propertiesOf = (schema: Schema): { properties: Record<string, Schema>; required: string[] } => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const member of schema.allOf ?? []) {
      const merged = propertiesOf(member.$ref ? schemas[refName(member.$ref)] : member);
      Object.assign(properties, merged.properties);
      required.push(...merged.required);
    }
    Object.assign(properties, schema.properties ?? {});
    required.push(...(schema.required ?? []));
    return { properties, required };
  };

  const isObject = (schema: Schema): boolean => schema.type === "object" || schema.properties !== undefined || schema.allOf !== undefined;

  /** The zod expression of a schema (without the property's optionality). */
  const expression = (schema: Schema): string => {
    if (schema.$ref) return component(refName(schema.$ref));
    if (schema.allOf?.length === 1 && !schema.properties) return expression(schema.allOf[0]);
    if (isObject(schema)) {
      const { properties, required } = propertiesOf(schema);
      const fields = Object.entries(properties).map(([key, field]) => `${JSON.stringify(key)}: ${property(field, required.includes(key))}`);
      return `z.strictObject({ ${fields.join(", ")} })`;
    }
    if (schema.enum) {
      const own = known.get(JSON.stringify(schema.enum));
      if (!own) return `z.enum(${JSON.stringify(schema.enum)})`;
      reused.set(own.module, (reused.get(own.module) ?? new Set()).add(own.name));
      return `z.enum(${own.name})`;
    }
    switch (schema.type) {
      case "string": {
        let text = schema.format === "uuid" ? "z.uuid()" : "z.string()";
        if (schema.minLength !== undefined) text += `.min(${schema.minLength})`;
        if (schema.maxLength !== undefined) text += `.max(${schema.maxLength})`;
        if (schema.pattern) text += `.regex(new RegExp(${JSON.stringify(schema.pattern)}))`;
        return text;
      }
      case "integer":
      case "number": {
        let text = schema.type === "integer" ? "z.number().int()" : "z.number()";
        if (schema.minimum !== undefined) text += `.min(${schema.minimum})`;
        if (schema.maximum !== undefined) text += `.max(${schema.maximum})`;
        return text;
      }
      case "boolean":
        return "z.boolean()";
      case "array": {
        const items = schema.items ? expression(schema.items) : "z.unknown()";
        return `z.array(${schema.items?.nullable ? `${items}.nullable()` : items})`;
      }
      default:
        return "z.unknown()";
    }
  };

  /** A field: optional unless the contract requires it, nullable where the contract says so, described. */
  const property = (schema: Schema, required: boolean): string => {
    const target = schema.$ref ? schemas[refName(schema.$ref)] : schema;
    let text = expression(schema);
    const nullable = schema.nullable ?? target.nullable ?? false;
    if (!required) text += nullable ? ".nullish()" : ".optional()";
    else if (nullable) text += ".nullable()";
    const description = schema.description ?? target.description;
    if (description) text += `.describe(${JSON.stringify(description.trim())})`;
    return text;
  };

  /** The variable holding a component schema, emitted once (its dependencies first). */
  const component = (name: string): string => {
    const variable = `s${name}`;
    if (emitted.has(name)) return variable;
    if (visiting.has(name)) throw new Error(`the contract's schema ${name} refers to itself: the generator cannot flatten it`);
    visiting.add(name);
    const text = expression(schemas[name]);
    visiting.delete(name);
    emitted.set(name, text);
    return variable;
  };

  const types = Object.entries(POLICY_TYPES).map(([type, prefix]) => {
    const whole = schemas[`${prefix}PolicyDefaultsAndRulesV2`];
    if (!whole?.properties) throw new Error(`the contract has no ${prefix}PolicyDefaultsAndRulesV2`);
    const parts = WRITTEN_PARTS.map((part) => `${part}: ${expression({ ...whole.properties![part], nullable: false })}`);
    return `    ${type}: { ${parts.join(", ")} },`;
  });
  const imposed = schemas.ImposedAssets;

  return [
    "// Generated by scripts/gen-policy-schemas.ts from api/runai-2.22.openapi.json: do not edit (npm run gen:policy).",
    'import { z } from "zod";',
    ...[...reused]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([module, names]) => `import { ${[...names].sort().join(", ")} } from "./${module}";`),
    "",
    `/** The policy types, as the path segment of \`/api/v2/policy/<type>\`. */`,
    `export const POLICY_TYPES = ${JSON.stringify(Object.keys(POLICY_TYPES))} as const;`,
    "export type PolicyType = (typeof POLICY_TYPES)[number];",
    "",
    "export interface PolicySchemas {",
    "  /** Per type: the schemas of the policy's `defaults` and `rules`, as the contract's <Type>PolicyDefaultsAndRulesV2 declares them. */",
    "  types: Record<PolicyType, { defaults: z.ZodType; rules: z.ZodType }>;",
    "  /** The datasource asset ids every workload in the policy's scope includes. */",
    "  imposedAssets: z.ZodType;",
    "}",
    "",
    "/** Built on first use: the kind's other schemas do not pay for these ~300. */",
    "export function buildPolicySchemas(): PolicySchemas {",
    ...[...emitted].map(([name, text]) => `  const s${name} = ${text};`),
    "  return {",
    "    types: {",
    ...types,
    "    },",
    `    imposedAssets: ${expression({ ...imposed, nullable: false })}.describe(${JSON.stringify(imposed.description ?? "")}),`,
    "  };",
    "}",
    "",
  ].join("\n");
}

/** The file as `npm run gen:policy` writes it today: generated from the contract, in the Prettier style. */
export function generatedPolicyFile(): string {
  const prettier = path.join(root, "node_modules/prettier/bin/prettier.cjs");
  const text = generatePolicySchemas(readContract());
  return execFileSync(process.execPath, [prettier, "--stdin-filepath", GENERATED_POLICY], { input: text, encoding: "utf8" });
}

export function readContract(): { components: { schemas: Record<string, Schema> } } {
  return JSON.parse(fs.readFileSync(CONTRACT, "utf8")) as { components: { schemas: Record<string, Schema> } };
}

if (require.main === module) {
  fs.writeFileSync(GENERATED_POLICY, generatedPolicyFile());
  console.log(`wrote ${path.relative(process.cwd(), GENERATED_POLICY)}`);
}
