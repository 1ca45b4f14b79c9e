// A warning, once per program run, for credentials stored as plain text in the stack's config file:
// `pulumi config set runai:clientSecret …` without `--secret` writes the secret unencrypted into
// Pulumi.<stack>.yaml, where it ends up in a repository. The program process is the one that can tell:
// the language host hands it the stack config and the list of keys that were set as secrets.
import * as pulumi from "@pulumi/pulumi";

/** Settings that hold a credential and belong in the config file only encrypted. */
const SECRET_SETTINGS = ["runai:clientSecret", "runai:token"];

let warned = false;

/** Warns (once per process) about each of SECRET_SETTINGS set in the stack config without `--secret`. Never shows a value. */
export function warnAboutPlaintextSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (warned) return;
  warned = true;
  for (const key of plaintextSecretSettings(env)) {
    void pulumi.log.warn(
      `${key} is stored in plain text in Pulumi.${pulumi.getStack()}.yaml; ` + `set it with \`pulumi config set --secret ${key} <value>\``,
    );
  }
}

/**
 * The credential settings present in the stack config but missing from its secret keys. The engine
 * passes both to the program as PULUMI_CONFIG (a JSON object) and PULUMI_CONFIG_SECRET_KEYS (a JSON
 * array of keys), the variables @pulumi/pulumi's runtime/config reads; without the second one (an
 * older host, an inline Automation API program) nothing can be told apart, and nothing is reported.
 */
export function plaintextSecretSettings(env: NodeJS.ProcessEnv): string[] {
  const config = parseJson(env.PULUMI_CONFIG);
  const secretKeys = parseJson(env.PULUMI_CONFIG_SECRET_KEYS);
  if (!isRecord(config) || !Array.isArray(secretKeys)) return [];
  const present = new Set(Object.keys(config).map(cleanKey));
  const secret = new Set(secretKeys.filter((key): key is string => typeof key === "string").map(cleanKey));
  return SECRET_SETTINGS.filter((key) => present.has(key) && !secret.has(key));
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Old hosts spell keys `runai:config:clientSecret` (the SDK's cleanKey drops the `config:`). */
function cleanKey(key: string): string {
  const colon = key.indexOf(":");
  return colon > 0 && key.startsWith("config:", colon + 1) ? key.slice(0, colon + 1) + key.slice(colon + 1 + "config:".length) : key;
}
