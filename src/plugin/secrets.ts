// Secrets as a real provider sees them. The engine hands this plugin every secret value wrapped
// (`{<sig>: <secret sig>, value}`), because the SDK's Configure answers acceptSecrets=true, and it
// keeps whatever secretness the plugin returns: it does not re-mark outputs by name as it does for
// the dynamic host. So the values are unwrapped before the shared provider code sees them, and the
// results are wrapped again at the same places plus where the kind says a value is secret.

/** The property-value signature key and the secret signature of Pulumi's wire format. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A place in a value: object keys and list indexes, or `"[]"` for every element of a list. */
export type SecretPath = readonly (string | number)[];

export function isSecretWrapper(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

export function wrapSecret(value: unknown): unknown {
  return isSecretWrapper(value) ? value : { [SIG_KEY]: SECRET_SIG, value };
}

/**
 * The value with every secret wrapper removed (at any depth), and where each one was. Every call of
 * the plugin runs this on its inputs, outputs or both, so it copies only what holds a secret: the
 * rest of the value is returned as it came (the engine's values are fresh objects of each call).
 */
export function unwrapSecrets<T>(value: T): { value: T; paths: SecretPath[] } {
  const paths: SecretPath[] = [];
  const at: (string | number)[] = [];
  const walk = (inner: unknown): unknown => {
    if (isSecretWrapper(inner)) {
      paths.push([...at]);
      // A secret can hold another (an output of a secret): one mark is enough.
      return walk(inner.value);
    }
    if (!inner || typeof inner !== "object") return inner;
    let copy: unknown[] | Record<string, unknown> | undefined;
    const entries: [string | number, unknown][] = Array.isArray(inner)
      ? inner.map((element, index) => [index, element])
      : Object.entries(inner);
    for (const [key, element] of entries) {
      at.push(key);
      const plain = walk(element);
      at.pop();
      if (plain === element) continue;
      copy ??= Array.isArray(inner) ? [...inner] : { ...(inner as Record<string, unknown>) };
      (copy as Record<string | number, unknown>)[key] = plain;
    }
    return copy ?? inner;
  };
  const plain = walk(value) as T;
  // Paths inside a path already marked add nothing.
  return { value: plain, paths: paths.filter((path) => !paths.some((outer) => outer !== path && isPrefix(outer, path))) };
}

/** A dotted secret path of a kind (`spec.password`, `spec.keyValuePairs[].value`) as a SecretPath. */
export function parseSecretPath(dotted: string): SecretPath {
  return dotted.split(".").flatMap((part) => (part.endsWith("[]") ? [part.slice(0, -2), "[]"] : [part]));
}

/**
 * A copy of `value` without `undefined` anywhere (the engine refuses it: "Unexpected struct type"),
 * with the values at `paths` wrapped as secrets; a path that leads nowhere is skipped.
 */
export function withSecrets<T>(value: T, paths: readonly SecretPath[]): T {
  let out = plainJson(value);
  for (const path of paths) out = wrapAt(out, path) as T;
  return out;
}

function wrapAt(value: unknown, path: SecretPath): unknown {
  if (value === undefined || value === null) return value;
  if (path.length === 0) return wrapSecret(value);
  if (isSecretWrapper(value)) return value;
  const [head, ...rest] = path;
  if (head === "[]") return Array.isArray(value) ? value.map((element) => wrapAt(element, rest)) : value;
  if (Array.isArray(value)) {
    if (typeof head !== "number" || head >= value.length) return value;
    return value.map((element, index) => (index === head ? wrapAt(element, rest) : element));
  }
  if (typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const key = String(head);
  if (!(key in record)) return value;
  return { ...record, [key]: wrapAt(record[key], rest) };
}

function plainJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function isPrefix(prefix: SecretPath, path: SecretPath): boolean {
  return prefix.length < path.length && prefix.every((part, index) => part === path[index]);
}
