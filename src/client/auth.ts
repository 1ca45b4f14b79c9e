// Authentication: a static bearer token, or application credentials exchanged at `POST /api/v1/token`
// for a JWT that is cached per process and renewed shortly before it expires.
import { createHash } from "node:crypto";
import { TokenResponse } from "../schemas/application";
import type { HttpTransport, TokenProvider } from "./http";

export const TOKEN_PATH = "/api/v1/token";

/** Renew this long before expiry at most… */
const RENEW_MARGIN_MS = 60_000;
/** …and at most this fraction of the token's lifetime (short-lived tokens would otherwise never be reused). */
const RENEW_MARGIN_FRACTION = 0.1;

/** A bearer token given by the user: used as is; a 401 is final (there is nothing to renew with). */
export class StaticTokenAuth implements TokenProvider {
  readonly renewable = false;

  constructor(private readonly value: string) {}

  async token(): Promise<string> {
    return this.value;
  }

  invalidate(): void {
    // Nothing to renew: the 401 surfaces as a RunaiUnauthorizedError.
  }
}

/** The claims we read from an access token. */
export interface JwtTimes {
  exp?: number;
  iat?: number;
}

/** Reads `exp`/`iat` from a JWT payload without verifying it (the server verifies; we only schedule). */
export function decodeJwtTimes(token: string): JwtTimes | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
    return { exp: num(payload.exp), iat: num(payload.iat) };
  } catch {
    return undefined;
  }
}

export interface TokenSchedule {
  /** When to stop handing the token out and fetch a new one. */
  renewAtMs: number;
  expiresAtMs: number;
}

/**
 * When a token received at `receivedAtMs` should be renewed: ~60 s before it expires, or 10% of its
 * lifetime before if that is shorter. With `iat` the lifetime (`exp - iat`) is counted from the moment
 * we received the token, so a skewed local clock does not make us renew on every call. Without `exp`
 * (an opaque token) there is no schedule: the token is used until the server refuses it.
 */
export function tokenSchedule(times: JwtTimes | undefined, receivedAtMs: number, expiresInSeconds?: number): TokenSchedule | undefined {
  let lifetimeMs: number | undefined;
  let expiresAtMs: number | undefined;
  if (times?.exp !== undefined && times.iat !== undefined && times.exp > times.iat) {
    lifetimeMs = (times.exp - times.iat) * 1000;
    expiresAtMs = receivedAtMs + lifetimeMs;
  } else if (times?.exp !== undefined) {
    expiresAtMs = times.exp * 1000;
    lifetimeMs = Math.max(0, expiresAtMs - receivedAtMs);
  } else if (expiresInSeconds !== undefined && expiresInSeconds > 0) {
    lifetimeMs = expiresInSeconds * 1000;
    expiresAtMs = receivedAtMs + lifetimeMs;
  } else {
    return undefined;
  }
  const margin = Math.min(RENEW_MARGIN_MS, lifetimeMs * RENEW_MARGIN_FRACTION);
  return { renewAtMs: expiresAtMs - margin, expiresAtMs };
}

interface CacheEntry {
  /** Hash of the client secret the token was obtained with (see `ClientCredentialsAuth`). */
  fingerprint: string;
  token?: string;
  schedule?: TokenSchedule;
  /** The token request in flight, shared by every concurrent caller. */
  inflight?: Promise<string>;
}

/**
 * Process-wide: every client (every resource of a `pulumi up` runs its own) shares one token per
 * (url, clientId) instead of each asking `/api/v1/token` again.
 */
const tokenCache = new Map<string, CacheEntry>();

/** Forgets every cached token (tests; or after rotating credentials in a long-lived process). */
export function clearTokenCache(): void {
  tokenCache.clear();
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Exchanges application credentials for an access token. Safe to retry: issuing a token changes nothing. */
export async function requestAccessToken(transport: HttpTransport, credentials: ClientCredentials): Promise<TokenResponse> {
  transport.redactor.add(credentials.clientSecret);
  const response = await transport.request({
    method: "POST",
    path: TOKEN_PATH,
    // The 2.22 schema spells the field `clientID`; the public docs' examples send `clientId`. A
    // server binding either spelling (or both, case-insensitively) reads the same value.
    body: {
      grantType: "client_credentials",
      clientId: credentials.clientId,
      clientID: credentials.clientId,
      clientSecret: credentials.clientSecret,
    },
    schema: TokenResponse,
    authenticated: false,
    retry: true,
  });
  transport.redactor.add(response.accessToken);
  return response;
}

/** Client-credentials auth with the process-wide cache, renewal before expiry and shared in-flight requests. */
export class ClientCredentialsAuth implements TokenProvider {
  readonly renewable = true;
  private readonly key: string;
  private readonly fingerprint: string;

  constructor(
    private readonly transport: HttpTransport,
    /** The base URL, without a trailing slash. */
    url: string,
    private readonly credentials: ClientCredentials,
    private readonly now: () => number = Date.now,
  ) {
    this.key = `${url}\u0000${credentials.clientId}`;
    // Keyed by (url, clientId), but a token obtained with one secret is never handed to a client
    // configured with another: a wrong secret must fail, not ride on someone else's token.
    this.fingerprint = createHash("sha256").update(credentials.clientSecret).digest("hex");
    transport.redactor.add(credentials.clientSecret);
  }

  async token(): Promise<string> {
    const entry = this.entry();
    const now = this.now();
    if (entry.token !== undefined && (entry.schedule === undefined || now < entry.schedule.renewAtMs)) {
      this.transport.redactor.add(entry.token);
      return entry.token;
    }
    if (entry.inflight === undefined) {
      const previous = entry.token;
      const previousSchedule = entry.schedule;
      entry.inflight = this.fetch(entry)
        .catch((error: unknown) => {
          // Renewal failed but the old token has not expired yet: keep working with it.
          if (previous !== undefined && previousSchedule && this.now() < previousSchedule.expiresAtMs) {
            return previous;
          }
          throw error;
        })
        .finally(() => {
          entry.inflight = undefined;
        });
    }
    const token = await entry.inflight;
    this.transport.redactor.add(token);
    return token;
  }

  invalidate(token: string): void {
    const entry = tokenCache.get(this.key);
    // Only the refused token: a concurrent caller may already have renewed it.
    if (entry && entry.token === token) {
      entry.token = undefined;
      entry.schedule = undefined;
    }
  }

  private entry(): CacheEntry {
    let entry = tokenCache.get(this.key);
    if (!entry || entry.fingerprint !== this.fingerprint) {
      entry = { fingerprint: this.fingerprint };
      tokenCache.set(this.key, entry);
    }
    return entry;
  }

  private async fetch(entry: CacheEntry): Promise<string> {
    const response = await requestAccessToken(this.transport, this.credentials);
    entry.token = response.accessToken;
    entry.schedule = tokenSchedule(decodeJwtTimes(response.accessToken), this.now(), response.expiresIn);
    return response.accessToken;
  }
}
