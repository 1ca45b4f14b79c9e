// The Pulumi package schema of the runai plugin, built from the kind registry and the zod schemas
// (src/schemas), so it can never disagree with what the provider checks. The build writes it to
// dist/plugin/schema.json (scripts/gen-schema.ts); the plugin serves it (GetSchema), and language
// hosts use it: Pulumi YAML type-checks programs against it and marks `secret: true` outputs.
import { z } from "zod";
import { inputJsonSchema } from "../provider/import";
import type { AnyResourceKind } from "../provider/kind";
import { allKinds, kindDescription } from "../provider/registry";
import { SETTINGS } from "../provider/settings";
import type { Setting } from "../provider/settings";
import { AccessRuleStatus, AssetClusterStatusInfo, AssetMeta, ClusterInfo, TotalResources } from "../schemas";
import { functionSpecs } from "./schema-functions";
import type { FunctionSpec } from "./schema-functions";
import { ANY, Converter, token } from "./schema-types";
import type { JsonSchema, ObjectTypeSpec, PropertySpec, TypeSpec } from "./schema-types";
import { PACKAGE } from "./provider";

export { token };
export type { EnumTypeSpec, ObjectTypeSpec, PropertySpec, TypeSpec } from "./schema-types";

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
  meta: { moduleFormat: string; supportPack: boolean };
  language: typeof LANGUAGE;
  config: { variables: Record<string, PropertySpec> };
  provider: ResourceSpec;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
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

/**
 * Where each language's generated SDK lives and what it is called (`pulumi package gen-sdk`). No
 * `pluginDownloadURL`: the plugin is not published for download; it ships in the npm package and
 * as a tarball for `pulumi plugin install --file` (docs/guides/other-languages.md).
 */
export const LANGUAGE = {
  nodejs: { packageName: "@pulumi-runai/runai", respectSchemaVersion: true },
  go: {
    importBasePath: "github.com/pulumi-runai/pulumi-runai/sdk/go/runai",
    modulePath: "github.com/pulumi-runai/pulumi-runai/sdk/go",
    generateResourceContainerTypes: true,
    respectSchemaVersion: true,
  },
  python: { packageName: "pulumi_runai", respectSchemaVersion: true, pyproject: { enabled: true } },
  csharp: { rootNamespace: "PulumiRunai", packageReferences: { Pulumi: "3.*" }, respectSchemaVersion: true },
  java: { basePackage: "com.pulumirunai", buildFiles: "gradle", dependencies: { "com.pulumi:pulumi": "1.+" } },
} as const;

/**
 * Outputs that are not inputs of the kind, and not asset fields: their types and meaning (zod
 * schemas, described like every other field, so one converter reads them all).
 */
const OUTPUT_ONLY: Record<string, z.ZodType> = {
  clientId: z.string().describe("The identifier the application requests tokens with."),
  secret: z.string().describe("The application's client secret (known only when created or regenerated; absent after an import)."),
  createdAt: z.string().describe("When the object was created."),
  createdBy: z.string().describe("Who created the object."),
  updatedAt: z.string().describe("When the object was last changed."),
  lastLogin: z.string().describe("When the application last obtained a token."),
  namespace: z.string().describe("The project's Kubernetes namespace."),
  phase: z.string().describe("The project's phase in its cluster."),
  scopeName: z.string().describe("The name of the rule's scope."),
  totalResources: TotalResources.describe("The quotas of the department or project summed over its node pools."),
  managedNodePoolIds: z
    .array(z.string())
    .describe(
      "The node pools whose quotas the program listed at its last write: a pool dropped from `resources` loses its quota entry at the next update; pools never listed keep theirs.",
    ),
  status: AccessRuleStatus.describe("The status of the rule in its cluster."),
};

/**
 * The outputs every asset has beyond its inputs, and its meta as Run:ai returns it; `always`: the
 * provider returns it whatever Run:ai answers (an empty status for the kinds without one).
 */
