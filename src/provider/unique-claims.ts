// Two resources of one program that would own the same Run:ai object (two node pools with one name in
// one cluster) are refused at check, so at preview, before anything is written: Run:ai would take the
// first and refuse, or silently share, the second.
//
// Check is called per resource with no word of which resource it is on the dynamic host, and the
// engine may check one resource more than once, so each check says who asks: the resource classes
// of the dynamic host send the resource's name in the hidden input `__declaredBy`, the plugin host its
// URN. The adapter reads it, removes it from the inputs it returns (it never reaches state, diff or
// outputs), and claims the kind's unique key for that resource in a table that lives as long as the
// provider process, which the engine starts once per deployment and host (`pulumi up` ran its preview
// and its update in two processes of the dynamic host, each checking the resource under one name).
import type { Json, UniqueKey } from "./kind";
import type { CheckFailure } from "./validation";
import { containsUnknown, formatPath, valueAt } from "./validation";

/** The hidden input that says which resource a check is for. */
export const DECLARED_BY = "__declaredBy";

/** One resource of the program: `id` tells it from every other (a URN), `name` is what messages say. */
export interface Declaration {
  id: string;
  name: string;
}

/** The inputs without the hidden `__declaredBy`, and the declaration it held (none from a caller that sends none). */
export function takeDeclaration(news: Json): { inputs: Json; declaration?: Declaration } {
  if (!Object.hasOwn(news, DECLARED_BY)) return { inputs: news };
  const { [DECLARED_BY]: held, ...inputs } = news;
  const declaration = held as Partial<Declaration> | null;
  const valid = typeof declaration?.id === "string" && typeof declaration.name === "string";
  return valid ? { inputs, declaration: { id: declaration.id!, name: declaration.name! } } : { inputs };
}

/**
 * A kind's unique key from the values at the paths `parts` (inputs as check sees them), or undefined
 * while one of them is unknown (a preview) or absent: a key is claimed only once all of it is known.
 * `field` and `rule` are what a duplicate's failure names.
 */
export function uniqueKeyOf(values: Json, parts: readonly (readonly string[])[], field: string[], rule: string): UniqueKey | undefined {
  const known = parts.map((path) => valueAt(values, [...path]));
  if (known.some((value) => value === undefined || value === null || containsUnknown(value))) return undefined;
  return { key: JSON.stringify(known), field, rule };
}

/** Which resource holds which unique key, for one kind in one provider process. */
export class UniqueClaims {
  private readonly holders = new Map<string, Declaration>();
  private readonly keyOf = new Map<string, string>();

  /**
   * Claims `key` for `by` and returns the other resource that holds it, if any. A resource checked
   * again keeps its claim; one whose key changed, or is no longer known, gives up the old one.
   */
  claim(key: string | undefined, by: Declaration): Declaration | undefined {
    const previous = this.keyOf.get(by.id);
    if (previous !== undefined && previous !== key) {
      this.holders.delete(previous);
      this.keyOf.delete(by.id);
    }
    if (key === undefined) return undefined;
    const holder = this.holders.get(key);
    if (holder && holder.id !== by.id) return holder;
    this.holders.set(key, by);
    this.keyOf.set(by.id, key);
    return undefined;
  }
}

/**
 * The failure for a resource whose unique key another resource of the program holds already, e.g.
 * `name: "gpu-a" is also declared by resource "pool-a" (a node pool's name is unique in its cluster)`.
 */
export function duplicateFailure(
  claims: UniqueClaims,
  unique: UniqueKey | undefined,
  by: Declaration,
  inputs: Json,
): CheckFailure | undefined {
  const holder = claims.claim(unique?.key, by);
  if (!holder || !unique) return undefined;
  const value = JSON.stringify(valueAt(inputs, unique.field));
  return { property: "", reason: `${formatPath(unique.field)}: ${value} is also declared by resource "${holder.name}" (${unique.rule})` };
}
