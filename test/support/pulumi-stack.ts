// Drives the real `pulumi` CLI against a throw-away stack: a `file://` backend and PULUMI_HOME in a
// temp dir, a passphrase secrets provider, no update checks, no plugin downloads, no prompts.
// Used by every e2e test and by the demo, so both exercise exactly what a user runs.
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { killTree } from "./process-tree";

export const repoRoot = path.resolve(__dirname, "../..");

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The command line as run, for failure messages. */
  command: string;
}

export class PulumiCommandError extends Error {
  constructor(readonly result: CommandResult) {
    super(`${result.command} exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
}

export interface StackOptions {
  /** Directory holding Pulumi.yaml and the program. It is copied, so tests never write into the repo. */
  program: string;
  /**
   * The stack's name; a fully qualified `organization/<project>/<stack>` (the project being the one
   * in Pulumi.yaml) is the name other stacks' `pulumi.StackReference` use with a file:// backend.
   */
  stackName?: string;
  /**
   * Keep the state in this other stack's backend (and PULUMI_HOME), so the two can read each other
   * through `pulumi.StackReference`. Clean this stack up before the one that owns the backend.
   */
  shareBackendWith?: TestStack;
  /** Stack configuration; `secret: true` stores the value encrypted, like `pulumi config set --secret`. */
  config?: Record<string, string | { value: string; secret?: boolean }>;
  /** Extra environment for every command (e.g. RUNAI_URL). */
  env?: Record<string, string>;
  /**
   * Install a copy of the built package (package.json + dist/) in the program's node_modules instead
   * of a link to the repository, so a test can change "the installed version" on its own.
   */
  packageCopy?: boolean;
  /**
   * The test installs the program's dependencies itself, as a user would (npm, pnpm, Yarn, from a
   * packed tarball): the program gets no link to this repository's node_modules.
   */
  ownNodeModules?: boolean;
}

export interface RunOptions {
  /** Resolve instead of throwing when the command exits non-zero. */
  allowFailure?: boolean;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** The directory with `pulumi`, set by the Jest global setup (or by the demo) from scripts/ensure-pulumi.sh. */
export function pulumiBinDir(): string {
  const dir = process.env.PULUMI_BIN_DIR;
  if (!dir) throw new Error("PULUMI_BIN_DIR is not set: run scripts/ensure-pulumi.sh and export its output");
  return dir;
}

/** Commands that may leave resources in the stack (even when they fail or are killed). */
const MAY_CREATE = new Set(["up", "refresh", "import"]);

export class TestStack {
  /**
   * Nothing can be left to destroy: a new stack, or the last command that could create was a
   * successful destroy. Cleanup then skips its own destroy (a whole engine run per stack).
   */
  private empty = true;

  private constructor(
    readonly name: string,
    readonly tempDir: string,
    readonly workDir: string,
    private readonly baseEnv: NodeJS.ProcessEnv,
  ) {}

  /** Creates the stack (and its temp dirs); call `cleanup()` in a `finally`/`afterAll`. */
  static async create(options: StackOptions): Promise<TestStack> {
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-e2e-"));
    const workDir = path.join(tempDir, "program");
    copyProgram(options.program, workDir);
    // A program that relies on its parent package (like examples/quickstart, run from the repository
    // root) gets the package.json a user's project would have.
    const packageJson = path.join(workDir, "package.json");
    if (!fs.existsSync(packageJson)) fs.writeFileSync(packageJson, JSON.stringify({ name: "program", private: true, main: "index.ts" }));
    if (!options.ownNodeModules) linkNodeModules(workDir, options.packageCopy ?? false);
    for (const dir of ["backend", "home"]) fs.mkdirSync(path.join(tempDir, dir));
    const shared = options.shareBackendWith?.baseEnv;

    const binDir = pulumiBinDir();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: shared?.PULUMI_HOME ?? path.join(tempDir, "home"),
      PULUMI_BACKEND_URL: shared?.PULUMI_BACKEND_URL ?? `file://${path.join(tempDir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "correct horse battery staple",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      NO_COLOR: "1",
      ...options.env,
    };
    // Tests must not inherit a developer's credentials.
    for (const key of ["RUNAI_URL", "RUNAI_CLIENT_ID", "RUNAI_CLIENT_SECRET", "RUNAI_TOKEN"]) {
      if (!options.env || !(key in options.env)) delete env[key];
    }
    const stack = new TestStack(options.stackName ?? "test", tempDir, workDir, env);
    try {
      await stack.run(["stack", "init", stack.name]);
      // One CLI process for all the settings (a process costs ~0.4 s of CPU; a suite creates many stacks).
      const settings = Object.entries(options.config ?? {}).flatMap(([key, entry]) => {
        const { value, secret } = typeof entry === "string" ? { value: entry, secret: false } : entry;
        return [secret ? "--secret" : "--plaintext", `${key}=${value}`];
      });
      if (settings.length > 0) await stack.run(["config", "set-all", ...settings]);
    } catch (err) {
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw err;
    }
    return stack;
  }

