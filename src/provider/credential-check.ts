// The up-front check, at the first `check` of a run: the client asks Run:ai once whether it accepts
// the credentials (RunaiClient.checkCredentials), and this module words the answers a user has to
// act on as the settings to fix. A preview with a refused client secret, or a runai:url that cannot
// be reached, then fails once, within seconds, instead of at every resource of an `up`.
// Values from the client's modules rather than its index, which would load every endpoint's schemas.
import { TOKEN_PATH } from "../client/auth";
import { RunaiHttpError, RunaiUnauthorizedError, RunaiUnreachableError } from "../client/errors";
import type { RunaiClient } from "../client";
import { controlPlaneUnreachable, credentialsRefused } from "./errors";

/** Statuses with which the token endpoint refuses credentials (400: Run:ai's answer to some malformed pairs). */
const REFUSALS = [400, 401, 403];

/**
 * Resolves when Run:ai accepts the client's credentials (asked once per client: a success is kept,
 * a failure is not); rejects with a ProviderConfigError naming the settings when it refuses them or
 * the URL cannot be reached, or with the client's error when Run:ai cannot answer.
 */
export async function checkCredentials(client: RunaiClient): Promise<void> {
  try {
    await client.checkCredentials();
  } catch (err) {
    // The check of a static token reads the roles: a 401 there is a refusal of the token.
    if (err instanceof RunaiUnauthorizedError && err.path !== TOKEN_PATH) throw credentialsRefused("token", err.message);
    throw explainSettingsFailure(err);
  }
}

/**
 * A failure any operation can meet, as the settings to fix: a refusal of the client credentials
 * (at the check, or in the middle of a run when the secret was regenerated or the application
 * disabled and the next token renewal is refused), or a first contact with a runai:url that cannot
 * be reached (a refresh or a destroy contacts Run:ai without a check first). Any other error as it is.
 * Neither is ever retried: a refusal is final, and first-contact.ts has decided the URL is wrong.
 */
export function explainSettingsFailure(err: unknown): unknown {
  if (err instanceof RunaiHttpError && err.path === TOKEN_PATH && REFUSALS.includes(err.status)) {
    return credentialsRefused("client credentials", err.message);
  }
  if (err instanceof RunaiUnreachableError) return controlPlaneUnreachable(err);
  return err;
}
