// Waiting for the control plane to apply a write: some kinds answer 202 at once and report progress
// (an asset: Creating/Updating until its clusters have it, Deleting until it is gone).
import { RunaiNotFoundError } from "../client/errors";
import type { ProviderContext } from "./context";
import { SyncFailedError, SyncTimeoutError } from "./errors";
import type { ResourceKind, SyncRules } from "./kind";

const NEXT_POLL_MS = 100;
const MAX_POLL_MS = 2000;
const INITIAL_FIRST_POLL_MS = 200;
const MIN_FIRST_POLL_MS = 20;

/**
 * When to look first after a write. A write is answered while still "Creating"/"Updating" (or
 * "Deleting") and settles some time later, so a GET right away is wasted: the first poll waits as
 * long as writes of the kind took to settle lately in this process. A first poll that finds the
 * object settled lets the next one come a little earlier; one that does not makes the next first
 * poll wait as long as this write took.
 */
class SettleEstimate {
  private ms = INITIAL_FIRST_POLL_MS;

  get firstPollMs(): number {
    return this.ms;
  }

  record(elapsedMs: number, polls: number): void {
    // Creep down slowly (a too early poll costs a request) and jump back up at once, with a margin.
    this.ms = polls === 1 ? Math.max(MIN_FIRST_POLL_MS, Math.round(this.ms * 0.97)) : Math.min(MAX_POLL_MS, Math.round(elapsedMs * 1.1));
  }
}

const estimates = new WeakMap<object, { write: SettleEstimate; deletion: SettleEstimate }>();

function estimatesOf(sync: object) {
  let found = estimates.get(sync);
  if (!found) estimates.set(sync, (found = { write: new SettleEstimate(), deletion: new SettleEstimate() }));
  return found;
}

/** Polls until the object leaves its pending statuses; throws on a failed status or at the timeout. */
export async function waitForSync<T>(
  kind: ResourceKind<T>,
  sync: SyncRules<T>,
  ctx: ProviderContext,
  written: T,
  name: string,
): Promise<T> {
  const id = kind.idOf(written);
  const what = `${kind.label} "${name}" (${id})`;
  const settled = (object: T): PollStep<T> => {
    const status = sync.statusOf(object);
    if (status && sync.failed.includes(status)) {
      throw new SyncFailedError(`${what}: the cluster reported "${status}": ${sync.details(object)}`);
    }
    if (!status || !sync.pending.includes(status)) return { done: object };
    return {
      timeoutMessage: `${what} is still "${status}" after ${ctx.timeoutSeconds}s; raise runai:timeoutSeconds, or set runai:waitForSync to false to not wait`,
    };
  };
  // An answer that already reports a settled status needs no poll at all.
  const answered = sync.statusOf(written);
  if (answered !== undefined) {
    const step = settled(written);
    if ("done" in step) return step.done;
  }
  return poll<T>(ctx.timeoutSeconds, estimatesOf(sync).write, async () => settled(await kind.operations.read(ctx, id)));
}

/** Polls until the object is gone (404); throws on a failed deletion or at the timeout. */
export async function waitForDeletion<T>(kind: ResourceKind<T>, sync: SyncRules<T>, ctx: ProviderContext, id: string, name: string) {
  const what = `${kind.label} "${name}" (${id})`;
  await poll<true>(ctx.timeoutSeconds, estimatesOf(sync).deletion, async () => {
    let object: T;
    try {
      object = await kind.operations.read(ctx, id);
    } catch (err) {
      if (err instanceof RunaiNotFoundError) return { done: true };
      throw err;
    }
    const status = sync.statusOf(object);
    if (status && sync.deletionFailed.includes(status)) {
      throw new SyncFailedError(`${what}: the cluster reported "${status}": ${sync.details(object)}`);
    }
    return {
      timeoutMessage: `${what} is still "${status ?? "present"}" ${ctx.timeoutSeconds}s after its deletion was accepted; raise runai:timeoutSeconds`,
    };
  });
}

type PollStep<T> = { done: T } | { timeoutMessage: string };

/**
 * Runs `step` after the estimated settle time, then with exponential backoff until it is done, or
 * throws its timeout message at the deadline; records how long it took in the estimate.
 */
async function poll<T>(timeoutSeconds: number, estimate: SettleEstimate, step: () => Promise<PollStep<T>>): Promise<T> {
  const started = Date.now();
  const deadline = started + timeoutSeconds * 1000;
  await sleep(Math.min(estimate.firstPollMs, Math.max(0, deadline - Date.now())));
  for (let polls = 1, delay = NEXT_POLL_MS; ; polls++, delay = Math.min(delay * 2, MAX_POLL_MS)) {
    const result = await step();
    if ("done" in result) {
      estimate.record(Date.now() - started, polls);
      return result.done;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new SyncTimeoutError(result.timeoutMessage);
    await sleep(Math.min(delay, remaining));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
