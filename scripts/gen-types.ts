// Writes src/resources/generated-types.ts: the TypeScript argument and output types of every
// resource class, derived from the runai package schema (src/plugin/schema.ts, itself derived from
// the kind registry and the zod schemas), so the classes can never ask for less or more than the
// provider checks. Named interfaces, so that an editor shows `ConfigMapAssetSpecArgs` rather than
// a 400-line expansion; fields Run:ai requires are required; plain TypeScript that imports only
// `@pulumi/pulumi`'s types, so that any TypeScript compiler a program uses (even the 3.8 that
// `@pulumi/pulumi` vendors) reads the package's declarations.
//
//   npm run gen:types       rewrites the file (after a change of a schema or a kind)
//   test/tooling/generated-types.test.ts fails when the checked-in file is stale
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { z } from "zod";
import { buildSchema } from "../src/plugin/schema";
import type { PackageSchema, PropertySpec, ResourceSpec, TypeSpec } from "../src/plugin/schema";
import { lookupResult, resultTypeName } from "../src/plugin/schema-functions";
import { LOOKUPS } from "../src/provider/lookups";
import { allKinds } from "../src/provider/registry";

const root = path.resolve(__dirname, "..");
export const GENERATED_TYPES = path.join(root, "src/resources/generated-types.ts");

/**
 * Names for types many kinds share (the schema names them per kind): every asset's meta is one
 * `AssetMetaArgs`. The generator checks that the types it merges under one name are the same.
 * Others keep the names the package has always exported.
 */
const SHARED_NAMES: [RegExp, string][] = [
  [/^\w+(Asset|Credential)Meta$/, "AssetMeta"],
  [/^\w+(Asset|Credential)MetaWorkloadSupportedTypes$/, "WorkloadSupportedTypes"],
  [/^\w+(Asset|Credential)Status$/, "AssetStatus"],
  [/^\w+(Asset|Credential)StatusIssues$/, "AssetStatusIssue"],
  [/^\w+(Asset|Credential)ClusterInfo$/, "ClusterInfo"],
  [/^\w+(Asset|Credential)ClusterInfoResources$/, "ClusterInfoResource"],
  [/^(Department|Project)Resources$/, "Quota"],
  [/^(Department|Project)Resources(NodePool|Cpu|Gpu|Memory)$/, "Quota$2"],
  [/^(Department|Project)(SchedulingRules|NodeTypes|TotalResources)$/, "$2"],
  [/^EnvironmentAssetSpecEnvironmentVariables$/, "EnvironmentVariable"],
  [/^EnvironmentAssetSpecEnvironmentVariables(\w+)$/, "EnvironmentVariable$1"],
  [/^EnvironmentAssetSpecConnections$/, "Connection"],
  [/^EnvironmentAssetSpecConnections(InternalToolInfo|ExternalToolInfo)$/, "$1"],
  [/^EnvironmentAssetSpecConnectionsInternalToolInfo(\w+)$/, "InternalToolInfo$1"],
  [/^EnvironmentAssetSpecProbesReadiness$/, "Probe"],
  [/^EnvironmentAssetSpecProbesReadinessHandler$/, "ProbeHandler"],
  [/^EnvironmentAssetSpecProbesReadinessHandlerHttpGet$/, "HttpGetAction"],
  [/^ComputeAssetSpecExtendedResources$/, "ExtendedResource"],
  [/^GenericSecretCredentialSpecKeyValuePairs$/, "KeyValuePair"],
];

/** The look-ups' answers by their type name, e.g. ["GetProject", Project] (the table in src/provider/lookups.ts). */
export const LOOKUP_RESULTS: [string, z.ZodType][] = LOOKUPS.map((lookup) => [resultTypeName(lookup), lookupResult(lookup)]);

/** Args: every field a `pulumi.Input`; Outputs: plain values; Result: plain values, the type's own name. */
export type Side = "Args" | "Outputs" | "Result";

/** The TypeScript name of a schema type on one side, e.g. "runai:index:NfsAssetMetaOutput" → "AssetMetaOutputs". */
export function tsName(token: string, side: Side): string {
  const base = token.replace(/^runai:index:/, "").replace(/Output$/, "");
  if (side === "Result") return base;
  const shared = SHARED_NAMES.find(([pattern]) => pattern.test(base));
  return `${shared ? base.replace(shared[0], shared[1]) : base}${side}`;
}

class Emitter {
  private readonly blocks = new Map<string, string>();
  private readonly origins = new Map<string, string>();
  private readonly queue: [string, Side][] = [];

  constructor(private readonly schema: PackageSchema) {}

  /** The TypeScript type of a property; object types are queued for their own interface. */
  typeOf(spec: PropertySpec, side: Side): string {
    const wrap = (type: string) => (side === "Args" ? `pulumi.Input<${type}>` : type);
    if (spec.$ref === "pulumi.json#/Any") return "any";
    if (spec.$ref) {
      const token = spec.$ref.replace("#/types/", "");
      const type = this.schema.types[token] as TypeSpec | undefined;
      if (!type) throw new Error(`dangling reference ${spec.$ref}`);
      if (type.type === "string") return wrap(type.enum.map((value) => JSON.stringify(value.value)).join(" | "));
      this.queue.push([token, side]);
      return wrap(tsName(token, side));
    }
    switch (spec.type) {
      case "string":
        return wrap("string");
      case "number":
      case "integer":
        return wrap("number");
      case "boolean":
        return wrap("boolean");
      case "array":
        return wrap(`${this.typeOf(spec.items ?? { $ref: "pulumi.json#/Any" }, side)}[]`);
      case "object":
        return wrap(`{ [key: string]: ${this.typeOf(spec.additionalProperties ?? { $ref: "pulumi.json#/Any" }, side)} }`);
      default:
        return "any";
    }
  }

