// What the organization endpoints (departments, projects, access rules, roles, clusters, node pools)
// share: their paths, the `filterBy` query parameter, and reading every page of a list.
import { RunaiError } from "./errors";

export const DEPARTMENTS_PATH = "/api/v1/org-unit/departments";
export const PROJECTS_PATH = "/api/v1/org-unit/projects";
export const ACCESS_RULES_PATH = "/api/v1/authorization/access-rules";
export const ROLES_PATH = "/api/v1/authorization/roles";
export const CLUSTERS_PATH = "/api/v1/clusters";
export const NODE_POOLS_PATH = "/api/v1/node-pools";

/** `limit` of every paged list request: the contract's maximum (1..500, default 50). */
export const PAGE_LIMIT = 500;
/** A list that has not ended after this many pages is a server that ignores `offset`: give up. */
export const MAX_PAGES = 1000;

/**
 * A `filterBy` value: `<field><operator><value>` terms joined by commas (an array parameter with
 * `explode: false`), e.g. `name==team-a,clusterId==71f6…`. Undefined terms are left out; undefined
 * when no term is left. A value with a comma cannot be expressed (the server splits on commas), so
 * it is refused rather than sent as two terms; so is an empty value (the contract's pattern needs one
 * character at least).
 */
export function filterBy(terms: ReadonlyArray<readonly [field: string, value: string | number | undefined]>): string | undefined {
  const parts: string[] = [];
  for (const [field, value] of terms) {
    if (value === undefined) continue;
    parts.push(`${field}==${filterValue(field, value)}`);
  }
  return parts.length ? parts.join(",") : undefined;
}

/** One element of a comma-joined array parameter (`filterBy` term value, `subjectIds` item). */
export function filterValue(field: string, value: string | number): string {
  const text = String(value);
  if (text === "") throw new TypeError(`filter ${field}: the value must not be empty`);
  if (text.includes(",")) {
    throw new TypeError(`filter ${field}: the value ${JSON.stringify(text)} contains a comma, which the list parameter cannot carry`);
  }
  return text;
}

export interface Page<T> {
  items: T[];
  /** Whether another page may follow (each endpoint tells it its own way). */
  more: boolean;
}

/**
 * Reads every page of a list: `offset` 0, `PAGE_LIMIT`, then `offset` += the number of items read,
 * while the page says more may follow and was not empty.
 */
export async function readAllPages<T>(
  method: string,
  path: string,
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, more } = await fetchPage(all.length, PAGE_LIMIT);
    all.push(...items);
    if (!more || items.length === 0) return all;
  }
  throw new RunaiError(`${method} ${path} → the list did not end after ${MAX_PAGES} pages of ${PAGE_LIMIT}`, { method, path });
}
