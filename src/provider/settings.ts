// The provider's settings, once: each `runai:<key>` stack config key with its environment
// variable, type, default, secrecy and meaning. Config resolution (config.ts), the plugin schema's
// config variables and the explicit provider's inputs (plugin/schema.ts), the `runai.Provider`
// arguments (generated-types.ts) and the settings tables of the README and docs are derived from it.
// Plain data: the program side reads it without loading the provider.

export const DEFAULT_TIMEOUT_SECONDS = 300;
/** The per-request (per attempt) HTTP timeout when runai:requestTimeoutSeconds is not set. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
/**
 * How long one API call keeps retrying transient failures (network errors, 408, 429, 5xx) when
 * runai:retryTimeoutSeconds is not set: long enough to ride out a control-plane restart.
 */
export const DEFAULT_RETRY_TIMEOUT_SECONDS = 60;

export interface Setting {
  /** The stack config key without its `runai:` namespace. */
  key: string;
  /** The environment variable read when the stack config does not set the key. */
  env: string;
  type: "string" | "boolean" | "number";
  /** Kept as a Pulumi secret (set with `pulumi config set --secret`). */
  secret?: boolean;
  /** The value when neither the stack config nor the variable sets it; absent when there is none. */
  default?: boolean | number;
  /** The default in words, when it is no single value (it depends on another setting). */
  defaultText?: string;
  /** What it does (markdown, one or two sentences). */
  description: string;
}

export const SETTINGS = [
  {
    key: "url",
    env: "RUNAI_URL",
    type: "string",
    description:
      "Control-plane URL, e.g. `https://acme.run.ai`. `http://` is refused for non-loopback hosts unless `runai:allowInsecureHttp` is true.",
  },
  { key: "clientId", env: "RUNAI_CLIENT_ID", type: "string", description: "Application (client credentials) id." },
  {
    key: "clientSecret",
    env: "RUNAI_CLIENT_SECRET",
    type: "string",
    secret: true,
    description:
      "Application secret (set it with `--secret`), exchanged at `/api/v1/token` for a token that is cached per process and renewed before it expires.",
  },
  { key: "token", env: "RUNAI_TOKEN", type: "string", secret: true, description: "A static bearer token instead of client credentials." },
  {
    key: "waitForSync",
    env: "RUNAI_WAIT_FOR_SYNC",
    type: "boolean",
    default: true,
    description:
      "Wait until Run:ai reports an asset synced to its clusters. The first check comes as long after the write as the kind's " +
      "writes took to settle lately in the run, so a write usually costs one request and one look; `false` returns as soon as " +
      "Run:ai accepts the write.",
  },
  {
    key: "timeoutSeconds",
    env: "RUNAI_TIMEOUT_SECONDS",
    type: "number",
    default: DEFAULT_TIMEOUT_SECONDS,
    description: "How long to wait for sync or deletion, in seconds.",
  },
  {
    key: "requestTimeoutSeconds",
    env: "RUNAI_REQUEST_TIMEOUT_SECONDS",
    type: "number",
    defaultText: `${DEFAULT_REQUEST_TIMEOUT_SECONDS}, or runai:timeoutSeconds when that is smaller`,
    description:
      "How long one HTTP request (one attempt: headers and body) may take before it counts as failed and is retried, in seconds.",
  },
  {
    key: "retryTimeoutSeconds",
    env: "RUNAI_RETRY_TIMEOUT_SECONDS",
    type: "number",
    default: DEFAULT_RETRY_TIMEOUT_SECONDS,
    description:
      "The retry budget: how long one API call keeps retrying transient failures (network errors, 408, 429, 5xx) before it fails, " +
      "in seconds; enough by default to ride out a control-plane restart. Waits back off exponentially, at most 10 s each, and " +
      "honour `Retry-After`.",
  },
  {
    key: "allowInsecureHttp",
    env: "RUNAI_ALLOW_INSECURE_HTTP",
    type: "boolean",
    default: false,
    description: "Allow `http://` to a non-loopback host.",
  },
  {
    key: "caBundle",
    env: "RUNAI_CA_BUNDLE",
    type: "string",
    description: "Extra CA certificates to trust: PEM text or the path of a PEM file.",
  },
  {
    key: "adoptExisting",
    env: "RUNAI_ADOPT_EXISTING",
    type: "boolean",
    default: false,
    description:
      "Take over every object whose name is taken, as if each resource said `adoptExisting: true`. Meant for one run " +
      "(`RUNAI_ADOPT_EXISTING=true pulumi up`, e.g. after an interrupted `up`).",
  },
] as const satisfies readonly Setting[];

export type SettingKey = (typeof SETTINGS)[number]["key"];

/** The setting of a key. */
export function setting(key: SettingKey): Setting {
  return SETTINGS.find((candidate) => candidate.key === key)!;
}