  /** An interface of the given properties; `plain` lists properties that take no Output (read synchronously). */
  interface(
    name: string,
    description: string,
    properties: Record<string, PropertySpec>,
    required: readonly string[],
    side: Side,
    plain: readonly string[] = [],
  ): string {
    const fields = Object.entries(properties).map(([key, spec]) => {
      const type = plain.includes(key) ? this.typeOf(spec, side).replace(/^pulumi\.Input<(.*)>$/, "$1") : this.typeOf(spec, side);
      return `${doc(spec.description, "  ")}  ${key}${required.includes(key) ? "" : "?"}: ${type};\n`;
    });
    return `${doc(description, "")}export interface ${name} {\n${fields.join("")}}\n`;
  }

  add(name: string, origin: string, block: string): void {
    const existing = this.blocks.get(name);
    if (existing !== undefined && existing !== block) {
      throw new Error(`${origin} and ${this.origins.get(name)} both become ${name}, but differ: give one its own name in SHARED_NAMES`);
    }
    this.blocks.set(name, block);
    this.origins.set(name, this.origins.get(name) ?? origin);
  }

  /** Emits every queued object type (and those they refer to). */
  drain(): void {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const [token, side] = next;
      const name = tsName(token, side);
      if (this.origins.get(name) === `${token}/${side}`) continue;
      const type = this.schema.types[token];
      if (type.type !== "object") continue;
      // Outputs: what Run:ai returns may leave any field out, so only the schema's own required fields are required.
      this.add(name, `${token}/${side}`, this.interface(name, type.description ?? "", type.properties, type.required ?? [], side));
    }
  }

  text(): string {
    return [...this.blocks.values()].join("\n");
  }
}

function doc(text: string | undefined, indent: string): string {
  if (!text) return "";
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  return lines.length === 1
    ? `${indent}/** ${lines[0]} */\n`
    : `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** Each generated module's text by its path, formatted as the repository's Prettier settings say. */
export function generatedTypes(): Map<string, string> {
  const schema = buildSchema("0.0.0");
  const emitter = new Emitter(schema);
  for (const kind of allKinds()) {
    const resource: ResourceSpec = schema.resources[`runai:index:${kind.type}`];
    // The object holding the name (an asset's meta) is read when the resource is declared, to default the name.
    const plain = kind.identity.namePath?.includes(".") ? [kind.identity.namePath.split(".")[0]] : [];
    emitter.add(
      `${kind.type}Args`,
      kind.type,
      emitter.interface(
        `${kind.type}Args`,
        `The arguments of a ${kind.type}.`,
        resource.inputProperties,
        resource.requiredInputs ?? [],
        "Args",
        plain,
      ),
    );
    emitter.add(
      `${kind.type}Outputs`,
      kind.type,
      emitter.interface(
        `${kind.type}Outputs`,
        `What a ${kind.type} holds once Run:ai has answered.`,
        resource.properties,
        resource.required ?? [],
        "Outputs",
      ),
    );
    emitter.drain();
  }
  emitter.add(
    "ProviderArgs",
    "provider",
    emitter.interface(
      "ProviderArgs",
      "The arguments of an explicit `runai` provider (`Provider` of `pulumi-runai/plugin`): the `runai:*` settings. What is left out falls back to the RUNAI_* environment variables of the provider process.",
      schema.provider.inputProperties,
      [],
      "Args",
    ),
  );
  // The answers: the outputs of the schema's functions, without their null fields.
  for (const lookup of LOOKUPS) {
    const name = resultTypeName(lookup);
    const { outputs } = schema.functions[`runai:index:${lookup.name}`];
    emitter.add(
      `${name}Result`,
      name,
      emitter.interface(`${name}Result`, `What \`${lookup.name}\` answers.`, outputs.properties, outputs.required ?? [], "Result"),
    );
    emitter.drain();
  }
  const header =
    "// Generated by scripts/gen-types.ts from the runai package schema: do not edit. `npm run gen:types`\n" +
    "// rewrites it, and test/tooling/generated-types.test.ts fails when it is stale.\n";
  const types =
    header +
    "/* eslint-disable @typescript-eslint/no-explicit-any */\n" +
    'import type * as pulumi from "@pulumi/pulumi";\n\n' +
    emitter.text();
  return new Map([[GENERATED_TYPES, formatted(GENERATED_TYPES, types)]]);
}

/** A generated module's text as the repository's Prettier settings format it. */
export function formatted(file: string, text: string): string {
  // Prettier in a process of its own: its API is an ES module, which a Jest test cannot load.
  const prettier = path.join(root, "node_modules/prettier/bin/prettier.cjs");
  return execFileSync(process.execPath, [prettier, "--stdin-filepath", file], { input: text, encoding: "utf8" });
}

if (require.main === module) {
  for (const [file, text] of generatedTypes()) {
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
