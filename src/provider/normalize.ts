// Canonical forms for comparing what the program says with what the server holds, so that `null`
// versus a missing key, or a server default the user never wrote, never shows up as a change.

/** A plain-JSON copy without `undefined`/`null` values (dynamic-provider outputs must be plain JSON). */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripNulls) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === null || inner === undefined) continue;
      out[key] = stripNulls(inner);
    }
    return out as T;
  }
  return value;
}

/**
 * Removes keys whose value equals a server default (`defaults` mirrors the shape of the object; a
 * default given for an object's key applies to every element when that key holds a list).
 * Objects left empty by the removal are removed too, and so are empty lists: a server may answer
 * `[]` for a list it was never sent (e.g. a non-nullable one), and no items means the same as none.
 */
export function stripDefaults(value: unknown, defaults: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => stripDefaults(item, defaults));
  if (!value || typeof value !== "object") return value;
  // Without defaults at this level, still descend: empty objects and lists deeper down go too.
  const table = (defaults && typeof defaults === "object" ? defaults : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const fallback = table[key];
    if (fallback !== undefined && typeof fallback !== "object" && inner === fallback) continue;
    const stripped = stripDefaults(inner, fallback);
    if (stripped && typeof stripped === "object" && Object.keys(stripped).length === 0) continue;
    out[key] = stripped;
  }
  return out;
}

/** Structural equality of plain JSON values (key order does not matter, list order does). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length &&
      keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual((a as never)[key], (b as never)[key]))
    );
  }
  return false;
}

/**
 * Copies the value at `path` in `source` to the same place in `target` (created where missing), for
 * fields the server never returns. `[]` in the path goes through every element of a list, pairing
 * elements by position; the target's list decides which elements exist.
 */
export function carryInput(target: Record<string, unknown>, source: unknown, path: string): void {
  carry(target, source, path.split("."));
}

function carry(target: Record<string, unknown>, source: unknown, parts: string[]): void {
  if (!source || typeof source !== "object") return;
  const [head, ...rest] = parts;
  const inList = head.endsWith("[]");
  const key = inList ? head.slice(0, -2) : head;
  const value = (source as Record<string, unknown>)[key];
  if (value === undefined || value === null) return;
  if (rest.length === 0 && !inList) {
    target[key] = value;
    return;
  }
  if (inList) {
    const targets = target[key];
    if (!Array.isArray(value) || !Array.isArray(targets)) return;
    targets.forEach((element, index) => {
      if (rest.length === 0) targets[index] = value[index] ?? element;
      else if (element && typeof element === "object") carry(element as Record<string, unknown>, value[index], rest);
    });
    return;
  }
  const next = target[key];
  const child = next && typeof next === "object" && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
  target[key] = child;
  carry(child, value, rest);
}
