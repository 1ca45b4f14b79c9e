// fast-check arbitraries of resource inputs, for the fuzz tests of check and diff
// (test/provider/fuzz.test.ts) and the sampled e2e run (test/e2e/fuzz-sample.test.ts): arbitrary JSON,
// and mutations of a kind's valid fixture: fields removed, wrong types, out-of-range numbers, odd
// strings, extra keys, nested changes, Pulumi's preview unknowns. Secret fields get a marker value,
// so that a test can tell whether a message quotes one.
import fc from "fast-check";
import { UNKNOWN } from "../../src/provider/validation";

type Json = Record<string, any>;
type Path = (string | number)[];

/** Planted in every secret field: no failure reason may contain it. */
export const SECRET_MARKER = "fuzz-secret-V9q2Xk";

/** Strings a program might pass by mistake, or on purpose to see what happens. */
const oddString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\t\n",
    "a".repeat(300),
    "../../etc/passwd",
    "/",
    "//",
    "-",
    "ÄÖü-ß",
    "😀",
    "null",
    "true",
    "0",
    "-1",
    "1e400",
    "NaN",
    "https://",
    "git@host:path",
    "${x}",
    "%00",
    "a b",
    "UPPER",
    UNKNOWN,
  ),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** Numbers at and beyond the edges of every range. */
const oddNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1.5, 1e-300, 1e308, -1e308, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, NaN),
  fc.integer(),
  fc.double(),
);

/** A value of any JSON type (and one that is not JSON: undefined). */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(undefined, null, true, false, [], {}, [null], { "": 1 }));

/** A value like the one it replaces: what a valid edit would look like (a check then decides). */
function similarValue(current: unknown): fc.Arbitrary<unknown> {
  if (typeof current === "string") {
    const suffix = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    return fc.oneof(
      suffix.map((s) => `${current}-${s}`),
      suffix.map((s) => (current.startsWith("/") ? `/${s}` : s)),
      fc.constant(current.toUpperCase()),
      fc.constant(current.slice(0, Math.max(1, current.length - 1))),
    );
  }
  if (typeof current === "number") return fc.oneof(fc.integer({ min: 0, max: 16 }), fc.double({ min: 0, max: 1, noNaN: true }));
  if (typeof current === "boolean") return fc.constant(!current);
  return fc.constant(current);
}

/** Every path in `value`, the root's children first; containers and leaves alike. */
export function pathsIn(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsIn(item, [...prefix, i])]);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsIn(item, [...prefix, key])]);
  }
  return [];
}

export function valueAtPath(root: unknown, path: Path): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** One edit of the inputs at one place. */
export type Mutation =
  { op: "remove"; path: Path } | { op: "set"; path: Path; value: unknown } | { op: "extraKey"; path: Path; key: string; value: unknown };

function apply(inputs: Json, mutation: Mutation): Json {
  const copy = structuredClone(inputs);
  const target = mutation.op === "extraKey" ? mutation.path : mutation.path.slice(0, -1);
  const parent = target.length === 0 ? copy : valueAtPath(copy, target);
  if (parent === null || typeof parent !== "object") return copy;
  const container = parent as Record<string | number, unknown>;
  if (mutation.op === "extraKey") {
    // An own property even for "__proto__", as JSON.parse (and so the engine's inputs) would make it.
    if (!Array.isArray(parent)) {
      Object.defineProperty(container, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  const last = mutation.path[mutation.path.length - 1];
  if (mutation.op === "remove") {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete container[last];
  } else {
    container[last] = mutation.value;
  }
  return copy;
}

/** One mutation of `inputs`, at one of its paths (or, for extra keys, in one of its objects or the root). */
function mutationOf(inputs: Json): fc.Arbitrary<Mutation> {
  const paths = pathsIn(inputs);
  const objects: Path[] = [[], ...paths.filter((p) => isObject(valueAtPath(inputs, p)))];
  const at = fc.constantFrom(...paths);
  const set = (value: fc.Arbitrary<unknown>) => fc.record({ op: fc.constant("set" as const), path: at, value });
  return fc.oneof(
    fc.record({ op: fc.constant("remove" as const), path: at }),
    set(anyValue),
    set(oddString),
    set(oddNumber),
    set(fc.constant(UNKNOWN)),
    // A nested change: an object where a list was, a list where an object was, one level deeper.
    set(fc.oneof(fc.array(anyValue, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 3 }))),
    at.chain((path) => similarValue(valueAtPath(inputs, path)).map((value): Mutation => ({ op: "set", path, value }))),
    fc.record({
      op: fc.constant("extraKey" as const),
      path: fc.constantFrom(...objects),
      key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "Name", "metadata", "specs")),
      value: anyValue,
    }),
  );
}

