// Creating without duplicates. A POST is not idempotent: re-sending one whose answer was lost can
// create a second object, and giving up on it can orphan the first (restapi #220). So after an
// uncertain outcome we ask the server whether the object exists (by its natural key: name and scope)
// and only re-send the POST when it does not.
import { RunaiConflictError } from "./errors";
import type { HttpTransport } from "./http";
import { describeFailure, gaveUp, isTransient, isUncertainOutcome, mayRetry, retryAfterOf, retryDelayMs, sleep } from "./retry";

export interface CreateWithRecovery<T> {
  transport: HttpTransport;
  /** For retry notifications. */
  method: string;
  path: string;
  /** Sends the POST once (the transport must not retry it). */
  post: () => Promise<T>;
  /** Finds the object the POST would have created, by exact natural key; undefined if absent. */
  lookup: () => Promise<T | undefined>;
}

/**
 * POST; on a transient failure look the object up if the server may have acted (timeout, dropped
 * connection, 5xx) and return it when found, otherwise back off and POST again (429 and 408 mean the
 * server did not act, so those are re-sent without a lookup). A 409 on a re-sent POST after an
 * uncertain attempt means that attempt did create the object: it is looked up and returned.
 *
 * Limitation: if an object with the same key already existed *and* the first POST's answer was lost,
 * the lookup returns that pre-existing object. Callers that care (adoption rules) compare the result.
 */
export async function createWithRecovery<T>(op: CreateWithRecovery<T>): Promise<T> {
  const policy = op.transport.retryPolicy;
  let uncertain = false;
  const startedAt = Date.now();
  const notice = op.transport.retryNotifier();
  for (let attempt = 1; ; attempt++) {
    try {
      return await op.post();
    } catch (error) {
      if (error instanceof RunaiConflictError && uncertain) {
        const found = await op.lookup();
        if (found !== undefined) return found;
        throw error;
      }
      if (!isTransient(error)) throw error;
      if (isUncertainOutcome(error)) {
        uncertain = true;
        const found = await op.lookup();
        if (found !== undefined) return found;
      }
      const delayMs = retryDelayMs(attempt, policy, retryAfterOf(error));
      if (!mayRetry(attempt, Date.now() - startedAt, delayMs, policy)) throw gaveUp(error, attempt);
      notice(error, attempt, delayMs);
      op.transport.notifyRetry({ method: op.method, path: op.path, attempt, delayMs, reason: describeFailure(error) });
      await sleep(delayMs);
    }
  }
}
