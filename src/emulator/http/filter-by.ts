// The list parameters of the org-unit, node-pool and access-rule operations: `filterBy` (comma-joined
// `<field><operator><value>` terms, all of which must hold), `sortBy`/`sortOrder`, `offset`/`limit`.
// The contract validated the terms' syntax; each route names the fields it can filter and sort on.
import { badRequest } from "./errors";

export type FieldValue = string | number | boolean | null | undefined;
export type Fields<T> = Record<string, (item: T) => FieldValue>;

const TERM = /^([A-Za-z0-9]+)(==|!=|<=|>=|=@|!@|=\^|=\$)(.+)$/;

/** A predicate for the `filterBy` terms; 400 naming a field the emulator does not filter on. */
export function filterByPredicate<T>(terms: unknown, fields: Fields<T>): (item: T) => boolean {
  const tests: Array<(item: T) => boolean> = [];
  for (const term of Array.isArray(terms) ? (terms as string[]) : []) {
    const parsed = TERM.exec(term);
    if (!parsed) throw badRequest(`query.filterBy: "${term}" is not <field><operator><value>`);
    const [, field, operator, value] = parsed;
    const get = fields[field];
    if (!get) throw badRequest(`query.filterBy: filtering on "${field}" is not supported by the emulator`);
    tests.push((item) => compare(get(item), operator, value));
  }
  return (item) => tests.every((test) => test(item));
}

function compare(actual: FieldValue, operator: string, expected: string): boolean {
  if (actual === null || actual === undefined) return operator === "!=" || operator === "!@";
  if (typeof actual === "number" && (operator === "<=" || operator === ">=" || operator === "==" || operator === "!=")) {
    const number = Number(expected);
    if (Number.isNaN(number)) return operator === "!=";
    return operator === "<=" ? actual <= number : operator === ">=" ? actual >= number : (actual === number) === (operator === "==");
  }
  const text = String(actual);
  switch (operator) {
    case "==":
      return text === expected;
    case "!=":
      return text !== expected;
    case "<=":
      return text <= expected;
    case ">=":
      return text >= expected;
    case "=@":
      return text.includes(expected);
    case "!@":
      return !text.includes(expected);
    case "=^":
      return text.startsWith(expected);
    default: // "=$"
      return text.endsWith(expected);
  }
}

/** Sorted by `sortBy` (stable; items keep their order otherwise) in `sortOrder`; 400 for a field the emulator cannot sort on. */
export function sortItems<T>(items: T[], sortBy: unknown, sortOrder: unknown, fields: Fields<T>): T[] {
  const descending = sortOrder === "desc";
  if (typeof sortBy !== "string") return descending ? [...items].reverse() : items;
  const get = fields[sortBy];
  if (!get) throw badRequest(`query.sortBy: sorting on "${sortBy}" is not supported by the emulator`);
  const sign = descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === y) return 0;
    if (x === null || x === undefined) return sign;
    if (y === null || y === undefined) return -sign;
    return (x < y ? -1 : 1) * sign;
  });
}

/** One page: `offset` (default 0) and `limit` (default 50, as the contract declares). */
export function page<T>(items: T[], query: Record<string, unknown>): { items: T[]; next?: number } {
  const offset = typeof query.offset === "number" ? Math.max(0, query.offset) : 0;
  const limit = typeof query.limit === "number" ? query.limit : 50;
  const slice = items.slice(offset, offset + limit);
  const end = offset + slice.length;
  return end < items.length ? { items: slice, next: end } : { items: slice };
}
