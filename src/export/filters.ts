// The command line's filters, checked before anything is listed where they can be (a bad regular
// expression, an unknown kind) and once the organisation is listed where they cannot (a department
// or project name), each failure naming the option and the rule.
import { ExportError } from "./errors";
import { EXPORTED_TYPES } from "./kinds";
import type { ListedObject } from "./listing";

export interface FilterOptions {
  departments?: readonly string[];
  projects?: readonly string[];
  kinds?: readonly string[];
  match?: string;
  exclude?: string;
  includeSystem?: boolean;
}

export interface Filters {
  /** The kinds to list, in the import file's order. */
  kinds: readonly string[];
  departments: readonly string[];
  projects: readonly string[];
  match?: RegExp;
  exclude?: RegExp;
  includeSystem: boolean;
}

/** Parses the options that need no Run:ai answer; throws an ExportError (usage) naming the option. */
export function parseFilters(options: FilterOptions): Filters {
  let kinds = EXPORTED_TYPES;
  if (options.kinds && options.kinds.length > 0) {
    const asked = options.kinds
      .flatMap((entry) => entry.split(","))
      .map((kind) => kind.trim())
      .filter(Boolean);
    const unknown = asked.filter((kind) => !EXPORTED_TYPES.includes(kind));
    if (unknown.length > 0) {
      throw new ExportError(
        `--kinds: unknown kind ${unknown.map((kind) => JSON.stringify(kind)).join(", ")}; runai-export lists ${EXPORTED_TYPES.join(", ")}`,
        2,
      );
    }
    kinds = EXPORTED_TYPES.filter((kind) => asked.includes(kind));
  }
  return {
    kinds,
    departments: options.departments ?? [],
    projects: options.projects ?? [],
    match: regex("--match", options.match),
    exclude: regex("--exclude", options.exclude),
    includeSystem: options.includeSystem ?? false,
  };
}

function regex(option: string, source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch (err) {
    throw new ExportError(`${option}: ${JSON.stringify(source)} is not a valid regular expression (${(err as Error).message})`, 2);
  }
}

/** Department or project names (or ids) resolved to ids; an unknown one fails, listing what there is. */
export function resolveScopes(noun: "department" | "project", asked: readonly string[], units: readonly ListedObject[]): Set<string> {
  const ids = new Set<string>();
  for (const wanted of asked) {
    const found = units.filter((unit) => unit.runaiName === wanted || unit.id === wanted);
    if (found.length === 0) {
      const known = units.map((unit) => JSON.stringify(unit.runaiName)).sort();
      throw new ExportError(`--${noun}: unknown ${noun} "${wanted}"; the tenant's ${noun}s are ${known.join(", ") || "none"}`, 2);
    }
    for (const unit of found) ids.add(unit.id);
  }
  return ids;
}

/** Why the filters leave an object out (undefined: it is exported). */
export function leftOutBy(
  object: ListedObject,
  filters: Filters,
  scopes: { departments: Set<string>; projects: Set<string> },
): string | undefined {
  if (object.system && !filters.includeSystem) return `${object.system} (--include-system exports it)`;
  const scoped = filters.departments.length > 0 || filters.projects.length > 0;
  if (scoped && !inScope(object, scopes)) return "outside the --department/--project given";
  if (filters.match && !filters.match.test(object.runaiName)) return "its name does not match --match";
  if (filters.exclude?.test(object.runaiName)) return "its name matches --exclude";
  return undefined;
}

function inScope(object: ListedObject, scopes: { departments: Set<string>; projects: Set<string> }): boolean {
  const { departmentId, projectId } = object.placement;
  const ownDepartment = object.type === "Department" ? object.id : departmentId;
  const ownProject = object.type === "Project" ? object.id : projectId;
  return (
    (ownDepartment !== undefined && scopes.departments.has(ownDepartment)) || (ownProject !== undefined && scopes.projects.has(ownProject))
  );
}
