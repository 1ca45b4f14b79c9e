// The rules of a workload policy the contract states in prose (REFERENCE.md; the field descriptions
// of IntegerRules, NumberRules, QuantityRules, StringRules): a rule's `min` must not be above its
// `max`, and a default must lie within the rule of the same field (between min and max, one of the
// options). And the effective policy of a scope: its own merged over the policies of the scopes
// above it (UNCONFIRMED, see the README).
import type { JsonObject } from "../types";

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

const SUFFIXES: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};

/** A number, or a Kubernetes quantity ("500M", "2Gi") as a number; undefined for anything else. */
export function magnitude(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const match = /^([+-]?[0-9.]+)([a-zA-Z]*)$/.exec(value.trim());
  if (!match) return undefined;
  const factor = match[2] === "" ? 1 : SUFFIXES[match[2]];
  const base = Number(match[1]);
  return factor === undefined || Number.isNaN(base) ? undefined : base * factor;
}

const show = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

/** Every problem of the stated rules, as `policy.<path>: <rule>`. */
export function policyRuleProblems(policy: JsonObject): string[] {
  const problems: string[] = [];
  const defaults = isObject(policy.defaults) ? policy.defaults : {};
  const visit = (rules: unknown, path: string[]) => {
    if (!isObject(rules)) return;
    const min = magnitude(rules.min);
    const max = magnitude(rules.max);
    const field = path.join(".");
    if (min !== undefined && max !== undefined && min > max) {
      problems.push(`policy.rules.${field}: min ${show(rules.min)} is above max ${show(rules.max)}`);
    }
    const value = valueAt(defaults, path);
    const given = magnitude(value);
    if (given !== undefined && typeof value !== "boolean") {
      if (min !== undefined && given < min)
        problems.push(`policy.defaults.${field}: ${show(value)} is below the rule's min ${show(rules.min)}`);
      if (max !== undefined && given > max)
        problems.push(`policy.defaults.${field}: ${show(value)} is above the rule's max ${show(rules.max)}`);
    }
    if (Array.isArray(rules.options) && rules.options.length > 0 && typeof value === "string") {
      const options = rules.options.map((option) => (isObject(option) ? option.value : undefined));
      if (!options.includes(value)) {
        problems.push(`policy.defaults.${field}: ${show(value)} is not one of the rule's options (${options.map(show).join(", ")})`);
      }
    }
    for (const [key, inner] of Object.entries(rules)) {
      if (key !== "sourceOfRule" && key !== "options") visit(inner, [...path, key]);
    }
  };
  visit(policy.rules, []);
  return problems;
}

function valueAt(root: unknown, path: string[]): unknown {
  let current = root;
  for (const part of path) current = isObject(current) ? current[part] : undefined;
  return current;
}

/**
 * The effective policy of a scope from the policies of its chain, broadest first: the defaults and
 * rules merged field by field (a narrower scope's value wins), the imposed assets of all of them.
 */
export function effectivePolicy(broadestFirst: JsonObject[]): JsonObject {
  let defaults: JsonObject | null = null;
  let rules: JsonObject | null = null;
  const imposed: string[] = [];
  for (const policy of broadestFirst) {
    if (isObject(policy.defaults)) defaults = merge(defaults ?? {}, policy.defaults);
    if (isObject(policy.rules)) rules = merge(rules ?? {}, policy.rules);
    for (const id of Array.isArray(policy.imposedAssets) ? policy.imposedAssets : []) {
      if (typeof id === "string" && !imposed.includes(id)) imposed.push(id);
    }
  }
  return { defaults, rules, imposedAssets: imposed.length > 0 ? imposed : null };
}

function merge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null || value === undefined) continue;
    out[key] = isObject(value) && isObject(out[key]) ? merge(out[key], value) : value;
  }
  return out;
}
