// Resource names a program can keep: derived from the Run:ai names, unique across the whole file
// (Pulumi's code generators turn each into one variable), and the same for the same tenant, since
// they depend on nothing but the objects' names, kinds and ids, taken in a sorted order.
import type { ListedObject } from "./listing";

/** Lowercase letters, digits and single dashes; never empty. */
export function slug(text: string): string {
  const base = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return base === "" ? "object" : base;
}

/** `ConfigMapAsset` → `config-map-asset`. */
function kindSlug(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * The resource name of every object, by `type/id`. A name taken by objects of several kinds gets
 * each one's kind (`research-department`, `research-project`); one still shared (assets of one name
 * in two projects) gets the start of each id.
 */
export function resourceNames(objects: readonly ListedObject[]): Map<string, string> {
  const key = (object: ListedObject) => `${object.type}/${object.id}`;
  const sorted = [...objects].sort((a, b) => compare(key(a), key(b)));
  const names = new Map(sorted.map((object) => [key(object), slug(object.runaiName)]));
  const disambiguate = (suffix: (object: ListedObject) => string) => {
    const counts = new Map<string, number>();
    for (const name of names.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
    for (const object of sorted) {
      const name = names.get(key(object))!;
      if (counts.get(name)! > 1) names.set(key(object), `${name}-${suffix(object)}`);
    }
  };
  disambiguate((object) => kindSlug(object.type));
  disambiguate((object) => slug(object.id).slice(0, 8));
  disambiguate((object) => slug(object.id));
  return names;
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
