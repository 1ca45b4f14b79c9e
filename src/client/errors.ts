// The client's error taxonomy. Callers branch on the class (`instanceof RunaiNotFoundError`), never on
// status numbers. Messages read `METHOD /path → status: server message`, with the path stripped of
// its query string. No error holds a request, response, header or credential: only strings and
// numbers that were passed through the client's Redactor.
import { displayUrl } from "./base-url";

/** Base class of everything the client throws. */
export class RunaiError extends Error {
  override readonly name: string = "RunaiError";
  /** HTTP method of the failed call, when the error belongs to one. */
  readonly method?: string;
  /** API path of the failed call, without the query string. */
  readonly path?: string;

  constructor(message: string, options?: { method?: string; path?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.method = options?.method;
    this.path = options?.path;
  }
}

export interface HttpErrorDetails {
  method: string;
  path: string;
  status: number;
  /** The `message` of the server's `Error` body, or the status text when the body has none. */
  serverMessage: string;
  /** The `code` of the server's `Error` body, if any. */
  code?: number;
  /** The `details` of the server's `Error` body, if any. */
  details?: string;
  /** Milliseconds from a `Retry-After` header, if the server sent one. */
  retryAfterMs?: number;
}

/** The server answered with a non-2xx status. */
export class RunaiHttpError extends RunaiError {
  override readonly name: string = "RunaiHttpError";
  override readonly method: string;
  override readonly path: string;
  readonly status: number;
  readonly serverMessage: string;
  readonly code?: number;
  readonly details?: string;
  readonly retryAfterMs?: number;

  constructor(d: HttpErrorDetails) {
    super(`${d.method} ${d.path} → ${d.status}: ${d.serverMessage}`, { method: d.method, path: d.path });
    this.method = d.method;
    this.path = d.path;
    this.status = d.status;
    this.serverMessage = d.serverMessage;
    this.code = d.code;
    this.details = d.details;
    this.retryAfterMs = d.retryAfterMs;
  }
}

/** 400: the server rejected the request body or parameters. */
export class RunaiBadRequestError extends RunaiHttpError {
  override readonly name: string = "RunaiBadRequestError";
}
/** 401: missing, expired or revoked credentials. */
export class RunaiUnauthorizedError extends RunaiHttpError {
  override readonly name: string = "RunaiUnauthorizedError";
}
/** 403: authenticated, but not allowed. */
export class RunaiForbiddenError extends RunaiHttpError {
  override readonly name: string = "RunaiForbiddenError";
}
/** 404: the object does not exist (callers translate: read → gone, delete → done). */
export class RunaiNotFoundError extends RunaiHttpError {
  override readonly name: string = "RunaiNotFoundError";
}
/** 409: typically a name that is already taken. */
export class RunaiConflictError extends RunaiHttpError {
  override readonly name: string = "RunaiConflictError";
}
/** 429: rate limited (after the client's own retries). */
export class RunaiRateLimitError extends RunaiHttpError {
  override readonly name: string = "RunaiRateLimitError";
}
/** 5xx (after the client's own retries, for idempotent calls). */
export class RunaiServerError extends RunaiHttpError {
  override readonly name: string = "RunaiServerError";
}

/** Builds the error class of a status family. */
export function httpError(d: HttpErrorDetails): RunaiHttpError {
  switch (d.status) {
    case 400:
      return new RunaiBadRequestError(d);
    case 401:
      return new RunaiUnauthorizedError(d);
    case 403:
      return new RunaiForbiddenError(d);
    case 404:
      return new RunaiNotFoundError(d);
    case 409:
      return new RunaiConflictError(d);
    case 429:
      return new RunaiRateLimitError(d);
    default:
      return d.status >= 500 && d.status <= 599 ? new RunaiServerError(d) : new RunaiHttpError(d);
  }
}

/**
 * The request did not get an HTTP answer: connection refused or reset, DNS failure, TLS failure.
 * `cause` is a plain Error holding only the low-level code and message (never the request options
 * a fetch implementation may attach to its own errors).
 */
export class RunaiNetworkError extends RunaiError {
  override readonly name: string = "RunaiNetworkError";
  /** The system error code, e.g. "ECONNRESET", when known. */
  readonly errorCode?: string;

