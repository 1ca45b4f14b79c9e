// The first contact with a control plane. Until a URL has answered once in this process, a refused
// connection, a host name that does not resolve or a failed TLS handshake almost always means the
// URL or the TLS setup is wrong, and riding it out with the full retry budget only makes a user wait
// a minute for the same error. So such a failure ends the call within seconds, as a
// RunaiUnreachableError (a refused connection gets a couple of quick retries, for a control plane
// that is just starting). Once the URL has answered, the same failures are transient again: a restart
// in the middle of a run is ridden out with the whole budget.
import { connectionFailureOf, ConnectionFailure, RunaiNetworkError, RunaiUnreachableError } from "./errors";
import { gaveUp, mayRetry, retryDelayMs, RetryPolicy } from "./retry";

/** Base URLs that gave an HTTP answer (any status) in this process. */
const answered = new Set<string>();

export function markAnswered(base: string): void {
  answered.add(base);
}

/**
 * `error` as a RunaiUnreachableError when it is a connection failure of a first contact with `base`;
 * undefined when the URL answered before or the failure says nothing about the setup.
 */
function unreachableAtFirstContact(error: unknown, base: string): RunaiUnreachableError | undefined {
  if (answered.has(base) || !(error instanceof RunaiNetworkError) || error instanceof RunaiUnreachableError) return undefined;
  const failure = connectionFailureOf(error.errorCode);
  return failure === undefined ? undefined : new RunaiUnreachableError(error, base, failure);
}

/**
 * What the transport does with `error`, the failure of attempt `attempt` of a call, `elapsedMs` after
 * it began: nothing special (undefined) unless it is a connection failure of a first contact; then
 * fail with a RunaiUnreachableError, or wait `waitMs` for one of the quick retries of a refused connection.
 */
export function atFirstContact(
  error: unknown,
  base: string,
  retry: boolean,
  attempt: number,
  elapsedMs: number,
  policy: RetryPolicy,
): { fail: RunaiUnreachableError } | { waitMs: number } | undefined {
  const unreachable = unreachableAtFirstContact(error, base);
  if (!unreachable) return undefined;
  if (!retry || !mayRetryQuickly(unreachable.failure)) return { fail: unreachable };
  const quick = firstContactPolicy(policy);
  const waitMs = retryDelayMs(attempt, quick);
  return mayRetry(attempt, elapsedMs, waitMs, quick) ? { waitMs } : { fail: gaveUp(unreachable, attempt) as RunaiUnreachableError };
}

/** Failures a quick retry may cure: a control plane that is starting refuses connections for a moment. */
function mayRetryQuickly(failure: ConnectionFailure): boolean {
  return failure === "refused";
}

/** Three attempts within about two seconds at most (never more than the caller's own policy allows). */
function firstContactPolicy(policy: RetryPolicy): RetryPolicy {
  return {
    maxAttempts: Math.min(policy.maxAttempts, 3),
    baseDelayMs: Math.min(policy.baseDelayMs, 500),
    maxDelayMs: Math.min(policy.maxDelayMs, 1_000),
    budgetMs: Math.min(policy.budgetMs, 3_000),
  };
}
