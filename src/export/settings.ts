// The exporter's settings are the provider's: the `runai:*` config of the current stack (when run in
// a Pulumi project folder, or with --stack) over the RUNAI_* variables, resolved by the provider's own
// code (provider/config.ts), and checked with Run:ai once before anything is listed, as a preview's
// first check does: a refused credential or an unreachable URL fails at once, naming the setting.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type { ConfigSource } from "../provider/config";
import { createContext } from "../provider/context";
import type { ProviderContext } from "../provider/context";
import { checkCredentials } from "../provider/credential-check";
import { ExportError } from "./errors";

/** Where the settings come from: the stack's config (through the `pulumi` CLI) or the environment alone. */
export interface SettingsSource {
  /** The folder to read the stack config in (a Pulumi project), if any. */
  projectDir?: string;
  /** The stack to read (default: the current stack of the project). */
  stack?: string;
  /** The `pulumi` executable (default: `pulumi` on PATH). */
  pulumi?: string;
  env?: NodeJS.ProcessEnv;
}

type ConfigJson = Record<string, { value?: unknown; secret?: boolean }>;

/** Whether `dir` holds a Pulumi project (its stack config is then the exporter's). */
export function isPulumiProject(dir: string): boolean {
  return ["Pulumi.yaml", "Pulumi.yml"].some((file) => fs.existsSync(path.join(dir, file)));
}

/**
 * The stack's `runai:*` config, secrets decrypted in memory only (`pulumi config --json
 * --show-secrets`): the output is parsed here and never printed.
 */
export async function stackConfig(source: SettingsSource): Promise<ConfigSource> {
  const args = ["config", "--json", "--show-secrets", ...(source.stack ? ["--stack", source.stack] : [])];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(source.pulumi ?? "pulumi", args, {
      cwd: source.projectDir,
      env: source.env ?? process.env,
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (err) {
    const { stderr, message } = err as { stderr?: string; message: string };
    const reason = (stderr ?? "").trim().split("\n").pop() || message;
    throw new ExportError(`cannot read the stack's config with \`pulumi ${args.slice(0, 2).join(" ")}\`: ${reason}`);
  }
  const config = JSON.parse(stdout) as ConfigJson;
  return {
    get(key: string) {
      const value = config[key]?.value;
      return value === undefined || value === null ? undefined : String(value);
    },
  };
}

/** The provider's context for these settings, once Run:ai has accepted the credentials. */
export async function connect(source: SettingsSource): Promise<ProviderContext> {
  const useStack = source.stack !== undefined || (source.projectDir !== undefined && isPulumiProject(source.projectDir));
  const config = useStack ? await stackConfig(source) : undefined;
  const context = createContext(config, source.env ?? process.env);
  await checkCredentials(context.client);
  return context;
}
