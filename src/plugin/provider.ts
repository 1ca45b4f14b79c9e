// The runai plugin's provider: the engine's resource calls for `runai:index:<Type>`, routed by the
// URN's type to the same provider objects the dynamic resources use (`providerFor(type)`,
// src/provider/registry.ts). What differs from the dynamic host is handled here and nowhere else:
//  - secrets arrive wrapped and must be wrapped again on the way out (./secrets.ts);
//  - the provider's settings come from the Configure call (./configuration.ts);
//  - a read with only an id is an import: the object's inputs are returned as well;
//  - a name left out defaults to the resource's name, as the resource classes do it;
//  - the URN tells check which resource asks, as the classes' hidden input does (provider/unique-claims.ts);
//  - the look-ups are functions, `runai:index:getProject` (./invoke.ts).
// The registry (zod, the client) is loaded after Configure or at the first call, not at start-up:
// the engine starts a plugin process only to read its schema, too.
import type * as pulumiProvider from "@pulumi/pulumi/provider";
import type { DynamicProvider } from "../provider/adapter";
import type { AnyResourceKind, Json } from "../provider/kind";
import { DECLARED_BY } from "../provider/unique-claims";
import type { PluginConfig } from "./configuration";
import { LookupInvoker } from "./invoke";
import { parseSecretPath, unwrapSecrets, withSecrets } from "./secrets";
import type { SecretPath } from "./secrets";

import { MODULE, PACKAGE } from "./token";

export { MODULE, PACKAGE } from "./token";

interface Route {
  type: string;
  kind: AnyResourceKind;
  provider: DynamicProvider;
  /** Where the kind's outputs hold secrets, whatever the inputs were. */
  secretPaths: SecretPath[];
}

type Registry = typeof import("../provider/registry");
type Importer = typeof import("../provider/import");

export class RunaiPluginProvider implements pulumiProvider.Provider {
  private registry?: Promise<Registry>;
  private readonly configured = new Set<string>();
  private readonly lookups: LookupInvoker;

  /**
   * @param version this package's version (GetPluginInfo).
   * @param config the settings of this provider process, asked at the first call that needs them.
   * @param loadSchema the package schema (GetSchema).
   */
  constructor(
    readonly version: string,
    private readonly config: () => PluginConfig,
    private readonly loadSchema: () => Promise<string>,
    /** Where the provider's lines for the user go (see engine-log.ts); stderr when absent. */
    private readonly userLog?: () => (line: string) => void,
  ) {
    this.lookups = new LookupInvoker(`${PACKAGE}:${MODULE}:`, config);
  }

  getSchema(): Promise<string> {
    return this.loadSchema();
  }

  /** A look-up (`runai:index:getProject`), as the TypeScript one. */
  invoke(token: string, inputs: Json): Promise<pulumiProvider.InvokeResult> {
    return this.lookups.invoke(token, inputs);
  }

  async check(urn: string, olds: Json, news: Json): Promise<pulumiProvider.CheckResult> {
    const route = await this.route(urn);
    const { value: plain, paths } = unwrapSecrets(news);
    // The URN says which resource this is, for the check that refuses two owning one Run:ai object.
    const declared = { ...withDefaultName(route.kind, plain, nameOf(urn)), [DECLARED_BY]: { id: urn, name: nameOf(urn) } };
    const result = await route.provider.check!(unwrapSecrets(olds).value, declared);
    return { inputs: withSecrets(result.inputs ?? plain, [...paths, ...route.secretPaths]), failures: result.failures ?? [] };
  }

  async diff(id: string, urn: string, olds: Json, news: Json): Promise<pulumiProvider.DiffResult> {
    const route = await this.route(urn);
    return route.provider.diff!(id, unwrapSecrets(olds).value, unwrapSecrets(news).value);
  }

  async create(urn: string, inputs: Json): Promise<pulumiProvider.CreateResult> {
    const route = await this.route(urn);
    const { value: plain, paths } = unwrapSecrets(inputs);
    const secrets = [...paths, ...route.secretPaths];
    try {
      const result = await route.provider.create(plain);
      return { id: result.id, outs: withSecrets(result.outs, secrets) };
    } catch (err) {
      throw initFailure(err, secrets);
    }
  }

