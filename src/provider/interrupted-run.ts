// After an interrupted `pulumi up`, every object that run created but never recorded is refused by
// name at the next one. Repeating the way out with every refusal printed the same paragraph once
// per object, next to the engine's own warning about the interrupted creates; so the first refusal
// of a provider process (one per `pulumi` command) carries it, and the others name only their object.

/** The way back after an interrupted `pulumi up`, in the order the engine's own warning suggests (refresh first). */
export const INTERRUPTED_RUN_RECOVERY =
  'If an interrupted pulumi up of this stack created it (the engine\'s warning then lists it as "interrupted while creating"), ' +
  "recover every such object with two commands: `pulumi refresh --clear-pending-creates` drops the engine's records of the " +
  "interrupted creates, then `RUNAI_ADOPT_EXISTING=true pulumi up` takes the objects over, for that run only. " +
  "(Said once per run, not for each object.)";

/**
 * The same with PULUMI_SKIP_CHECKPOINTS on: the engine writes the state only when a run ends, so an
 * interrupted run left no record of its creates to drop, and taking the objects over is all it takes.
 */
export const INTERRUPTED_RUN_RECOVERY_SKIPPED_CHECKPOINTS =
  "If an interrupted pulumi up of this stack created it (with PULUMI_SKIP_CHECKPOINTS the engine kept no record of that run), " +
  "take every such object over with one command: `RUNAI_ADOPT_EXISTING=true pulumi up`, for that run only. " +
  "(Said once per run, not for each object.)";

/** Whether the engine skips checkpoints: the provider inherits the CLI's environment, as it does RUNAI_ADOPT_EXISTING. */
const checkpointsSkipped = (env: NodeJS.ProcessEnv) => ["true", "1"].includes((env.PULUMI_SKIP_CHECKPOINTS ?? "").toLowerCase());

let said = false;

/** The recovery the first time a provider process asks, undefined after. */
export function recoveryOncePerProcess(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (said) return undefined;
  said = true;
  return checkpointsSkipped(env) ? INTERRUPTED_RUN_RECOVERY_SKIPPED_CHECKPOINTS : INTERRUPTED_RUN_RECOVERY;
}
