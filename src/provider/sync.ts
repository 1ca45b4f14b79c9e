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
 * "Deleting") and settles some time later, so a GET right away is wasted, and so is time spent
 * waiting past the settle: the engine's parallel slot is held for the whole wait. The first poll
 * waits as long as writes of the kind took to settle lately in this process:
 * - a first poll that finds the object settled lets later ones come a little earlier (2 %);
 * - one that finds it still pending moves the estimate later at once (by a quarter), so writes
 *   still waiting, which check the estimate again when they wake, do not poll early too;
 * - when such a write settles, the estimate is at least the middle of what it learned: settled
 *   after the first poll, and by the poll that found it so.
 */
export class SettleEstimate {
  private ms = INITIAL_FIRST_POLL_MS;

  get firstPollMs(): number {
    return this.ms;
  }

  /** The first poll found the object settled. */
  settledAtFirstPoll(): void {
    this.ms = Math.max(MIN_FIRST_POLL_MS, Math.floor(this.ms * 0.98));
  }

  /** The first poll, `waitedMs` after the write, found the object still pending. */
  pendingAtFirstPoll(waitedMs: number): void {
    this.ms = Math.min(MAX_POLL_MS, Math.max(this.ms, Math.round(waitedMs * 1.25)));
  }

  /** A write whose first poll came `waitedMs` after it was found settled `elapsedMs` after it. */
  settledLater(waitedMs: number, elapsedMs: number): void {
    this.ms = Math.min(MAX_POLL_MS, Math.max(this.ms, Math.round((waitedMs + elapsedMs) / 2)));
  }
}

const estimates = new WeakMap<object, { write: SettleEstimate; deletion: SettleEstimate }>();

function estimatesOf(sync: object) {
  let found = estimates.get(sync);
  if (!found) estimates.set(sync, (found = { write: new SettleEstimate(), deletion: new SettleEstimate() }));
  return found;
}

/** Polls until the object leaves its pending statuses; throws on a failed status or at the timeout. */
export async function waitForSync<T, I extends object>(
  kind: ResourceKind<T, I>,
  sync: SyncRules<T>,
  ctx: ProviderContext,
  written: T,
  name: string,
): Promise<T> {
  const id = kind.identity.idOf(written);
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
export async function waitForDeletion<T, I extends object>(
  kind: ResourceKind<T, I>,
  sync: SyncRules<T>,
  ctx: ProviderContext,
  id: string,
  name: string,
) {
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
  // Until the estimate as it stands on waking: a concurrent write may have moved it later meanwhile.
  for (let due = started + estimate.firstPollMs; Date.now() < Math.min(due, deadline); due = started + estimate.firstPollMs) {
    await sleep(Math.min(due, deadline) - Date.now());
  }
  const waited = Date.now() - started;
  for (let polls = 1, delay = NEXT_POLL_MS; ; polls++, delay = Math.min(delay * 2, MAX_POLL_MS)) {
    const result = await step();
    if ("done" in result) {
      if (polls === 1) estimate.settledAtFirstPoll();
      else estimate.settledLater(waited, Date.now() - started);
      return result.done;
    }
    if (polls === 1) estimate.pendingAtFirstPoll(waited);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new SyncTimeoutError(result.timeoutMessage);
    await sleep(Math.min(delay, remaining));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
