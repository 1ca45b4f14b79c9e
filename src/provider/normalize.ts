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
