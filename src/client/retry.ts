// The retry policy: which failures are transient, and how long to wait before the next attempt.
// Pure functions, so the policy can be read (and tested) without any HTTP.
import { RunaiError, RunaiHttpError, RunaiNetworkError, RunaiTimeoutError, RunaiUnreachableError } from "./errors";

export interface RetryOptions {
  /** Attempts in total, the first included. Default 5. 1 disables retries. */
  maxAttempts?: number;
  /** Base of the exponential backoff. Default 200 ms. */
  baseDelayMs?: number;
  /** Upper bound of any single wait, `Retry-After` included. Default 10 000 ms. */
  maxDelayMs?: number;
  /**
   * Give up once the next wait would end more than this long after the first attempt began, even if
   * attempts are left: the budget for riding out an outage. Default: no limit (maxAttempts alone).
   */
  budgetMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000, budgetMs: Infinity };

export function retryPolicy(options: RetryOptions | undefined): RetryPolicy {
  const p = { ...DEFAULT_RETRY, ...stripUndefined(options ?? {}) };
  if (!(Number.isInteger(p.maxAttempts) || p.maxAttempts === Infinity) || p.maxAttempts < 1) {
    throw new RangeError("retry.maxAttempts must be an integer ≥ 1 (or Infinity with a budgetMs)");
  }
  if (!(p.budgetMs > 0)) throw new RangeError("retry.budgetMs must be > 0");
  if (p.maxAttempts === Infinity && p.budgetMs === Infinity) throw new RangeError("retry: unlimited attempts need a budgetMs");
  if (!(p.baseDelayMs >= 0)) throw new RangeError("retry.baseDelayMs must be ≥ 0");
  if (!(p.maxDelayMs >= 0)) throw new RangeError("retry.maxDelayMs must be ≥ 0");
  return p;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Wait before attempt `attempt + 1` (attempt counts from 1). "Full jitter": a uniform draw in
 * [0, min(maxDelay, base·2^(attempt-1))], which spreads simultaneous clients apart (many resources
 * of one `pulumi up` hit the same server at once). A server's `Retry-After` wins, capped at maxDelay.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Whether to wait `delayMs` and try again after attempt `attempt` failed, `elapsedMs` after the first
 * attempt began: attempts are left, and the wait ends inside the budget.
 */
export function mayRetry(attempt: number, elapsedMs: number, delayMs: number, policy: RetryPolicy): boolean {
  return attempt < policy.maxAttempts && elapsedMs + delayMs <= policy.budgetMs;
}

/**
 * The error to throw when a retried call gives up: the last failure, its message saying how many
 * attempts were made (a single attempt says nothing more). Returns the same error object.
 */
export function gaveUp(error: unknown, attempts: number): unknown {
  if (attempts > 1 && error instanceof Error) error.message += ` (gave up after ${attempts} attempts)`;
  return error;
}

/** `Retry-After`: delay-seconds or an HTTP date. Returns milliseconds, or undefined if absent/invalid. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Statuses that say "try again later": 408 Request Timeout, 429 Too Many Requests, any 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Methods that can be repeated without changing the result. POST is not among them. */
export function isIdempotentMethod(method: string): boolean {
  return ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"].includes(method.toUpperCase());
}

/** A failure worth retrying (for a call that may be repeated). A wrong URL or TLS setup is not (first-contact.ts). */
export function isTransient(error: unknown): boolean {
  if (error instanceof RunaiUnreachableError) return false;
  if (error instanceof RunaiNetworkError || error instanceof RunaiTimeoutError) return true;
  return error instanceof RunaiHttpError && isRetryableStatus(error.status);
}

/**
 * A failed POST whose effect is unknown: the server may have acted before the answer was lost
 * (timeout, dropped connection, 5xx). 408 and 429 are not uncertain (the server did not take the
 * request), and other 4xx answers are definite.
 */
export function isUncertainOutcome(error: unknown): boolean {
  // No connection was made: the server never saw the request.
  if (error instanceof RunaiUnreachableError) return false;
  if (error instanceof RunaiNetworkError || error instanceof RunaiTimeoutError) return true;
  return error instanceof RunaiHttpError && error.status >= 500 && error.status <= 599;
}

/** The server's `Retry-After`, if the error carries one. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof RunaiHttpError ? error.retryAfterMs : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Describes a failure for retry notifications: short, and free of credentials (errors are redacted). */
export function describeFailure(error: unknown): string {
  if (error instanceof RunaiHttpError) return String(error.status);
  if (error instanceof RunaiError) return error.name;
  return "error";
}

/**
 * The line that tells a user a call waits to retry, e.g.
 * `GET /api/v1/asset/environment → 503: unavailable; retrying (attempt 2 in 1.2 s; giving up after 60 s)`.
 * `attempt` is the attempt that failed; the error's message is already redacted.
 */
export function retryNotice(error: unknown, attempt: number, delayMs: number, policy: RetryPolicy): string {
  const failure = error instanceof Error ? error.message : String(error);
  const limit = policy.budgetMs === Infinity ? `${policy.maxAttempts} attempts` : seconds(policy.budgetMs);
  return `${failure}; retrying (attempt ${attempt + 1} in ${seconds(delayMs)}; giving up after ${limit})`;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Says once per call, through `log`, that the call waits to retry: the first wait speaks, later ones do not. */
export function retryNotifier(
  log: ((line: string) => void) | undefined,
  policy: RetryPolicy,
): (error: unknown, attempt: number, delayMs: number) => void {
  let said = false;
  return (error, attempt, delayMs) => {
    if (said || !log) return;
    said = true;
    log(retryNotice(error, attempt, delayMs, policy));
  };
}
