// The credentials, checked once per client in a provider process, at the first `check` of a run:
// a preview with a refused client secret then fails once, up front, naming the settings to fix,
// instead of at every resource of an `up`.
//
// Client credentials are checked by getting the token the client uses anyway: auth.ts keeps it in
// its process-wide cache (per URL, client id and secret), so every later request reuses it and the
// check costs no request of its own. A static token has no endpoint of its own to ask: one read of
// the roles (which access rules resolve their role names from anyway) shows whether Run:ai accepts it.
import { DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from "../client/client";
import { RunaiHttpError, RunaiUnauthorizedError } from "../client/errors";
import { retryPolicy } from "../client/retry";
import type { RunaiClient, RunaiClientOptions } from "../client";
import { ClientCredentialsAuth, TOKEN_PATH } from "../client/auth";
import { HttpTransport } from "../client/http";
import { Redactor } from "../client/redact";
import { credentialsRefused } from "./errors";
import { rolesOf } from "./reference-cache";

/** Statuses with which the token endpoint refuses credentials (400: Run:ai's answer to some malformed pairs). */
const REFUSALS = [400, 401, 403];

const checked = new WeakMap<RunaiClient, Promise<void>>();

/**
 * Resolves when Run:ai accepts the credentials of `options` (the settings `client` was built from);
 * rejects with a ProviderConfigError naming the settings when it refuses them, or with the client's
 * error when it cannot be asked. Once per client: a success is kept, a failure is not.
 */
export function checkCredentials(client: RunaiClient, options: RunaiClientOptions): Promise<void> {
  let pending = checked.get(client);
  if (!pending) {
    pending = "token" in options.auth ? checkStaticToken(client) : checkClientCredentials(options, options.auth);
    checked.set(client, pending);
    pending.catch(() => checked.delete(client));
  }
  return pending;
}

async function checkClientCredentials(options: RunaiClientOptions, credentials: { clientId: string; clientSecret: string }): Promise<void> {
  // A transport like the client's (same URL, TLS, timeouts and retries), for the token request alone.
  const transport = new HttpTransport({
    url: options.url.replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: retryPolicy(options.retry),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    redactor: new Redactor(),
    caBundle: options.caBundle,
  });
  try {
    await new ClientCredentialsAuth(transport, options.url.replace(/\/+$/, ""), credentials).token();
  } catch (err) {
    if (err instanceof RunaiHttpError && err.path === TOKEN_PATH && REFUSALS.includes(err.status)) {
      throw credentialsRefused("client credentials", err.message);
    }
    throw err;
  } finally {
    transport.close();
  }
}

async function checkStaticToken(client: RunaiClient): Promise<void> {
  try {
    await rolesOf(client);
  } catch (err) {
    if (err instanceof RunaiUnauthorizedError) throw credentialsRefused("token", err.message);
    // Any other answer (a 403 for a token without the right to read roles, say) means the token was accepted.
    if (err instanceof RunaiHttpError) return;
    throw err;
  }
}

/**
 * A refusal of the client credentials in the middle of a run (the secret was regenerated or the
 * application disabled, and the next token renewal is refused) as the same ProviderConfigError the
 * check gives, naming the settings to fix; any other error as it is. A refusal is final, so it is
 * never retried.
 */
export function explainRefusal(err: unknown): unknown {
  if (err instanceof RunaiHttpError && err.path === TOKEN_PATH && REFUSALS.includes(err.status)) {
    return credentialsRefused("client credentials", err.message);
  }
  return err;
}
