// Provider configuration: stack config (handed to the dynamic provider's configure()) first, then
// environment variables. Resolved in the provider process (once, see context.ts), never captured in
// state and never resource inputs, so credentials can rotate without touching a single resource.
// The keys, their variables and defaults are the settings table's (settings.ts).
import * as fs from "node:fs";
import type { RunaiClientOptions } from "../client";
import { baseUrl } from "../client/base-url";
import { ProviderConfigError } from "./errors";
import { DEFAULT_REQUEST_TIMEOUT_SECONDS, DEFAULT_RETRY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, setting } from "./settings";
import type { SettingKey } from "./settings";

/** The subset of the dynamic provider's config object that we use. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface ProviderSettings {
  client: RunaiClientOptions;
  waitForSync: boolean;
  timeoutSeconds: number;
  /** Take over every object whose name is taken, as if each resource said adoptExisting: true. */
  adoptExisting: boolean;
}

export { DEFAULT_REQUEST_TIMEOUT_SECONDS, DEFAULT_RETRY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from "./settings";

type Key = SettingKey;

/** Reads one setting: stack config first, then its environment variable; blank counts as unset. */
function lookupSetting(key: Key, stack: ConfigSource | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return nonEmpty(stack?.get(`runai:${key}`)) ?? nonEmpty(env[setting(key).env]);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function describe(key: Key): string {
  return `runai:${key} (or the ${setting(key).env} environment variable)`;
}

function parseBoolean(key: Key, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ProviderConfigError(`${describe(key)} must be true or false, got "${value}"`);
}

/**
 * Resolves the settings from the stack config the engine passed to configure() (if any) and the
 * environment. Throws a ProviderConfigError naming the key to set.
 */
export function resolveSettings(stack: ConfigSource | undefined, env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const lookup = (key: Key) => lookupSetting(key, stack, env);
  const rawUrl = lookup("url");
  if (!rawUrl) {
    throw new ProviderConfigError(
      "missing Run:ai URL: set it with `pulumi config set runai:url https://<tenant>.run.ai` or the RUNAI_URL environment variable",
    );
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ProviderConfigError(`${describe("url")} is not a valid URL: "${rawUrl}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ProviderConfigError(`${describe("url")} must use https:// (got ${url.protocol}//)`);
  }
  const allowInsecureHttp = parseBoolean("allowInsecureHttp", lookup("allowInsecureHttp"), false);
  if (url.protocol === "http:" && !isLoopback(url.hostname) && !allowInsecureHttp) {
    throw new ProviderConfigError(
      `${describe("url")} uses http:// for the non-loopback host "${url.hostname}": credentials would travel in clear text. ` +
        "Use https://, or set runai:allowInsecureHttp to true if you really mean it",
    );
  }

  const token = lookup("token");
  const clientId = lookup("clientId");
  const clientSecret = lookup("clientSecret");
  let auth: RunaiClientOptions["auth"];
  if (clientId || clientSecret) {
    if (!clientId) throw new ProviderConfigError(`missing ${describe("clientId")}: it is needed with runai:clientSecret`);
    if (!clientSecret) {
      throw new ProviderConfigError(
        `missing ${describe("clientSecret")}: set it with \`pulumi config set --secret runai:clientSecret <secret>\``,
      );
    }
    auth = { clientId, clientSecret };
  } else if (token) {
    auth = { token };
  } else {
    throw new ProviderConfigError(
      "missing Run:ai credentials: set runai:clientId and runai:clientSecret (`pulumi config set --secret runai:clientSecret …`), " +
        "or runai:token, or the RUNAI_CLIENT_ID and RUNAI_CLIENT_SECRET (or RUNAI_TOKEN) environment variables",
    );
  }

  const timeoutSeconds = parseSeconds("timeoutSeconds", lookup("timeoutSeconds"), DEFAULT_TIMEOUT_SECONDS);
  // One attempt never outlasts the whole operation's budget.
  const requestTimeoutSeconds = parseSeconds(
    "requestTimeoutSeconds",
    lookup("requestTimeoutSeconds"),
    Math.min(timeoutSeconds, DEFAULT_REQUEST_TIMEOUT_SECONDS),
  );

  const retryTimeoutSeconds = parseSeconds("retryTimeoutSeconds", lookup("retryTimeoutSeconds"), DEFAULT_RETRY_TIMEOUT_SECONDS);

  return {
    client: {
      url: baseUrl(url.toString()),
      auth,
      caBundle: readCaBundle(lookup("caBundle")),
      timeoutMs: requestTimeoutSeconds * 1000,
      // Attempts are bounded by time, not count: the backoff (capped at 10 s) keeps them sparse.
      retry: { maxAttempts: Infinity, budgetMs: retryTimeoutSeconds * 1000 },
    },
    waitForSync: parseBoolean("waitForSync", lookup("waitForSync"), true),
    timeoutSeconds,
    adoptExisting: parseBoolean("adoptExisting", lookup("adoptExisting"), false),
  };
}

function parseSeconds(key: Key, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ProviderConfigError(`${describe(key)} must be a positive number of seconds, got "${value}"`);
  }
  return seconds;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

// runai:caBundle holds PEM text, or the path of a PEM file (handier with `pulumi config set`).
function readCaBundle(value: string | undefined): string | undefined {
  if (value === undefined || value.includes("-----BEGIN")) return value;
  try {
    return fs.readFileSync(value, "utf8");
  } catch (err) {
    throw new ProviderConfigError(
      `runai:caBundle is neither PEM text nor a readable file: "${value}" (${(err as NodeJS.ErrnoException).code})`,
    );
  }
}
