// Where a provider process of the plugin takes its `runai:*` settings from. The engine starts one
// process per provider resource (the default one and each explicit `pulumi:providers:runai`) and
// hands that instance's values only in the Configure call: its `args` (secrets wrapped) or, from
// older engines, its `variables` ("runai:config:url"). `PULUMI_CONFIG` in the environment always
// holds the *stack's* settings, also in the process of an explicit provider with another URL, so it
// serves only a process that was never configured. The resolved source feeds the same
// `resolveSettings` (src/provider/config.ts) as the dynamic host, which falls back to RUNAI_* variables.
import type { ConfigSource } from "../provider/config";
import { isSecretWrapper } from "./secrets";

/** A ConfigSource over `runai:<key>` names. */
export class PluginConfig implements ConfigSource {
  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  /** From the Configure call's `args` (the provider's inputs) or its deprecated `variables`. */
  static fromConfigure(args: Record<string, unknown> | undefined, variables: ReadonlyMap<string, string>): PluginConfig {
    const values = new Map<string, string>();
    if (args && Object.keys(args).length > 0) {
      for (const [key, value] of Object.entries(args)) {
        const text = settingText(isSecretWrapper(value) ? value.value : value);
        if (text !== undefined) values.set(`runai:${key}`, text);
      }
    } else {
      for (const [key, value] of variables) {
        const match = /^runai:config:(.+)$/.exec(key);
        if (match) values.set(`runai:${match[1]}`, value);
      }
    }
    return new PluginConfig(values);
  }

  /** From `PULUMI_CONFIG`: the stack's settings, namespace stripped, secrets decrypted. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): PluginConfig {
    const values = new Map<string, string>();
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.PULUMI_CONFIG ?? "{}");
    } catch {
      parsed = {};
    }
    for (const [key, value] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
      const name = key.startsWith("runai:") ? key : `runai:${key}`;
      const text = settingText(value);
      if (text !== undefined) values.set(name, text);
    }
    return new PluginConfig(values);
  }
}

/** Settings are strings to resolveSettings; a typed provider input (a boolean, a number) is written out. */
function settingText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
