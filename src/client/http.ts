// The transport: one HTTP exchange at a time (keep-alive agents, optional CA bundle, a per-request
// timeout, bearer auth with one renew-and-retry on 401), and the retry loop for calls that may be
// repeated. Every failure leaves here as one of the classes of errors.ts, already redacted.
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import fetch, { Headers } from "node-fetch";
import { z } from "zod";
import { ApiError } from "../schemas/asset";
import { httpError, RunaiError, RunaiNetworkError, RunaiResponseValidationError, RunaiTimeoutError, ValidationIssue } from "./errors";
import { atFirstContact, markAnswered } from "./first-contact";
import { Redactor } from "./redact";
import {
  describeFailure,
  gaveUp,
  isIdempotentMethod,
  isTransient,
  mayRetry,
  parseRetryAfter,
  retryAfterOf,
  retryDelayMs,
  retryNotifier,
  RetryPolicy,
  sleep,
} from "./retry";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Supplies bearer tokens to the transport (see auth.ts). */
export interface TokenProvider {
  /** A token that is valid now (may fetch or renew one). */
  token(): Promise<string>;
  /** Forget `token` after the server refused it, so the next `token()` renews. */
  invalidate(token: string): void;
  /** False for a static token: a 401 is then final. */
  readonly renewable: boolean;
}

/** Reported before each wait between attempts; all strings are redacted. */
export interface RetryEvent {
  method: string;
  path: string;
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  delayMs: number;
  /** The status code, or the error class name for failures without one. */
  reason: string;
}

export interface TransportOptions {
  /** The base URL, without a trailing slash (see base-url.ts). */
  url: string;
  timeoutMs: number;
  retry: RetryPolicy;
  userAgent: string;
  redactor: Redactor;
  caBundle?: string;
  onRetry?: (event: RetryEvent) => void;
  /** Lines for the user: one per call that waits to retry (see retryNotice). */
  log?: (line: string) => void;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestSpec<T> {
  method: HttpMethod;
  /** The API path, e.g. "/api/v1/asset/environment"; ids already URL-encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Schema of a 2xx body. Without one, the body is ignored and `undefined` returned. */
  schema?: z.ZodType<T>;
  /** Send a bearer token. Default true (false for the token endpoint itself). */
  authenticated?: boolean;
  /**
   * Retry transient failures. Defaults to true for idempotent methods and false for POST: a POST is
   * retried only by callers that know how to check whether it took effect (create-recovery.ts).
   */
  retry?: boolean;
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

export class HttpTransport {
  private readonly base: string;
  private readonly agent: http.Agent | https.Agent;
  private auth?: TokenProvider;

  constructor(private readonly options: TransportOptions) {
    this.base = options.url;
    const isHttps = new URL(this.base).protocol === "https:";
    // One keep-alive agent per client: a `pulumi up` of many resources reuses connections instead
    // of paying a TLS handshake per call. A CA bundle is added to the public roots rather than
    // replacing them, so a private CA does not break a proxy that uses a public certificate.
    this.agent = isHttps
      ? new https.Agent({
          keepAlive: true,
          ...(options.caBundle ? { ca: [...tls.rootCertificates, options.caBundle] } : {}),
        })
      : new http.Agent({ keepAlive: true });
  }

  setAuth(auth: TokenProvider): void {
    this.auth = auth;
  }

  get redactor(): Redactor {
    return this.options.redactor;
  }

  get retryPolicy(): RetryPolicy {
    return this.options.retry;
  }

  /** Notifies the retry listener (also used by create-recovery.ts). */
  notifyRetry(event: RetryEvent): void {
    this.options.onRetry?.(event);
  }

  /** A fresh "waits to retry" notice for one call: it speaks at the call's first wait only. */
  retryNotifier(): ReturnType<typeof retryNotifier> {
    return retryNotifier(this.options.log, this.options.retry);
  }

  /** Closes idle keep-alive sockets. The client stays usable; new sockets are opened on demand. */
  close(): void {
    this.agent.destroy();
  }

  /** One logical call: retries transient failures when allowed, renews the token once on a 401. */
  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const retry = spec.retry ?? isIdempotentMethod(spec.method);
    const policy = this.options.retry;
    let renewed = false;
    const startedAt = Date.now();
    const notice = this.retryNotifier();
    for (let attempt = 1; ; attempt++) {
      // Token errors come out of their own retry loop (auth.ts): not retried again here.
      const token = spec.authenticated === false ? undefined : await this.token();
      try {
        const response = await this.exchange(spec, token);
        if (response.status === 401 && token !== undefined && this.auth?.renewable && !renewed) {
          // The token expired early or was revoked: the server did not act, so any method,
          // POST included, may be sent once more with a fresh token.
          this.auth.invalidate(token);
          renewed = true;
          attempt--;
          continue;
        }
        if (response.status < 200 || response.status > 299) throw this.toHttpError(spec, response);
        return this.parse(spec, response);
      } catch (error) {
        const firstContact = atFirstContact(error, this.base, retry, attempt, Date.now() - startedAt, policy);
        if (firstContact && "fail" in firstContact) throw firstContact.fail;
        if (firstContact) {
          await sleep(firstContact.waitMs);
          continue;
        }
        if (!retry || !isTransient(error)) throw error;
        const delayMs = retryDelayMs(attempt, policy, retryAfterOf(error));
        if (!mayRetry(attempt, Date.now() - startedAt, delayMs, policy)) throw gaveUp(error, attempt);
        notice(error, attempt, delayMs);
        this.notifyRetry({ method: spec.method, path: spec.path, attempt, delayMs, reason: describeFailure(error) });
        await sleep(delayMs);
      }
    }
  }

  /** The bearer token requests are sent with now (fetched or renewed if need be). */
  async token(): Promise<string> {
    if (!this.auth) throw new RunaiError("the Run:ai client has no credentials");
    return this.auth.token();
  }

  /** One HTTP exchange, body included, within the per-request timeout. */
  private async exchange(spec: RequestSpec<unknown>, token: string | undefined): Promise<RawResponse> {
    const { method, path } = spec;
    const headers: Record<string, string> = {
      Accept: "application/json",
      "User-Agent": this.options.userAgent,
    };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers["Content-Type"] = "application/json";
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const response = await fetch(this.base + path + queryString(spec.query), {
        method,
        headers,
        body,
        agent: this.agent,
        signal: controller.signal,
        // The API never redirects; following one (to an SSO login page, say) would only turn a
        // clear 3xx into a confusing parse error.
        redirect: "manual",
      });
      markAnswered(this.base);
      const text = await response.text();
      return { status: response.status, statusText: response.statusText, headers: response.headers, text };
    } catch (error) {
      if (controller.signal.aborted) throw new RunaiTimeoutError(method, path, this.options.timeoutMs);
      // Keep only the low-level code and message: fetch errors can hold the request options,
      // and with them the Authorization header.
      const { reason, code } = describeNetworkError(error);
      throw new RunaiNetworkError(method, this.redact(path), this.redact(reason), code);
    } finally {
      clearTimeout(timer);
    }
  }

