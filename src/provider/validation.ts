// Input validation for `check`: every problem at once, each reason naming the property path and the
// rule ("meta.projectId: required when meta.scope is \"project\""), and tolerant of the values that
// are still unknown during a preview.
import type { z } from "zod";

/** What a dynamic provider's check returns per problem. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** The engine's stand-in for a value that is not known yet during preview (runtime/rpc.ts unknownValue). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value is, or contains, a preview unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** True when the value holds no preview unknown: a rule may look at it. */
export const isKnown = (value: unknown): boolean => !containsUnknown(value);
/** Given: neither absent nor null (the contract's nullable fields mean the same either way). */
export const isSet = (value: unknown): boolean => value !== undefined && value !== null;
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export type Path = (string | number)[];

export function formatPath(path: Path): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    // A map's key that reads as no field name ("", ".", "a b") is quoted, so the path stays one reading.
    if (!/^[\w$-]+$/.test(part)) return `${text}[${JSON.stringify(part)}]`;
    return text ? `${text}.${part}` : part;
  }, "");
}

export function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** True when the value at the path, or any value on the way to it, is a preview unknown. */
export function isUnknownAt(root: unknown, path: Path): boolean {
  let current = root;
  for (const part of path) {
    if (isUnknown(current)) return true;
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<string | number, unknown>)[part];
  }
  return isUnknown(current) || containsUnknown(current);
}

/** Collects failures; ignores any whose path touches a preview unknown. */
export class Failures {
  private readonly items: CheckFailure[] = [];
  /** Secret inputs the object keeps unseen when the program leaves them out (see keepUnset). */
  private kept: readonly RegExp[] = [];
  constructor(private readonly root: unknown) {}

  /**
   * Secret inputs (dotted paths, `[]` for every element of a list) that Run:ai holds but never
   * returns and that neither the program nor the state holds: an imported credential's values. Left
   * out, they stay as Run:ai has them (the caller keeps none for an object being replaced), so no
   * rule asks for them (a list of such values, too).
   */
  keepUnset(paths: readonly string[]): void {
    this.kept = paths.flatMap((path) => {
      const pattern = path.replace(/\./g, "\\.").replace(/\[\]/g, "\\[\\d+\\]");
      const list = path.includes("[]") ? [new RegExp(`^${path.slice(0, path.indexOf("[]")).replace(/\./g, "\\.")}$`)] : [];
      return [new RegExp(`^${pattern}$`), ...list];
    });
  }

  add(path: Path, rule: string): void {
    if (isUnknownAt(this.root, path)) return;
    if (this.kept.some((pattern) => pattern.test(formatPath(path))) && !isSet(valueAt(this.root, path))) return;
    const reason = path.length > 0 ? `${formatPath(path)}: ${rule}` : rule;
    // The engine prints `property` together with the input's value; an empty property keeps values
    // (which might be sensitive) out of the message and shows our own text instead.
    if (!this.items.some((item) => item.reason === reason)) this.items.push({ property: "", reason });
  }

  /** Adds a failure for every issue the schema finds in the value at `path` (or in `value`, reported at `path`). */
  addSchemaIssues(schema: z.ZodType, path: Path, value: unknown = valueAt(this.root, path)): void {
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const issuePath = [...path, ...(issue.path as Path)];
      this.add(issuePath, describeIssue(issue, valueAt(this.root, issuePath)));
    }
  }

  get list(): CheckFailure[] {
    return [...this.items];
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  record: "an object",
};

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** Turns a zod issue into a rule a user can act on, in the project's wording. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const aboutTheValue = issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union";
  if (value === undefined && aboutTheValue) return "is required";
  switch (issue.code) {
    case "invalid_type":
      if (value === null) return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not null`;
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${quoteAll(issue.values)}` : `must be one of ${quoteAll(issue.values)}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${quoteAll(issue.keys)}`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min === 1 ? "must not be empty" : `must be at least ${min} characters long`;
      if (issue.origin === "array") return `must have at least ${min} item${min === 1 ? "" : "s"}`;
      return issue.inclusive === false ? `must be greater than ${min}` : `must be at least ${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `must be at most ${max} characters long`;
      if (issue.origin === "array") return `must have at most ${max} items`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case "invalid_format":
      if (issue.format === "uuid" || issue.format === "guid") return "must be a UUID";
      if (issue.format === "regex" && "pattern" in issue) return `must match ${String(issue.pattern)}`;
      return `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      return "does not match any allowed form";
    default:
      return issue.message;
  }
}