  async read(id: string, urn: string, props?: Json): Promise<pulumiProvider.ReadResult> {
    const route = await this.route(urn);
    const { value: plain, paths } = unwrapSecrets(props ?? {});
    const importing = Object.keys(plain).length === 0;
    const result = await route.provider.read!(id, plain);
    if (!result.id || !result.props) {
      if (importing)
        throw new Error(`cannot import ${PACKAGE}:${MODULE}:${route.type} "${id}": Run:ai has no ${route.kind.label} with this id`);
      return { id: "", props: {} }; // gone: refresh drops it from state
    }
    const outs = withSecrets(result.props, [...paths, ...route.secretPaths]);
    if (!importing) return { id: result.id, props: outs };
    const importer: Importer = await import("../provider/import");
    return { id: result.id, props: outs, inputs: importer.importedInputs(route.kind, result.props) };
  }

  async update(id: string, urn: string, olds: Json, news: Json): Promise<pulumiProvider.UpdateResult> {
    const route = await this.route(urn);
    const { value: plain, paths } = unwrapSecrets(news);
    const secrets = [...paths, ...route.secretPaths];
    try {
      const result = await route.provider.update!(id, unwrapSecrets(olds).value, plain);
      return { outs: withSecrets(result.outs ?? {}, secrets) };
    } catch (err) {
      throw initFailure(err, secrets);
    }
  }

  async delete(id: string, urn: string, props: Json): Promise<void> {
    const route = await this.route(urn);
    await route.provider.delete!(id, unwrapSecrets(props).value);
  }

  /** Loads the provider code ahead of the first resource call; a failure is that call's to report. */
  warmUp(): void {
    (this.registry ??= this.loadRegistry()).catch(() => undefined);
  }

  /** The registry, and with it the provider code, loaded at the first resource call (or `warmUp`). */
  private async loadRegistry(): Promise<Registry> {
    const registry = await import("../provider/registry");
    if (this.userLog) (await import("../provider/context")).setUserLog(this.userLog());
    return registry;
  }

  /** The kind and provider object of the URN's type, configured for this process at first use. */
  private async route(urn: string): Promise<Route> {
    const registry = await (this.registry ??= this.loadRegistry());
    const token = typeOf(urn);
    const prefix = `${PACKAGE}:${MODULE}:`;
    const type = token.startsWith(prefix) ? token.slice(prefix.length) : token;
    if (!token.startsWith(prefix) || !registry.RESOURCE_TYPES.includes(type)) {
      throw new Error(
        `unknown resource type ${token}: this runai plugin (v${this.version}) serves ${registry.RESOURCE_TYPES.map((t) => prefix + t).join(", ")}`,
      );
    }
    const kind = registry.kindFor(type);
    const provider = registry.providerFor(type);
    if (!this.configured.has(type)) {
      // The adapter's configure resolves nothing yet: a bad setting fails the first call that needs Run:ai.
      await provider.configure({ config: this.config() } as unknown as Parameters<DynamicProvider["configure"]>[0]);
      this.configured.add(type);
    }
    return { type, kind, provider, secretPaths: secretPathsOf(kind) };
  }
}

/** The secret paths of a kind: its secret inputs (carried into the outputs) and its secret outputs. */
export function secretPathsOf(kind: AnyResourceKind): SecretPath[] {
  return [...(kind.secrets?.inputs ?? []), ...(kind.secrets?.outputs ?? [])].map(parseSecretPath);
}

/** `pkg:mod:Type` of a URN (`urn:pulumi:stack::project::parent$type::name`). */
function typeOf(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

function nameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** The inputs with the kind's name (e.g. `meta.name`) set to the resource name when the program left it out. */
function withDefaultName(kind: AnyResourceKind, inputs: Json, name: string): Json {
  if (!kind.identity.namePath) return inputs;
  const parts = kind.identity.namePath.split(".");
  const out: Json = { ...inputs };
  let target = out;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    // A missing or unknown parent is the schema's to report.
    if (!next || typeof next !== "object" || Array.isArray(next)) return inputs;
    target = target[part] = { ...(next as Json) };
  }
  const last = parts[parts.length - 1];
  if (target[last] === undefined || target[last] === null) target[last] = name;
  return out;
}

/**
 * An object that was written although the call failed reaches the state with the error
 * (ErrorResourceInitFailed, built by the SDK from `id` and `properties`): its properties are the
 * plugin's outputs, with secrets wrapped and without the dynamic host's `__provider`.
 */
function initFailure(err: unknown, secrets: SecretPath[]): unknown {
  if (!(err instanceof Error) || !("id" in err) || !("properties" in err)) return err;
  const properties = { ...(err.properties as Json) };
  delete properties.__provider;
  return Object.assign(err, { properties: withSecrets(properties, secrets) });
}
