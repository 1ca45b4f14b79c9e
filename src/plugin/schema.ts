// The Pulumi package schema of the runai plugin, built from the kind registry and the zod schemas
// (src/schemas), so it can never disagree with what the provider checks. The build writes it to
// dist/plugin/schema.json (scripts/gen-schema.ts); the plugin serves it (GetSchema), and language
// hosts use it: Pulumi YAML type-checks programs against it and marks `secret: true` outputs.
import { z } from "zod";
import { DEFAULT_RETRY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from "../provider/config";
import { inputJsonSchema } from "../provider/import";
import type { AnyResourceKind } from "../provider/kind";
import { allKinds } from "../provider/registry";
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
 * The provider's settings: the same `runai:*` keys the dynamic resources read (src/provider/config.ts;
 * a unit test checks that both lists agree), typed for the languages that declare a provider, with
 * each one's environment variable and default (docs/installation-configuration.md is generated from them).
 */
export const CONFIG_VARIABLES: Record<string, PropertySpec> = {
  url: {
    type: "string",
    description:
      "Run:ai control-plane URL, e.g. https://acme.run.ai. http:// is refused for non-loopback hosts unless allowInsecureHttp is true.",
    defaultInfo: { environment: ["RUNAI_URL"] },
  },
  clientId: { type: "string", description: "Application (client credentials) id.", defaultInfo: { environment: ["RUNAI_CLIENT_ID"] } },
  clientSecret: {
    type: "string",
    secret: true,
    description: "Application secret, exchanged for a token that is cached per provider process and renewed before it expires.",
    defaultInfo: { environment: ["RUNAI_CLIENT_SECRET"] },
  },
  token: {
    type: "string",
    secret: true,
    description: "A static bearer token instead of client credentials.",
    defaultInfo: { environment: ["RUNAI_TOKEN"] },
  },
  waitForSync: {
    type: "boolean",
    description:
      "Wait until Run:ai reports an object synced to its clusters after each write (false returns as soon as Run:ai accepts the write).",
    default: true,
    defaultInfo: { environment: ["RUNAI_WAIT_FOR_SYNC"] },
  },
  timeoutSeconds: {
    type: "number",
    description: "How long to wait for sync or deletion, in seconds.",
    default: DEFAULT_TIMEOUT_SECONDS,
    defaultInfo: { environment: ["RUNAI_TIMEOUT_SECONDS"] },
  },
  requestTimeoutSeconds: {
    type: "number",
    description:
      "How long one HTTP request attempt (headers and body) may take before it counts as failed and is retried, in seconds: 60 unless timeoutSeconds is smaller.",
    defaultInfo: { environment: ["RUNAI_REQUEST_TIMEOUT_SECONDS"] },
  },
  retryTimeoutSeconds: {
    type: "number",
    description:
      "How long one API call keeps retrying transient failures (network errors, 408, 429, 5xx), in seconds. Waits back off exponentially, at most 10 s each, and honour Retry-After.",
    default: DEFAULT_RETRY_TIMEOUT_SECONDS,
    defaultInfo: { environment: ["RUNAI_RETRY_TIMEOUT_SECONDS"] },
  },
  allowInsecureHttp: {
    type: "boolean",
    description: "Allow http:// to a non-loopback host.",
    default: false,
    defaultInfo: { environment: ["RUNAI_ALLOW_INSECURE_HTTP"] },
  },
  caBundle: {
    type: "string",
    description: "Extra CA certificates to trust: PEM text or the path of a PEM file.",
    defaultInfo: { environment: ["RUNAI_CA_BUNDLE"] },
  },
  adoptExisting: {
    type: "boolean",
    description:
      "Take over every object whose name is taken, as if each resource said adoptExisting: true. Meant for one run (a resource that says adoptExisting: false still refuses).",
    default: false,
    defaultInfo: { environment: ["RUNAI_ADOPT_EXISTING"] },
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
  const secrets = new Set([...(kind.secretInputs ?? []), ...(kind.secretOutputs ?? [])]);
  const converter = new Converter(kind.type, types, {
    secrets,
    docs,
    namePath: kind.namePath,
    required: new Set(kind.requiredInputs ?? []),
  });
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
    // What a program must write, Run:ai always returns (and the name, which defaults to the resource's).
    required: outputKeys(kind).filter((key) => requiredInputs.includes(key) || key === kind.namePath),
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
