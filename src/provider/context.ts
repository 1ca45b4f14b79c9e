// What every provider operation works with: the settings of this provider process and the client
// built from them. Resolved once per process (the engine calls configure() once per provider) and
// handed to the resource adapter, instead of re-reading configuration at every call.
import { createHash } from "node:crypto";
import { RunaiClient } from "../client/client";
import type { RunaiClientOptions } from "../client";
import { resolveSettings } from "./config";
import type { ConfigSource, ProviderSettings } from "./config";
import { checkCredentials } from "./credential-check";

export interface ProviderContext {
  client: RunaiClient;
  /** Wait until the control plane reports a write applied (runai:waitForSync). */
  waitForSync: boolean;
  /** Budget for one sync or deletion wait (runai:timeoutSeconds). */
  timeoutSeconds: number;
  /** Adopt every taken name this run (runai:adoptExisting / RUNAI_ADOPT_EXISTING), e.g. after an interrupted up. */
  adoptExisting: boolean;
}

/** Resolves the settings and finds the client for them. Throws ProviderConfigError on bad settings. */
export function createContext(stack: ConfigSource | undefined, env: NodeJS.ProcessEnv = process.env): ProviderContext {
  return contextOf(resolveSettings(stack, env));
}

function contextOf(settings: ProviderSettings): ProviderContext {
  return {
    client: clientFor(settings.client),
    waitForSync: settings.waitForSync,
    timeoutSeconds: settings.timeoutSeconds,
    adoptExisting: settings.adoptExisting,
  };
}

/** A provider's context, resolved on first use and then kept (see lazyContext). */
export interface LazyContext {
  /** The context; throws ProviderConfigError on bad settings, at this call and every later one. */
  (): ProviderContext;
  /**
   * The context once Run:ai has accepted its credentials (asked once per client in the process).
   * `check` calls it, so a bad setting or a refused secret fails a preview once, up front.
   */
  verified(): Promise<ProviderContext>;
}

/**
 * A context resolved on first use and then kept. A configuration error is raised at the first
 * operation that needs it (at `check`, not at configure(), where the engine would report it without
 * naming a resource), and again at every later one.
 */
export function lazyContext(stack: ConfigSource | undefined): LazyContext {
  let resolved: { settings: ProviderSettings; context: ProviderContext } | undefined;
  const resolve = () => {
    if (!resolved) {
      const settings = resolveSettings(stack);
      resolved = { settings, context: contextOf(settings) };
    }
    return resolved;
  };
  const context = () => resolve().context;
  return Object.assign(context, {
    async verified() {
      const { context: resolvedContext } = resolve();
      await checkCredentials(resolvedContext.client);
      return resolvedContext;
    },
  });
}

// One client per distinct connection setting in this process, so every resource type the engine
// hands us shares one token cache and one pool of keep-alive connections. Keyed by a digest: the
// cache must not hold the secret's text as a key.
const clients = new Map<string, RunaiClient>();

function clientFor(options: RunaiClientOptions): RunaiClient {
  const key = createHash("sha256")
    .update(
      JSON.stringify([options.url, options.auth, options.caBundle ?? null, options.timeoutMs ?? null, options.retry?.budgetMs ?? null]),
    )
    .digest("hex");
  let client = clients.get(key);
  if (!client) {
    client = new RunaiClient({ ...options, log: (line) => userLog(`pulumi-runai: ${line}`) });
    clients.set(key, client);
  }
  return client;
}

/**
 * Where the client's lines for the user (a call waiting to retry) go. By default the provider
 * process's stderr, which the dynamic host's engine shows in the CLI's output (since Pulumi 3.146);
 * the plugin host, whose stderr the engine keeps for its own log, sends them to the engine instead
 * (see setUserLog). Provider code must not call pulumi.log: it would be serialized into state (shim.ts).
 */
let userLog: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Sends the lines meant for the user to `sink` from now on, for every client of this process. */
export function setUserLog(sink: (line: string) => void): void {
  userLog = sink;
}
