// A create whose outcome Run:ai never confirmed: the POST (or the look-up after it) failed with a
// network error, a timeout or a 5xx until the retry budget ran out, so the object may or may not
// exist. Failing plainly would leave such an object outside the state, and the next `pulumi up`
// would refuse its name as "not managed by this stack".
//
// Instead the resource is kept in state under a placeholder id (an initialisation failure, so the
// run still fails and says why). The next `pulumi up` replaces the placeholder, delete first: the
// delete looks the name up and removes an object created at the time of that attempt, then the
// create makes it afresh. So a plain second `pulumi up` converges, with no orphan and no duplicate.
import { randomUUID } from "node:crypto";
import { isUncertainOutcome } from "../client/retry";
import type { ProviderContext } from "./context";
import { resourceInitFailed } from "./init-failure";
import type { Json, ResourceKind } from "./kind";
import { waitForDeletion } from "./sync";

const PLACEHOLDER_PREFIX = "unconfirmed-create-";
/** The output that records when the unconfirmed attempt began. */
const ATTEMPT_STARTED = "unconfirmedCreateStartedAt";
/**
 * An object found under the name is taken for the attempt's own when it was created this close to
 * the attempt: from a little before (clock skew between us and Run:ai) to well after (the retry
 * budget and the time the server took).
 */
const OWN_OBJECT_WINDOW_MS = { before: 60_000, after: 15 * 60_000 };

/** Whether a failed create may have created the object (so the resource must stay in state). */
export function mayHaveCreated(err: unknown): boolean {
  return isUncertainOutcome(err);
}

export function isPlaceholderId(id: string): boolean {
  return id.startsWith(PLACEHOLDER_PREFIX);
}

/** The error for the engine: the resource stays in state under a placeholder id, with its inputs. */
export function unconfirmedCreate(err: unknown, what: string, inputs: Json, startedAt: Date): Error {
  const error = err instanceof Error ? err : new Error(String(err));
  error.message +=
    `. Run:ai did not confirm whether ${what} was created; ` +
    "the next pulumi up removes whatever this attempt may have left and creates it again";
  const { __provider, ...props } = inputs;
  return resourceInitFailed(
    error,
    `${PLACEHOLDER_PREFIX}${randomUUID()}`,
    { ...props, [ATTEMPT_STARTED]: startedAt.toISOString() },
    __provider,
  );
}

/**
 * Deletes the object the unconfirmed attempt recorded in `props` may have created: the one under
 * its name (`inputs`: the props in the input shape) whose creation time falls in the attempt's window. Anything else under that name is
 * someone else's and stays (the create that follows then reports it by name).
 */
export async function removeUnconfirmed<T, I extends object>(
  kind: ResourceKind<T, I>,
  ctx: ProviderContext,
  inputs: I,
  props: Json,
  name: string,
): Promise<void> {
  const existing = await kind.operations.findExisting(ctx, inputs);
  if (existing === undefined) return;
  const startedAt = Date.parse(String(props[ATTEMPT_STARTED]));
  const createdAt = Date.parse(String(kind.identity.createdOf?.(existing).at ?? ""));
  if (!(createdAt >= startedAt - OWN_OBJECT_WINDOW_MS.before && createdAt <= startedAt + OWN_OBJECT_WINDOW_MS.after)) return;
  const id = kind.identity.idOf(existing);
  await kind.operations.delete(ctx, id, inputs);
  if (kind.sync && ctx.waitForSync) await waitForDeletion(kind, kind.sync, ctx, id, name);
}
