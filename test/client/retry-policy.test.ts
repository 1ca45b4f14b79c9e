// The retry policy's pure functions: backoff bounds, Retry-After parsing, failure classification,
// and the token renewal schedule.
import {
  isRetryableStatus,
  isTransient,
  isUncertainOutcome,
  mayRetry,
  parseRetryAfter,
  retryDelayMs,
  retryPolicy,
  RunaiBadRequestError,
  RunaiConflictError,
  RunaiNetworkError,
  RunaiRateLimitError,
  RunaiServerError,
  RunaiTimeoutError,
  tokenSchedule,
  decodeJwtTimes,
} from "../../src/client";
import { fakeJwt } from "../support/http-server";

const http = (Cls: typeof RunaiServerError, status: number) => new Cls({ method: "POST", path: "/p", status, serverMessage: "m" });

describe("backoff", () => {
  const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });

  test("full jitter under an exponential ceiling capped at maxDelayMs", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 10, 50].map((attempt) => retryDelayMs(attempt, policy, undefined, () => 0.999999));
    expect(ceilings).toEqual([99, 199, 399, 799, 999, 999, 999, 999]);
    expect(retryDelayMs(3, policy, undefined, () => 0)).toBe(0);
  });

  test("Retry-After wins, capped at maxDelayMs", () => {
    expect(retryDelayMs(1, policy, 300)).toBe(300);
    expect(retryDelayMs(1, policy, 120_000)).toBe(1000);
    expect(retryDelayMs(1, policy, -5)).toBe(0);
  });

  test("defaults and validation", () => {
    expect(retryPolicy(undefined)).toEqual({ maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000, budgetMs: Infinity });
    expect(retryPolicy({ maxAttempts: 2, baseDelayMs: undefined })).toEqual({
      maxAttempts: 2,
      baseDelayMs: 200,
      maxDelayMs: 10_000,
      budgetMs: Infinity,
    });
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow("retry.maxAttempts must be an integer ≥ 1 (or Infinity with a budgetMs)");
    expect(() => retryPolicy({ maxAttempts: Infinity })).toThrow("retry: unlimited attempts need a budgetMs");
    expect(() => retryPolicy({ budgetMs: 0 })).toThrow("retry.budgetMs must be > 0");
  });

  test("a retry must end inside the budget, and attempts must be left", () => {
    const budgeted = retryPolicy({ maxAttempts: Infinity, budgetMs: 60_000 });
    expect(mayRetry(100, 50_000, 10_000, budgeted)).toBe(true);
    expect(mayRetry(100, 50_001, 10_000, budgeted)).toBe(false);
    expect(mayRetry(4, 0, 0, retryPolicy({ maxAttempts: 5 }))).toBe(true);
    expect(mayRetry(5, 0, 0, retryPolicy({ maxAttempts: 5 }))).toBe(false);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  test.each([
    ["3", 3000],
    ["0", 0],
    ["1.5", 1500],
    ["Sun, 01 Jun 2025 12:00:07 GMT", 7000],
    ["Sun, 01 Jun 2025 11:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("%p → %p ms", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe("classification", () => {
  test("retryable statuses: 408, 429, 5xx", () => {
    expect([400, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([408, 429, 500, 502, 503, 504]);
  });

  test("uncertain outcomes of a POST: network, timeout, 5xx; not 429 or 4xx", () => {
    expect(isUncertainOutcome(new RunaiNetworkError("POST", "/p", "socket hang up", "ECONNRESET"))).toBe(true);
    expect(isUncertainOutcome(new RunaiTimeoutError("POST", "/p", 10))).toBe(true);
    expect(isUncertainOutcome(http(RunaiServerError, 502))).toBe(true);
    expect(isUncertainOutcome(http(RunaiRateLimitError, 429))).toBe(false);
    expect(isUncertainOutcome(http(RunaiConflictError, 409))).toBe(false);
    expect(isTransient(http(RunaiRateLimitError, 429))).toBe(true);
    expect(isTransient(http(RunaiBadRequestError, 400))).toBe(false);
  });
});

describe("token renewal schedule", () => {
  const received = 1_000_000_000_000;
  const at = (seconds: number) => Math.floor(received / 1000) + seconds;

  test("60 s before expiry for an hour-long token", () => {
    const s = tokenSchedule({ iat: at(0), exp: at(3600) }, received)!;
    expect(s.expiresAtMs - s.renewAtMs).toBe(60_000);
  });

  test("10% of the lifetime when that is shorter", () => {
    const s = tokenSchedule({ iat: at(0), exp: at(100) }, received)!;
    expect(s.expiresAtMs - s.renewAtMs).toBe(10_000);
  });

  test("the lifetime counts from receipt when iat is known (local clock skew does not matter)", () => {
    const s = tokenSchedule({ iat: at(-7200), exp: at(-3600) }, received)!;
    expect(s.expiresAtMs).toBe(received + 3_600_000);
  });

  test("absolute exp without iat; expiresIn (2.24) without exp; nothing without either", () => {
    expect(tokenSchedule({ exp: at(600) }, received)).toEqual({ expiresAtMs: at(600) * 1000, renewAtMs: at(540) * 1000 });
    expect(tokenSchedule(undefined, received, 3600)).toEqual({ expiresAtMs: received + 3_600_000, renewAtMs: received + 3_540_000 });
    expect(tokenSchedule(undefined, received)).toBeUndefined();
  });

  test("decodes exp and iat without verifying; opaque tokens decode to undefined", () => {
    expect(decodeJwtTimes(fakeJwt({ iat: 10, exp: 20, sub: "x" }))).toEqual({ iat: 10, exp: 20 });
    expect(decodeJwtTimes("opaque-token")).toBeUndefined();
    expect(decodeJwtTimes("a.b.c")).toBeUndefined();
  });
});