  private toHttpError(spec: RequestSpec<unknown>, response: RawResponse) {
    const body = errorBody(response.text);
    return httpError({
      method: spec.method,
      path: this.redact(spec.path),
      status: response.status,
      serverMessage: this.redact(body.message || response.statusText || `HTTP ${response.status}`),
      code: body.code,
      details: body.details ? this.redact(body.details) : undefined,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    });
  }

  private parse<T>(spec: RequestSpec<T>, response: RawResponse): T {
    if (!spec.schema) return undefined as T;
    const fail = (issues: ValidationIssue[]) =>
      new RunaiResponseValidationError(spec.method, this.redact(spec.path), response.status, issues);
    let json: unknown;
    try {
      // An empty body (204) reads as undefined: the schema decides whether that is acceptable.
      json = response.text.trim() === "" ? undefined : JSON.parse(response.text);
    } catch {
      throw fail([{ path: "(root)", message: "not valid JSON" }]);
    }
    const result = spec.schema.safeParse(json);
    if (!result.success) {
      // Only the path and zod's message: zod's messages name the expected type, never the value.
      throw fail(
        result.error.issues.map((issue) => ({
          path: issue.path.length ? issue.path.map(String).join(".") : "(root)",
          message: this.redact(issue.message),
        })),
      );
    }
    return result.data;
  }

  private redact(text: string): string {
    return this.options.redactor.redact(text);
  }
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The server's `Error {code, message, details}`. Proxies and gateways answer with other shapes
 * (HTML, `{error: …}`), so anything that does not fit falls back to a bare `message`, or nothing.
 */
function errorBody(text: string): { message?: string; code?: number; details?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = ApiError.safeParse(json);
  if (parsed.success) return { message: parsed.data.message, code: parsed.data.code, details: parsed.data.details ?? undefined };
  const message = (json as { message?: unknown } | null)?.message;
  return typeof message === "string" ? { message } : {};
}

/** node-fetch's FetchError reads "request to <url> failed, reason: <reason>"; keep the reason and code. */
function describeNetworkError(error: unknown): { reason: string; code?: string } {
  const e = error as { message?: unknown; code?: unknown; errno?: unknown } | undefined;
  const code = typeof e?.code === "string" ? e.code : typeof e?.errno === "string" ? e.errno : undefined;
  const message = typeof e?.message === "string" ? e.message : "request failed";
  const reason = message.replace(/^request to \S+ failed, reason: /, "");
  return { reason: code && !reason.includes(code) ? `${reason} (${code})` : reason, code };
}
