// The "already exists … not managed by this stack" refusal names its object; the first refusal of a
// provider process (one per `pulumi` command) also carries the way back after an interrupted run,
// spelled out here once for every test that checks it.

/** What the first refusal of a provider process appends, after a space. */
export const RECOVERY =
  'If an interrupted pulumi up of this stack created it (the engine\'s warning then lists it as "interrupted while creating"), ' +
  "recover every such object with two commands: `pulumi refresh --clear-pending-creates` drops the engine's records of the " +
  "interrupted creates, then `RUNAI_ADOPT_EXISTING=true pulumi up` takes the objects over, for that run only. " +
  "(Said once per run, not for each object.)";

/** The same when the engine skips checkpoints (PULUMI_SKIP_CHECKPOINTS): it kept no record of the interrupted run. */
export const RECOVERY_SKIPPED_CHECKPOINTS =
  "If an interrupted pulumi up of this stack created it (with PULUMI_SKIP_CHECKPOINTS the engine kept no record of that run), " +
  "take every such object over with one command: `RUNAI_ADOPT_EXISTING=true pulumi up`, for that run only. " +
  "(Said once per run, not for each object.)";

/** The refusal without the once-per-process recovery: one object's own line, whichever refusal of the process it was. */
export function refusalLine(message: string): string {
  for (const recovery of [RECOVERY, RECOVERY_SKIPPED_CHECKPOINTS]) {
    if (message.endsWith(` ${recovery}`)) return message.slice(0, -recovery.length - 1);
  }
  return message;
}

/** The refusals in the Diagnostics section of a `pulumi up`'s output, one line each. */
export function refusalsInDiagnostics(stdout: string): string[] {
  const diagnostics = stdout.slice(stdout.indexOf("\nDiagnostics:"));
  return diagnostics
    .split("\n")
    .filter((line) => line.includes("is not managed by this stack"))
    .map((line) => line.trim().replace(/^error: /, ""));
}
