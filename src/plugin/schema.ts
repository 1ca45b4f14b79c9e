// The Pulumi package schema of the runai plugin, built from the kind registry and the zod schemas
// (src/schemas), so it can never disagree with what the provider checks. The build writes it to
// dist/plugin/schema.json (scripts/gen-schema.ts); the plugin serves it (GetSchema), and language
// hosts use it: Pulumi YAML type-checks programs against it and marks `secret: true` outputs.
import { z } from "zod";
import { inputJsonSchema } from "../provider/import";
import type { AnyResourceKind } from "../provider/kind";
import { allKinds } from "../provider/registry";
import { AccessRuleStatus, AssetClusterStatusInfo, AssetMeta, ClusterInfo, TotalResources } from "../schemas";
import { MODULE, PACKAGE } from "./provider";

/** A property of the Pulumi schema (the subset we write). */
export interface PropertySpec {
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  secret?: boolean;
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface ResourceSpec extends ObjectTypeSpec {
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
}

export interface PackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  license: string;
  repository?: string;
  keywords: string[];
  config: { variables: Record<string, PropertySpec> };
  provider: ResourceSpec;
  resources: Record<string, ResourceSpec>;
  types: Record<string, ObjectTypeSpec>;
}

/**
 * Descriptions of the properties the zod schemas leave undescribed (zod keeps no doc comments):
 * the description of `key` in an object with these keys. The build reads them from the source
 * (scripts/schema-docs.js); without it, properties have only the descriptions below.
 */
export type PropertyDocs = (objectKeys: readonly string[], key: string) => string | undefined;

/** Properties every asset, or many kinds, share. */
const COMMON_DOCS: Record<string, string> = {
  meta: "Name (defaults to the resource name), description, and the scope fields, which are fixed at creation.",
  spec: "The kind's settings.",
  status: "The sync status of the object in its clusters.",
  clusterInfo: "PVCs and credentials: the Kubernetes objects Run:ai created for the asset in the cluster.",
};

/**
 * The provider's settings: the same `runai:*` keys the dynamic resources read (src/provider/config.ts;
 * a unit test checks that both lists agree), typed for the languages that declare a provider.
 */
export const CONFIG_VARIABLES: Record<string, PropertySpec> = {
  url: {
    type: "string",
    description:
      "Run:ai control-plane URL, e.g. https://acme.run.ai (or RUNAI_URL). http:// is refused for non-loopback hosts unless allowInsecureHttp is true.",
  },
  clientId: { type: "string", description: "Application (client credentials) id (or RUNAI_CLIENT_ID)." },
  clientSecret: {
    type: "string",
    secret: true,
    description: "Application secret (or RUNAI_CLIENT_SECRET), exchanged for a token that is cached per provider process.",
  },
  token: { type: "string", secret: true, description: "A static bearer token instead of client credentials (or RUNAI_TOKEN)." },
  waitForSync: {
    type: "boolean",
    description: "Wait until Run:ai reports an asset synced to its clusters (default true; or RUNAI_WAIT_FOR_SYNC).",
  },
  timeoutSeconds: {
    type: "number",
    description: "How long to wait for sync or deletion, in seconds (default 300; or RUNAI_TIMEOUT_SECONDS).",
  },
  requestTimeoutSeconds: {
    type: "number",
    description:
      "How long one HTTP request attempt may take, in seconds (default 60, or timeoutSeconds when smaller; or RUNAI_REQUEST_TIMEOUT_SECONDS).",
  },
  retryTimeoutSeconds: {
    type: "number",
    description:
      "How long one API call keeps retrying transient failures (network errors, 408, 429, 5xx), in seconds (default 60; or RUNAI_RETRY_TIMEOUT_SECONDS).",
  },
  allowInsecureHttp: {
    type: "boolean",
    description: "Allow http:// to a non-loopback host (default false; or RUNAI_ALLOW_INSECURE_HTTP).",
  },
  caBundle: { type: "string", description: "Extra CA certificates to trust: PEM text or the path of a PEM file (or RUNAI_CA_BUNDLE)." },
  adoptExisting: {
    type: "boolean",
    description:
      "Take over every object whose name is taken, as if each resource said adoptExisting: true (default false; or RUNAI_ADOPT_EXISTING). Meant for one run.",
  },
};

/** Outputs that are not inputs of the kind, and not asset fields: their types and meaning. */
const OUTPUT_ONLY: Record<string, { schema?: z.ZodType; spec?: PropertySpec }> = {
  clientId: { spec: { type: "string", description: "The identifier the application requests tokens with." } },
  secret: {
    spec: {
      type: "string",
      description: "The application's client secret (known only when created or regenerated; absent after an import).",
    },
  },
  createdAt: { spec: { type: "string", description: "When the object was created." } },
  createdBy: { spec: { type: "string", description: "Who created the object." } },
  updatedAt: { spec: { type: "string", description: "When the object was last changed." } },
  lastLogin: { spec: { type: "string", description: "When the application last obtained a token." } },
  namespace: { spec: { type: "string", description: "The project's Kubernetes namespace." } },
  phase: { spec: { type: "string", description: "The project's phase in its cluster." } },
  scopeName: { spec: { type: "string", description: "The name of the rule's scope." } },
  totalResources: { schema: TotalResources },
  status: { schema: AccessRuleStatus },
};

