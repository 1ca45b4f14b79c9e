// The "already exists … not managed by this stack" refusal names its object; the first refusal of a
// provider process (one per `pulumi` command) also carries the way back after an interrupted run,
// spelled out here once for every test that checks it.

/** What the first refusal of a provider process appends, after a space. */
export const RECOVERY =
  'If an interrupted pulumi up of this stack created it (the engine\'s warning then lists it as "interrupted while creating"), ' +
  "recover every such object with two commands: `pulumi refresh --clear-pending-creates` drops the engine's records of the " +
  "interrupted creates, then `RUNAI_ADOPT_EXISTING=true pulumi up` takes the objects over, for that run only. " +
  "(Said once per run, not for each object.)";

/** The refusal without the once-per-process recovery: one object's own line, whichever refusal of the process it was. */
export function refusalLine(message: string): string {
  return message.endsWith(` ${RECOVERY}`) ? message.slice(0, -RECOVERY.length - 1) : message;
}

/** The refusals in the Diagnostics section of a `pulumi up`'s output, one line each. */
export function refusalsInDiagnostics(stdout: string): string[] {
  const diagnostics = stdout.slice(stdout.indexOf("\nDiagnostics:"));
  return diagnostics
    .split("\n")
    .filter((line) => line.includes("is not managed by this stack"))
    .map((line) => line.trim().replace(/^error: /, ""));
}
