// `check` for every kind: the kind's input schema, the adapter's own `adoptExisting`, then the kind's
// cross-field rules; every problem at once, each naming the property and the rule.
import { diffInputs } from "./diff";
import type { Json, ResourceKind } from "./kind";
import { Failures } from "./validation";
import type { CheckFailure } from "./validation";

/** Inputs that belong to the engine or the adapter, not to the kind. */
const ADAPTER_INPUTS = ["__provider", "adoptExisting"];

/**
 * `olds`: the inputs the state holds, when the resource exists (an imported one holds no secret
 * value Run:ai cannot return, and the program need not give one either: see Failures.keepUnset).
 */
export function checkInputs<T, I extends object>(
  kind: ResourceKind<T, I>,
  news: Json,
  olds?: Json,
): { inputs: Json; failures: CheckFailure[] } {
  const failures = new Failures(news);
  // Only while the object stays: a replacement is a new credential, which needs its values.
  if (olds && Object.keys(olds).length > 0 && (diffInputs(kind, olds, news).replaces ?? []).length === 0) {
    failures.keepUnset(unsetSecretInputs(kind, olds));
  }
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

/** The kind's secret inputs Run:ai never returns that `olds` holds no value of (`a[]` in no element). */
function unsetSecretInputs<T, I extends object>(kind: ResourceKind<T, I>, olds: Json): string[] {
  const unseen = kind.writeOnlyInputs ?? [];
  return (kind.secrets?.inputs ?? []).filter((path) => unseen.includes(path) && !holdsValue(olds, path.split(".")));
}

function holdsValue(value: unknown, parts: string[]): boolean {
  if (parts.length === 0) return value !== undefined && value !== null;
  if (!value || typeof value !== "object") return false;
  const [head, ...rest] = parts;
  if (head.endsWith("[]")) {
    const list = (value as Json)[head.slice(0, -2)];
    return Array.isArray(list) && list.some((element) => holdsValue(element, rest));
  }
  return holdsValue((value as Json)[head], rest);
}