type JsonSchema = {
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

const ANY: PropertySpec = { $ref: "pulumi.json#/Any" };

export function buildSchema(version: string, docs: PropertyDocs = () => undefined): PackageSchema {
  const types: Record<string, ObjectTypeSpec> = {};
  const resources: Record<string, ResourceSpec> = {};
  for (const kind of allKinds()) resources[token(kind.type)] = resourceSpec(kind, types, docs);
  const providerInputs = Object.fromEntries(Object.entries(CONFIG_VARIABLES).map(([key, spec]) => [key, { ...spec }]));
  return {
    name: PACKAGE,
    displayName: "Run:ai",
    version,
    description: "NVIDIA Run:ai control-plane objects: assets, credentials, applications, departments, projects and access rules.",
    license: "Apache-2.0",
    keywords: ["pulumi", "runai", "nvidia", "category/cloud", "kind/native"],
    config: { variables: CONFIG_VARIABLES },
    provider: {
      type: "object",
      description: "The runai provider: which Run:ai tenant to talk to and with which credentials.",
      inputProperties: providerInputs,
      properties: {},
    },
    resources,
    types,
  };
}

export function token(type: string): string {
  return `${PACKAGE}:${MODULE}:${type}`;
}

function resourceSpec(kind: AnyResourceKind, types: Record<string, ObjectTypeSpec>, docs: PropertyDocs): ResourceSpec {
  const secrets = new Set([...(kind.secretInputs ?? []), ...(kind.secretOutputs ?? [])]);
  const converter = new Converter(kind.type, types, secrets, docs, kind.namePath);
  const inputs = inputJsonSchema(kind) as JsonSchema;
  const inputProperties: Record<string, PropertySpec> = {};
  const inputKeys = Object.keys(inputs.properties ?? {});
  for (const [key, field] of Object.entries(inputs.properties ?? {}))
    inputProperties[key] = converter.property(field, [key], "", inputKeys);
  inputProperties.adoptExisting = {
    type: "boolean",
    description: kind.namePath
      ? `Take over an existing ${kind.label} with the same ${kind.namePath.startsWith("meta.") ? "name and scope" : "name"} instead of failing with "already exists".`
      : `Take over an existing ${kind.label} with the same inputs instead of failing with "already exists".`,
  };
  const requiredInputs = (inputs.required ?? []).filter((key) => key !== kind.namePath);
  const isAsset = "meta" in inputProperties && "spec" in inputProperties;
  const properties: Record<string, PropertySpec> = { ...inputProperties };
  for (const key of outputKeys(kind)) {
    if (isAsset && key === "meta") properties.meta = converter.property(responseSchema(AssetMeta), ["meta"], "Output");
    else if (isAsset && key === "status") properties.status = converter.property(responseSchema(AssetClusterStatusInfo), ["status"]);
    else if (isAsset && key === "clusterInfo") properties.clusterInfo = converter.property(responseSchema(ClusterInfo), ["clusterInfo"]);
    else if (properties[key]) continue;
    else {
      const known = OUTPUT_ONLY[key];
      properties[key] = known?.spec
        ? { ...known.spec, ...(secrets.has(key) ? { secret: true } : {}) }
        : known?.schema
          ? converter.property(responseSchema(known.schema), [key])
          : { ...ANY };
    }
  }
  return {
    type: "object",
    description:
      `A Run:ai ${kind.label}.\n\n` +
      `Import an existing one with \`pulumi import ${token(kind.type)} <name> <id>\`; secret inputs are never imported.`,
    inputProperties,
    ...(requiredInputs.length > 0 ? { requiredInputs } : {}),
    properties,
    required: outputKeys(kind).filter((key) => key === "meta" || key === "spec" || key === kind.namePath),
  };
}

function responseSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
}

/** The top-level keys of a kind's outputs, found by running its `toOutputs` on a stand-in object. */
function outputKeys(kind: AnyResourceKind): string[] {
  const standIn: unknown = new Proxy(function () {}, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => "" : standIn),
    apply: () => standIn,
  });
  return [...Object.keys(kind.toOutputs(standIn)), ...(kind.inputOnly ?? []).map((path) => path.split(".")[0])].filter(
    (key, index, all) => all.indexOf(key) === index,
  );
}

/** JSON Schema (zod's) → Pulumi property specs; objects with properties become named types. */
class Converter {
  constructor(
    private readonly type: string,
    private readonly types: Record<string, ObjectTypeSpec>,
    private readonly secrets: ReadonlySet<string>,
    private readonly docs: PropertyDocs,
    /** The name's path: it defaults to the resource's name (as in the TypeScript classes), so it is never required. */
    private readonly namePath?: string,
  ) {}

  /** `siblings`: the keys of the object holding this property, to find its description by. */
  property(schema: JsonSchema, path: string[], suffix = "", siblings: readonly string[] = []): PropertySpec {
    const spec = this.convert(schema, path, suffix);
    const dotted = path.join(".").replace(/\.\[\]/g, "[]");
    const key = path[path.length - 1];
    const description =
      schema.description ??
      (siblings.length > 0 ? this.docs(siblings, key) : undefined) ??
      (path.length === 1 ? COMMON_DOCS[key] : undefined);
    if (description && !spec.description) spec.description = description;
    if (this.secrets.has(dotted)) spec.secret = true;
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
    const type = (Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null") : [schema.type]).filter(Boolean)[0];
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
        if (schema.enum && schema.enum.every((value) => typeof value === "string")) return { type: "string" };
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
    const name = `${this.type}${path
      .filter((part) => part !== "[]" && part !== "*")
      .map(pascal)
      .join("")}${suffix}`;
    const properties: Record<string, PropertySpec> = {};
    const keys = fields.map(([key]) => key);
    for (const [key, field] of fields) properties[key] = this.property(field, [...path, key], suffix, keys);
    const required = (schema.required ?? []).filter(
      (key) => key in properties && (suffix !== "" || [...path, key].join(".") !== this.namePath),
    );
    this.types[token(name)] = { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
    return { $ref: `#/types/${token(name)}` };
  }
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
