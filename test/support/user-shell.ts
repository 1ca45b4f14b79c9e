// A user's shell outside this repository: the CLI on PATH, a state backend and PULUMI_HOME of their
// own, nothing of `npm test`'s environment. For the tests that install the packed package.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { pulumiBinDir } from "./pulumi-stack";

const run = promisify(execFile);

/** The environment of a user's shell in `home`: the CLI on PATH, a state backend and PULUMI_HOME of their own; no npm_* of `npm test`. */
export function userEnv(home: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|RUNAI_|PULUMI_)/i.test(key)));
  fs.mkdirSync(path.join(home, "backend"), { recursive: true });
  return {
    ...env,
    PATH: `${pulumiBinDir()}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_HOME: path.join(home, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${path.join(home, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "first hour",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    NO_COLOR: "1",
  };
}

/** Runs a shell script as a user would type it, and returns what it printed; the output of a failure is in the error. */
export async function shell(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout, stderr } = await run("bash", ["-euo", "pipefail", "-c", script], { cwd, env, timeout: 600_000, maxBuffer: 64 << 20 });
    return stdout + stderr;
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`${script}\n--- failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}