  /**
   * The environment every command of this stack runs with (the CLI on PATH, PULUMI_HOME, backend,
   * passphrase): for running other tools against the stack, such as an Automation API program.
   */
  get env(): NodeJS.ProcessEnv {
    // Whatever runs with it may create resources that cleanup must destroy.
    this.empty = false;
    return { ...this.baseEnv };
  }

  /** Where `pulumi-runai` is installed for this program. */
  get installedPackageDir(): string {
    return path.join(this.workDir, "node_modules", "pulumi-runai");
  }

  /** Runs `pulumi <args>` in the program directory for this stack. */
  run(args: string[], options: RunOptions = {}): Promise<CommandResult> {
    const fullArgs = [...args, "--non-interactive", "--cwd", this.workDir];
    if (args[0] !== "stack" || args[1] !== "init") fullArgs.push("--stack", this.name);
    const command = `pulumi ${args.join(" ")}`;
    if (MAY_CREATE.has(args[0]) || (args[0] === "stack" && args[1] === "import")) this.empty = false;
    return new Promise((resolve, reject) => {
      execFile(
        path.join(pulumiBinDir(), "pulumi"),
        fullArgs,
        {
          cwd: this.workDir,
          env: { ...this.baseEnv, ...options.env },
          maxBuffer: 64 * 1024 * 1024,
          timeout: options.timeoutMs ?? 300_000,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          const result = { code, stdout, stderr, command };
          if (args[0] === "destroy" && code === 0 && !args.some((arg) => /^--(target|exclude|preview-only)/.test(arg))) this.empty = true;
          if (code !== 0 && !options.allowFailure) reject(new PulumiCommandError(result));
          else resolve(result);
        },
      );
    });
  }

