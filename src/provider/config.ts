// Provider configuration: stack config (handed to the dynamic provider's configure()) first, then
// environment variables. Read in the provider process at call time, never captured in state and
// never resource inputs, so credentials can rotate without touching a single resource.
import * as fs from "node:fs";
import type { RunaiClientOptions } from "../client";

/** The subset of the dynamic provider's config object that we use. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface ProviderSettings {
  client: RunaiClientOptions;
  waitForSync: boolean;
  timeoutSeconds: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 300;

let stackConfig: Record<string, string | undefined> = {};

const KEYS = ["url", "clientId", "clientSecret", "token", "waitForSync", "timeoutSeconds", "allowInsecureHttp", "caBundle"] as const;
type Key = (typeof KEYS)[number];

const ENV: Partial<Record<Key, string>> = {
  url: "RUNAI_URL",
  clientId: "RUNAI_CLIENT_ID",
  clientSecret: "RUNAI_CLIENT_SECRET",
  token: "RUNAI_TOKEN",
};

export class ProviderConfigError extends Error {
  override readonly name = "ProviderConfigError";
}

/** Called from the dynamic provider's configure(): remembers the `runai:*` stack config of this process. */
export function configure(source: ConfigSource): void {
  const next: Record<string, string | undefined> = {};
  for (const key of KEYS) next[key] = nonEmpty(source.get(`runai:${key}`));
  stackConfig = next;
}

/** For tests: forget what configure() stored. */
export function resetConfiguration(): void {
  stackConfig = {};
}

function lookup(key: Key, env: NodeJS.ProcessEnv): string | undefined {
  const fromStack = stackConfig[key];
  if (fromStack !== undefined) return fromStack;
  const envName = ENV[key];
  return envName ? nonEmpty(env[envName]) : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function describe(key: Key): string {
  const envName = ENV[key];
  return envName ? `runai:${key} (or the ${envName} environment variable)` : `runai:${key}`;
}

function parseBoolean(key: Key, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ProviderConfigError(`${describe(key)} must be true or false, got "${value}"`);
}

/** Resolves the settings for one provider call. Throws a ProviderConfigError naming the key to set. */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const rawUrl = lookup("url", env);
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
  const allowInsecureHttp = parseBoolean("allowInsecureHttp", lookup("allowInsecureHttp", env), false);
  if (url.protocol === "http:" && !isLoopback(url.hostname) && !allowInsecureHttp) {
    throw new ProviderConfigError(
      `${describe("url")} uses http:// for the non-loopback host "${url.hostname}": credentials would travel in clear text. ` +
        "Use https://, or set runai:allowInsecureHttp to true if you really mean it",
    );
  }

  const token = lookup("token", env);
  const clientId = lookup("clientId", env);
  const clientSecret = lookup("clientSecret", env);
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

  const rawTimeout = lookup("timeoutSeconds", env);
  const timeoutSeconds = rawTimeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(rawTimeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new ProviderConfigError(`${describe("timeoutSeconds")} must be a positive number of seconds, got "${rawTimeout}"`);
  }

  return {
    client: {
      url: url.toString().replace(/\/+$/, ""),
      auth,
      caBundle: readCaBundle(lookup("caBundle", env)),
      timeoutMs: Math.min(timeoutSeconds, 60) * 1000,
    },
    waitForSync: parseBoolean("waitForSync", lookup("waitForSync", env), true),
    timeoutSeconds,
  };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

// Settings are resolved for every provider call; the CA file is read once per process and path.
const caFiles = new Map<string, string>();

// runai:caBundle holds PEM text, or the path of a PEM file (handier with `pulumi config set`).
function readCaBundle(value: string | undefined): string | undefined {
  if (value === undefined || value.includes("-----BEGIN")) return value;
  const cached = caFiles.get(value);
  if (cached !== undefined) return cached;
  try {
    const pem = fs.readFileSync(value, "utf8");
    caFiles.set(value, pem);
    return pem;
  } catch (err) {
    throw new ProviderConfigError(
      `runai:caBundle is neither PEM text nor a readable file: "${value}" (${(err as NodeJS.ErrnoException).code})`,
    );
  }
}