  constructor(method: string, path: string, reason: string, errorCode?: string) {
    const cause = Object.assign(new Error(reason), errorCode ? { code: errorCode } : {});
    super(`${method} ${path} → network error: ${reason}`, { method, path, cause });
    this.errorCode = errorCode;
  }
}

/**
 * Why a connection to the control plane failed before any HTTP exchange, when the system error code
 * says so: refused (nothing listens there), an unknown host (the name does not resolve), or a TLS
 * handshake that failed (no TLS on that port, a certificate not trusted, expired, or for another name).
 */
export type ConnectionFailure = "refused" | "unknown host" | "no TLS" | "untrusted certificate" | "expired certificate" | "wrong host name";

/** The failure a system error code names, or undefined for codes that say nothing about the setup (a reset, say). */
export function connectionFailureOf(errorCode: string | undefined): ConnectionFailure | undefined {
  if (errorCode === undefined) return undefined;
  if (errorCode === "ECONNREFUSED") return "refused";
  if (errorCode === "ENOTFOUND" || errorCode === "EAI_AGAIN") return "unknown host";
  // "wrong version number" (an https:// URL to a plain-HTTP port) is EPROTO, or ERR_SSL_… in newer OpenSSL builds.
  if (errorCode === "EPROTO" || errorCode.startsWith("ERR_SSL_")) return "no TLS";
  if (errorCode === "ERR_TLS_CERT_ALTNAME_INVALID") return "wrong host name";
  if (errorCode === "CERT_HAS_EXPIRED" || errorCode === "CERT_NOT_YET_VALID") return "expired certificate";
  if (
    errorCode.startsWith("CERT_") ||
    errorCode.startsWith("UNABLE_TO_") ||
    errorCode === "DEPTH_ZERO_SELF_SIGNED_CERT" ||
    errorCode === "SELF_SIGNED_CERT_IN_CHAIN"
  ) {
    return "untrusted certificate";
  }
  return undefined;
}

/**
 * The first contact with a control plane that has not answered yet in this process failed in a way
 * that waiting will not fix: the URL or the TLS setup is wrong (see ConnectionFailure). Raised after
 * at most a couple of quick retries (refused connections only), never after the full retry budget.
 */
export class RunaiUnreachableError extends RunaiNetworkError {
  override readonly name: string = "RunaiUnreachableError";
  /** The base URL that was tried, without any user name or password. */
  readonly url: string;
  readonly failure: ConnectionFailure;

  constructor(error: RunaiNetworkError, url: string, failure: ConnectionFailure) {
    super(error.method ?? "", error.path ?? "", (error.cause as Error).message, error.errorCode);
    // The message as it stands (a "gave up after" note included).
    this.message = error.message;
    this.url = displayUrl(url);
    this.failure = failure;
  }
}

/** No complete answer within the per-request timeout. */
export class RunaiTimeoutError extends RunaiError {
  override readonly name: string = "RunaiTimeoutError";
  readonly timeoutMs: number;

  constructor(method: string, path: string, timeoutMs: number) {
    super(`${method} ${path} → timed out after ${timeoutMs} ms`, { method, path });
    this.timeoutMs = timeoutMs;
  }
}

export interface ValidationIssue {
  /** Dotted path into the response body, e.g. "entries.0.meta.id"; "(root)" for the body itself. */
  path: string;
  message: string;
}

/**
 * The call succeeded but the response body is not what the contract promises. Deliberately not an
 * RunaiHttpError: the HTTP exchange worked; retrying will not help.
 */
export class RunaiResponseValidationError extends RunaiError {
  override readonly name: string = "RunaiResponseValidationError";
  readonly status: number;
  readonly issues: readonly ValidationIssue[];

  constructor(method: string, path: string, status: number, issues: ValidationIssue[]) {
    const listed = issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}`)
      .join("; ");
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
    super(`${method} ${path} → ${status}: unexpected response body: ${listed}${more}`, { method, path });
    this.status = status;
    this.issues = issues;
  }
}

/** True for any error thrown by this client, also across copies of the module (a duplicated package). */
export function isRunaiError(value: unknown): value is RunaiError {
  return value instanceof RunaiError || (value instanceof Error && /^Runai[A-Za-z]*Error$/.test(value.name));
}
