// Waiting for the control plane to apply a write: some kinds answer 202 at once and report progress
// (an asset: Creating/Updating until its clusters have it, Deleting until it is gone).
import { RunaiNotFoundError } from "../client";
import type { ProviderContext } from "./context";
import { SyncFailedError, SyncTimeoutError } from "./errors";
import type { ResourceKind, SyncRules } from "./kind";

const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 2000;

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
  return poll<T>(ctx.timeoutSeconds, async () => {
    const object = await kind.operations.read(ctx, id);
    const status = sync.statusOf(object);
    if (status && sync.failed.includes(status)) {
      throw new SyncFailedError(`${what}: the cluster reported "${status}": ${sync.details(object)}`);
    }
    if (!status || !sync.pending.includes(status)) return { done: object };
    return {
      timeoutMessage: `${what} is still "${status}" after ${ctx.timeoutSeconds}s; raise runai:timeoutSeconds, or set runai:waitForSync to false to not wait`,
    };
  });
}

/** Polls until the object is gone (404); throws on a failed deletion or at the timeout. */
export async function waitForDeletion<T>(kind: ResourceKind<T>, sync: SyncRules<T>, ctx: ProviderContext, id: string, name: string) {
  const what = `${kind.label} "${name}" (${id})`;
  await poll<true>(ctx.timeoutSeconds, async () => {
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

/** Runs `step` with exponential backoff until it is done, or throws its timeout message at the deadline. */
async function poll<T>(timeoutSeconds: number, step: () => Promise<PollStep<T>>): Promise<T> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (let delay = FIRST_POLL_MS; ; delay = Math.min(delay * 2, MAX_POLL_MS)) {
    const result = await step();
    if ("done" in result) return result.done;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new SyncTimeoutError(result.timeoutMessage);
    await sleep(Math.min(delay, remaining));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