  /**
   * Runs `pulumi <args>` as its own process group and kills it with SIGKILL, with every process
   * under it (the CLI, the language host and the provider plugins, which run in groups of their
   * own), as soon as `killWhen` says so: a CI runner that is killed, a laptop that dies. Resolves
   * with what the command printed up to then.
   */
  async runKilled(
    args: string[],
    killWhen: () => Promise<boolean>,
    options: RunOptions = {},
  ): Promise<CommandResult & { killed: boolean }> {
    const fullArgs = [...args, "--non-interactive", "--cwd", this.workDir, "--stack", this.name];
    this.empty = false;
    const child = spawn(path.join(pulumiBinDir(), "pulumi"), fullArgs, {
      cwd: this.workDir,
      env: { ...this.baseEnv, ...options.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
    let running = true;
    void exited.then(() => (running = false));
    let killed = false;
    const deadline = Date.now() + (options.timeoutMs ?? 300_000);
    while (running && Date.now() < deadline) {
      if (await killWhen()) {
        killTree(child.pid!);
        killed = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const code = await exited;
    return { code, stdout, stderr, command: `pulumi ${args.join(" ")}`, killed };
  }

  setConfig(key: string, value: string, secret = false): Promise<CommandResult> {
    return this.run(["config", "set", key, value, ...(secret ? ["--secret"] : ["--plaintext"])]);
  }

  removeConfig(key: string): Promise<CommandResult> {
    return this.run(["config", "rm", key]);
  }

  up(extra: string[] = [], options?: RunOptions): Promise<CommandResult> {
    return this.run(["up", "--yes", "--skip-preview", ...extra], options);
  }

  /** `pulumi preview`; `expectNoChanges` fails (non-zero) when anything would change. */
  preview(opts: { refresh?: boolean; expectNoChanges?: boolean; extra?: string[] } = {}, options?: RunOptions) {
    return this.run(
      ["preview", ...(opts.refresh ? ["--refresh"] : []), ...(opts.expectNoChanges ? ["--expect-no-changes"] : []), ...(opts.extra ?? [])],
      options,
    );
  }

  /** `pulumi preview --json`: the planned steps in machine-readable form. */
  async previewJson(opts: { refresh?: boolean } = {}): Promise<PreviewJson> {
    const result = await this.run(["preview", "--json", ...(opts.refresh ? ["--refresh"] : [])], { allowFailure: true });
    const parsed = JSON.parse(result.stdout || "{}") as PreviewJson;
    if (result.code !== 0) throw new PulumiCommandError(result);
    return parsed;
  }

  refresh(opts: { expectNoChanges?: boolean; extra?: string[] } = {}, options?: RunOptions) {
    return this.run(
      ["refresh", "--yes", "--skip-preview", ...(opts.expectNoChanges ? ["--expect-no-changes"] : []), ...(opts.extra ?? [])],
      options,
    );
  }

  destroy(extra: string[] = [], options?: RunOptions): Promise<CommandResult> {
    return this.run(["destroy", "--yes", "--skip-preview", ...extra], options);
  }

  /** `pulumi stack output --json`; secrets read `[secret]` unless `showSecrets`. */
  async outputs(opts: { showSecrets?: boolean } = {}): Promise<Record<string, unknown>> {
    const result = await this.run(["stack", "output", "--json", ...(opts.showSecrets ? ["--show-secrets"] : [])]);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  /** `pulumi stack export`: the raw checkpoint (secrets stay ciphertext). */
  async exportState(): Promise<StackExport> {
    const result = await this.run(["stack", "export"]);
    return JSON.parse(result.stdout) as StackExport;
  }

  /** `pulumi stack import`: replaces the stack's checkpoint (e.g. an edited export). */
  async importState(state: StackExport): Promise<void> {
    const file = path.join(this.tempDir, "import.json");
    fs.writeFileSync(file, JSON.stringify(state));
    await this.run(["stack", "import", "--file", file]);
  }

  /** Resources of the given type in the exported state. */
  async resourcesOfType(type: string): Promise<ExportedResource[]> {
    const state = await this.exportState();
    return (state.deployment.resources ?? []).filter((r) => r.type === type);
  }

  /** Replaces the program (e.g. the next step of a scenario) with the files of another directory. */
  replaceProgram(program: string): void {
    for (const entry of fs.readdirSync(this.workDir)) {
      if (entry !== "node_modules") fs.rmSync(path.join(this.workDir, entry), { recursive: true, force: true });
    }
    copyProgram(program, this.workDir);
  }

  /**
   * Destroys whatever is left (best effort) and removes the temp dirs. `destroy: false` only removes
   * them: for a stack whose objects go away with their emulator (the engine benchmark's 1,000).
   */
  async cleanup(options: { destroy?: boolean } = {}): Promise<void> {
    try {
      if (!this.empty && options.destroy !== false)
        await this.run(["destroy", "--yes", "--skip-preview"], { allowFailure: true, timeoutMs: 120_000 });
    } finally {
      fs.rmSync(this.tempDir, { recursive: true, force: true });
    }
  }
}

export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  /** Per input, the resources its value came from. */
  propertyDependencies?: Record<string, string[]>;
  additionalSecretOutputs?: string[];
  /** Where the program declared the resource, e.g. `project:///index.ts#12,5` (what Pulumi Cloud shows). */
  sourcePosition?: string;
}

export interface StackExport {
  version: number;
  deployment: {
    resources?: ExportedResource[];
    secrets_providers?: unknown;
    /** Operations an interrupted run started and never finished (e.g. `creating`). */
    pending_operations?: { type: string; resource: ExportedResource }[];
  };
}

export interface PreviewJson {
  steps?: { op: string; urn: string; detailedDiff?: Record<string, unknown>; diffReasons?: string[] }[];
  changeSummary?: Record<string, number>;
  diagnostics?: { message: string; severity: string; urn?: string }[];
}

function copyProgram(from: string, to: string): void {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|Pulumi\.[^\\/]+\.yaml)$/.test(src),
  });
}

// The program gets a node_modules of its own that looks like a user's: this package installed as
// `pulumi-runai` (a link to the repo, so the built dist/ is used, or a copy) next to its dependencies.
function linkNodeModules(workDir: string, packageCopy: boolean): void {
  const target = path.join(workDir, "node_modules");
  fs.mkdirSync(target, { recursive: true });
  const source = path.join(repoRoot, "node_modules");
  for (const entry of fs.readdirSync(source)) {
    if (entry === ".package-lock.json") continue;
    fs.symlinkSync(path.join(source, entry), path.join(target, entry));
  }
  const installed = path.join(target, "pulumi-runai");
  if (packageCopy) {
    fs.mkdirSync(installed);
    fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(installed, "package.json"));
    fs.cpSync(path.join(repoRoot, "dist"), path.join(installed, "dist"), { recursive: true });
  } else {
    fs.symlinkSync(repoRoot, installed);
  }
}