/** One to three mutations of `inputs` (or of inputs of the same shape, such as `withSecretMarkers` gives). */
export function mutationsOf(inputs: Json): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationOf(inputs), { minLength: 1, maxLength: 3 });
}

export function applyAll(inputs: Json, mutations: readonly Mutation[]): Json {
  return mutations.reduce((current, mutation) => apply(current, mutation), inputs);
}

/** `inputs` after one to three mutations. */
export function mutated(inputs: Json): fc.Arbitrary<Json> {
  return mutationsOf(inputs).map((mutations) => applyAll(inputs, mutations));
}

/**
 * Like `mutated`, but only edits that keep each value's type and shape: what a valid input might
 * differ in. Leaves for which `fixed` holds keep their value.
 */
export function variedWithinType(inputs: Json, fixed: (path: Path) => boolean = () => false): fc.Arbitrary<Json> {
  const leaves = pathsIn(inputs).filter((p) => !isObject(valueAtPath(inputs, p)) && !Array.isArray(valueAtPath(inputs, p)) && !fixed(p));
  const edit = fc.constantFrom(...leaves).chain((path) =>
    fc.oneof(
      similarValue(valueAtPath(inputs, path)).map((value): Mutation => ({ op: "set", path, value })),
      fc.constant<Mutation>({ op: "remove", path }),
    ),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce((current, e) => apply(current, e), inputs));
}

/** Arbitrary JSON inputs: any object, and objects with the fixture's top-level keys holding anything. */
export function arbitraryInputs(fixture: Json): fc.Arbitrary<Json> {
  const keys = Object.keys(fixture);
  return fc.oneof(
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
    fc.record(Object.fromEntries(keys.map((key) => [key, fc.jsonValue({ maxDepth: 3 })])), { requiredKeys: [] }),
    fc.record(Object.fromEntries(keys.map((key) => [key, anyValue])), { requiredKeys: [] }),
  ) as fc.Arbitrary<Json>;
}

/**
 * The inputs with SECRET_MARKER (or a variation of it) in every secret field that holds a string;
 * paths are dotted, `[]` going through every element of a list ("spec.keyValuePairs[].value").
 */
export function withSecretMarkers(inputs: Json, secretPaths: readonly string[]): fc.Arbitrary<Json> {
  const variants = fc.constantFrom(
    SECRET_MARKER,
    ` ${SECRET_MARKER}`,
    `${SECRET_MARKER}\n`,
    SECRET_MARKER.repeat(20),
    `${SECRET_MARKER}:x`,
  );
  return fc.array(variants, { minLength: 8, maxLength: 8 }).map((values) => {
    const copy = structuredClone(inputs);
    let next = 0;
    for (const path of secretPaths) plant(copy, path.split("."), () => values[next++ % values.length]);
    return copy;
  });
}

function plant(value: unknown, parts: string[], secret: () => string): void {
  if (!isObject(value) || parts.length === 0) return;
  const [head, ...rest] = parts;
  const key = head.endsWith("[]") ? head.slice(0, -2) : head;
  const inner = value[key];
  if (head.endsWith("[]")) {
    if (Array.isArray(inner)) for (const element of inner) plant(element, rest, secret);
  } else if (rest.length === 0) {
    if (typeof inner === "string") value[key] = secret();
    // A map of secrets (an application's rotateWhenChanged, which may be derived from secrets): each value.
    else if (isObject(inner)) for (const entry of Object.keys(inner)) if (typeof inner[entry] === "string") inner[entry] = secret();
  } else {
    plant(inner, rest, secret);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
