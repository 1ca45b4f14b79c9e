// A lifecycle host (test/support/lifecycle.ts) that runs the `pulumi` CLI on a TestStack: the
// dynamic TypeScript program and the Pulumi YAML program differ only in how they declare resources.
import type { ChangeSummary, Declaration, HostRun, LifecycleHost, LifecycleKind } from "./lifecycle-host";
import type { EmulatorHarness } from "./emulator";
import { refusalsInDiagnostics } from "./not-managed";
import type { CommandResult, TestStack } from "./pulumi-stack";

export interface CliHostOptions {
  kinds: LifecycleKind[];
  emulator(): EmulatorHarness;
  stack(): TestStack;
  extras(): number;
  declare(resources: Declaration): Promise<void>;
  secrets?(): string[];
  revertsDriftWithInPlaceUpdate?: boolean;
  skipsRefusal?: boolean;
}

/** How the CLI's summary counts each operation, e.g. "+ 18 created". */
const SUMMARY_LINES: Record<Exclude<keyof ChangeSummary, "same">, (count: number) => string> = {
  create: (count) => `+ ${count} created`,
  update: (count) => `~ ${count} updated`,
  replace: (count) => `+-${count} replaced`,
  delete: (count) => `- ${count} deleted`,
};

/** A CLI host; `log` records a command's output for the secrecy check of the destroy step. */
export function cliHost(options: CliHostOptions): LifecycleHost & { log(result: Promise<CommandResult>): Promise<CommandResult> } {
  const logs: CommandResult[] = [];
  const log = async (result: Promise<CommandResult>) => {
    const done = await result;
    logs.push(done);
    return done;
  };
  const run = async (result: Promise<CommandResult>): Promise<HostRun> => {
    const done = await log(result);
    return { failed: done.code !== 0, output: done.stdout };
  };
  return {
    ...options,
    log,
    up: (opts = {}) => run(options.stack().up(opts.refresh ? ["--refresh"] : [])),
    upContinuingOnError: () => run(options.stack().up(["--continue-on-error"], { allowFailure: true })),
    previewNoChanges: () => run(options.stack().preview({ expectNoChanges: true })),
    previewRefresh: async () => ({ failed: false, output: "", steps: (await options.stack().previewJson({ refresh: true })).steps }),
    refresh: (opts = {}) => run(options.stack().refresh(opts)),
    destroy: () => run(options.stack().destroy()),
    ids: async () => (await options.stack().outputs()).ids as Record<string, string>,
    expectChanges(result, expected) {
      for (const [op, count] of Object.entries(expected) as [keyof ChangeSummary, number][]) {
        // The CLI's summary counts only what changed; the engine's "unchanged" count is not asserted.
        if (op !== "same") expect(result.output).toContain(SUMMARY_LINES[op](count));
      }
    },
    replaceOrder: ({ output }, name) =>
      output.indexOf(`${name} deleting original`) < output.indexOf(`${name} creating replacement`) ? "delete first" : "create first",
    refusals: ({ output }) => refusalsInDiagnostics(output),
    printed: () => logs.map((r) => r.stdout + r.stderr).join("\n"),
  };
}
