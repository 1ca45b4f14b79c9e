// `check` for every kind: the kind's input schema, the adapter's own `adoptExisting`, then the kind's
// cross-field rules; every problem at once, each naming the property and the rule.
import type { Json, ResourceKind } from "./kind";
import { Failures } from "./validation";
import type { CheckFailure } from "./validation";

/** Inputs that belong to the engine or the adapter, not to the kind. */
const ADAPTER_INPUTS = ["__provider", "adoptExisting"];

export function checkInputs<T, I extends object>(kind: ResourceKind<T, I>, news: Json): { inputs: Json; failures: CheckFailure[] } {
  const failures = new Failures(news);
  const own = Object.fromEntries(Object.entries(news).filter(([key]) => !ADAPTER_INPUTS.includes(key)));
  failures.addSchemaIssues(kind.inputSchema, [], own);
  if (news.adoptExisting !== undefined && typeof news.adoptExisting !== "boolean") {
    failures.add(["adoptExisting"], "must be true or false");
  }
  kind.validate?.(failures, news);
  return { inputs: withDefaults(news, kind.inputDefaults ?? {}), failures: failures.list };
}

function withDefaults(news: Json, defaults: object): Json {
  const missing = Object.entries(defaults).filter(([key]) => news[key] === undefined);
  return missing.length === 0 ? news : { ...news, ...Object.fromEntries(missing) };
}
