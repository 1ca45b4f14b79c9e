// "Created, but not healthy": the dynamic-provider host turns an error that carries `id` and
// `properties` into ErrorResourceInitFailed, so the engine keeps the object in state (with the error)
// instead of orphaning it. The host does not add `__provider` to those properties, so we do.
import { explainSettingsFailure } from "./credential-check";

/** Marks `err` as an initialisation failure of the object `id`, whose outputs are `outputs`. */
export function resourceInitFailed(err: unknown, id: string, outputs: Record<string, unknown>, provider: unknown): Error {
  const explained = explainSettingsFailure(err);
  const error = explained instanceof Error ? explained : new Error(String(explained));
  return Object.assign(error, {
    id,
    properties: { ...JSON.parse(JSON.stringify(outputs)), __provider: provider },
    reasons: [error.message],
  });
}
