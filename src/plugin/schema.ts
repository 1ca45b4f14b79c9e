// The Pulumi package schema of the runai plugin, built from the kind registry and the zod schemas
// (src/schemas), so it can never disagree with what the provider checks. The build writes it to
// dist/plugin/schema.json (scripts/gen-schema.ts); the plugin serves it (GetSchema), and language
// hosts use it: Pulumi YAML type-checks programs against it and marks `secret: true` outputs.
import { z } from "zod";
import { inputJsonSchema } from "../provider/import";
import type { AnyResourceKind } from "../provider/kind";
import { allKinds } from "../provider/registry";
import { SETTINGS } from "../provider/settings";
import type { Setting } from "../provider/settings";
import { AccessRuleStatus, AssetClusterStatusInfo, AssetMeta, ClusterInfo, TotalResources } from "../schemas";
import { ANY, Converter, token } from "./schema-types";
import type { JsonSchema, ObjectTypeSpec, PropertyDocs, PropertySpec, TypeSpec } from "./schema-types";
import { PACKAGE } from "./provider";

export { token };
export type { EnumTypeSpec, ObjectTypeSpec, PropertyDocs, PropertySpec, TypeSpec } from "./schema-types";

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
  types: Record<string, TypeSpec>;
}

/**
 * The provider's settings, typed for the languages that declare a provider, each with its
 * environment variable and default: the settings table (src/provider/settings.ts), the same
 * `runai:*` keys the dynamic resources read.
 */
export const CONFIG_VARIABLES: Record<string, PropertySpec> = Object.fromEntries(
  (SETTINGS as readonly Setting[]).map((entry) => [
    entry.key,
    {
      type: entry.type,
      ...(entry.secret ? { secret: true } : {}),
      description: entry.description,
      ...(entry.default !== undefined ? { default: entry.default } : {}),
      defaultInfo: { environment: [entry.env] },
    },
  ]),
);

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

export function buildSchema(version: string, docs: PropertyDocs = () => undefined): PackageSchema {
  const types: Record<string, TypeSpec> = {};
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

function resourceSpec(kind: AnyResourceKind, types: Record<string, TypeSpec>, docs: PropertyDocs): ResourceSpec {
  const secrets = new Set([...(kind.secrets?.inputs ?? []), ...(kind.secrets?.outputs ?? [])]);
  const converter = new Converter(kind.type, types, {
    secrets,
    docs,
    namePath: kind.identity.namePath,
    required: new Set(kind.requiredInputs ?? []),
  });
  const inputs = inputJsonSchema(kind) as JsonSchema;
  const inputProperties: Record<string, PropertySpec> = {};
  const inputKeys = Object.keys(inputs.properties ?? {});
  for (const [key, field] of Object.entries(inputs.properties ?? {}))
    inputProperties[key] = converter.property(field, [key], "", inputKeys);
  inputProperties.adoptExisting = {
    type: "boolean",
    description: kind.identity.namePath
      ? `Take over an existing ${kind.label} with the same ${kind.identity.namePath.startsWith("meta.") ? "name and scope" : "name"} instead of failing with "already exists".`
      : `Take over an existing ${kind.label} with the same inputs instead of failing with "already exists".`,
  };
  const requiredInputs = (inputs.required ?? []).filter((key) => key !== kind.identity.namePath);
  const isAsset = "meta" in inputProperties && "spec" in inputProperties;
  const properties: Record<string, PropertySpec> = { ...inputProperties };
  for (const key of outputKeys(kind)) {
    if (isAsset && key === "meta") properties.meta = converter.property(responseSchema(AssetMeta), ["meta"], "Output");
    else if (isAsset && key === "status") properties.status = converter.property(responseSchema(AssetClusterStatusInfo), ["status"]);
    else if (isAsset && key === "clusterInfo") properties.clusterInfo = converter.property(responseSchema(ClusterInfo), ["clusterInfo"]);
    else if (properties[key]) continue;
    else if (kind.outputTypes?.[key]) {
      const spec = converter.property(responseSchema(kind.outputTypes[key]), [key]);
      properties[key] = secrets.has(key) ? { ...spec, secret: true } : spec;
    } else {
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
    // What a program must write, Run:ai always returns (and the name, which defaults to the resource's).
    required: outputKeys(kind).filter((key) => requiredInputs.includes(key) || key === kind.identity.namePath),
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
  return [...Object.keys(kind.toOutputs(standIn)), ...(kind.secrets?.inputOnly ?? []).map((path) => path.split(".")[0])].filter(
    (key, index, all) => all.indexOf(key) === index,
  );
}