const ASSET_OUTPUTS: Record<string, { schema: z.ZodType; suffix?: string; always?: boolean }> = {
  meta: {
    schema: AssetMeta.describe("Name, description, the scope fields, and the read-only ones Run:ai adds."),
    suffix: "Output",
    always: true,
  },
  status: {
    schema: AssetClusterStatusInfo.describe("The sync status; empty for the kinds Run:ai reports none for (compute, NFS, host path)."),
    always: true,
  },
  clusterInfo: {
    schema: ClusterInfo.describe("PVCs and credentials: the Kubernetes objects Run:ai created for the asset in the cluster."),
  },
};

export function buildSchema(version: string): PackageSchema {
  const types: Record<string, TypeSpec> = {};
  const resources: Record<string, ResourceSpec> = {};
  for (const kind of allKinds()) resources[token(kind.type)] = resourceSpec(kind, types);
  const functions = functionSpecs(types);
  const providerInputs = Object.fromEntries(Object.entries(CONFIG_VARIABLES).map(([key, spec]) => [key, { ...spec }]));
  return {
    name: PACKAGE,
    displayName: "Run:ai",
    version,
    description: "NVIDIA Run:ai control-plane objects: assets, credentials, applications, departments, projects and access rules.",
    license: "Apache-2.0",
    keywords: ["pulumi", "runai", "nvidia", "category/cloud", "kind/native"],
    // supportPack: the SDKs carry the schema's version (a Go go.mod, Python's VERSION), so the
    // engine finds the plugin installed at that version.
    meta: { moduleFormat: "(.*)", supportPack: true },
    language: LANGUAGE,
    config: { variables: CONFIG_VARIABLES },
    provider: {
      type: "object",
      description: "The runai provider: which Run:ai tenant to talk to and with which credentials.",
      inputProperties: providerInputs,
      properties: {},
    },
    resources,
    functions,
    types,
  };
}

function resourceSpec(kind: AnyResourceKind, types: Record<string, TypeSpec>): ResourceSpec {
  const secrets = new Set([...(kind.secrets?.inputs ?? []), ...(kind.secrets?.outputs ?? [])]);
  const converter = new Converter(kind.type, types, {
    secrets,
    namePath: kind.identity.namePath,
    required: new Set(kind.requiredInputs ?? []),
  });
  const inputs = inputJsonSchema(kind) as JsonSchema;
  const inputProperties: Record<string, PropertySpec> = {};
  for (const [key, field] of Object.entries(inputs.properties ?? {})) inputProperties[key] = converter.property(field, [key]);
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
    const assetOutput = isAsset ? ASSET_OUTPUTS[key] : undefined;
    if (assetOutput) properties[key] = converter.property(responseSchema(assetOutput.schema), [key], assetOutput.suffix);
    else if (properties[key]) continue;
    else {
      const schema = kind.outputTypes?.[key] ?? OUTPUT_ONLY[key];
      const spec = schema ? converter.property(responseSchema(schema), [key]) : { ...ANY };
      properties[key] = secrets.has(key) ? { ...spec, secret: true } : spec;
    }
  }
  return {
    type: "object",
    description:
      `${kindDescription(kind.type)}\n\n` +
      `Import an existing one with \`pulumi import ${token(kind.type)} <name> <id>\`; secret inputs are never imported.`,
    inputProperties,
    ...(requiredInputs.length > 0 ? { requiredInputs } : {}),
    properties,
    // What a program must write, Run:ai always returns (and the name, which defaults to the resource's).
    required: outputKeys(kind).filter(
      (key) => requiredInputs.includes(key) || key === kind.identity.namePath || (isAsset && ASSET_OUTPUTS[key]?.always),
    ),
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
  return [
    ...Object.keys(kind.toOutputs(standIn)),
    ...(kind.writeOnlyInputs ?? []).map((path) => path.split(".")[0]),
    ...(kind.programRecord?.keys ?? []),
  ].filter((key, index, all) => all.indexOf(key) === index);
}
