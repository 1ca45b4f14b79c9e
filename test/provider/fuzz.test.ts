// Property-based tests (fast-check) of check and diff for every kind of the registry, through the
// provider as the engine calls it, configured against a real emulator: arbitrary JSON and mutations
// of the kind's valid fixtures (fields removed, wrong types, out-of-range numbers, odd strings, extra
// keys, nested changes, preview unknowns). check never throws and either passes or returns failures
// that each name a field, none quoting a secret; diff never throws and answers in the engine's shape;
// and nothing but reads reaches Run:ai (check looks names up; it never writes). A new kind is covered
// by its fixture (test/fixtures/kinds.ts).
import fc from "fast-check";
import { clearTokenCache } from "../../src/client";
import { providerFor, RESOURCE_TYPES } from "../../src/provider";
import type { AnyResourceKind } from "../../src/provider/kind";
import { checkInputs } from "../../src/provider/check";
import { kindFor } from "../../src/provider/registry";
import { formatPath } from "../../src/provider/validation";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import { EmulatorHarness, TOKEN } from "../support/emulator";
import type { Counters } from "../support/emulator";
import { applyAll, arbitraryInputs, mutationsOf, pathsIn, SECRET_MARKER, valueAtPath, withSecretMarkers } from "../support/fuzz-inputs";

type Json = Record<string, any>;
type Provider = Required<ReturnType<typeof providerFor>>;

/**
 * Cases per kind: mutations of the fixtures (check and diff each), then arbitrary JSON (check).
 * Every run draws a new seed, so the suite's share (300 per kind, ~1 minute in all) keeps exploring
 * from run to run; `npm run test:fuzz` runs ten times as many (FUZZ_RUNS) before a release or after
 * a change to check.
 */
const MUTATED = fuzzRuns(process.env.FUZZ_RUNS);
const RUNS = { mutated: MUTATED, arbitrary: Math.ceil(MUTATED * 0.3) };

function fuzzRuns(text: string | undefined): number {
  if (text === undefined || text === "") return 300;
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS: expected a whole number ≥ 1, got "${text}"`);
  return runs;
}
/** A few seconds per kind on a quiet machine; a busy one (the whole suite at once) takes longer. */
const TIMEOUT_MS = Math.max(120_000, MUTATED * 100);

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start({ syncDelayMs: 0 });
  await prepareFixtures(emulator);
});
afterAll(async () => {
  clearTokenCache();
  await emulator?.stop();
});

/** Dotted paths of the inputs that hold secrets (or values derived from them). */
function secretPathsOf(kind: AnyResourceKind): string[] {
  return [...(kind.writeOnlyInputs ?? []), ...(kind.secrets?.inputs ?? [])];
}

/** The fixture's inputs of each step of the lifecycle: the bases the mutations start from. */
function fixtureInputs(type: string): Json[] {
  const fixture = KIND_FIXTURES[type];
  const name = `fuzz-${type.toLowerCase()}`;
  return [fixture.args(name), fixture.inPlace?.(name), fixture.replacing(name)].filter((inputs): inputs is Json => inputs !== undefined);
}

const isContainer = (value: unknown): value is object => value !== null && typeof value === "object";

/** A field path as the provider writes it: names joined by ".", list indexes as "[n]", other map keys as `["a b"]`. */
const FIELD_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*: /;

/**
 * Whether a failure reason names a field of these inputs: "<path>: <rule>" where the path starts at
 * a value of the inputs (the field itself may be missing: "meta.name: is required", or
 * "spec.claimInfo.size: …" without a claimInfo), or the root's own "unknown field …".
 */
function namesAField(reason: string, inputs: Json): boolean {
  if (/^unknown fields? "/.test(reason) || FIELD_PATH.test(reason)) return true;
  // Keys that are no identifiers (a map's keys, such as rotateWhenChanged's) appear as they are.
  return pathsIn(inputs).some((path) => {
    const prefix = formatPath(path);
    if (!reason.startsWith(prefix)) return false;
    const rest = reason.slice(prefix.length);
    return rest.startsWith(": ") || (rest.startsWith(".") && FIELD_PATH.test(rest.slice(1))) || FIELD_PATH.test(`x${rest}`);
  });
}

/** A value of the inputs that is no object but that the reason looks inside ("spec.configMap" of a list spec). */
function fieldInsideNonObject(reason: string, inputs: Json): string | undefined {
  const path = pathsIn(inputs).find((p) => {
    const value = valueAtPath(inputs, p);
    // null and undefined read as "not set": a rule may name what is missing under them.
    return value !== undefined && value !== null && (!isContainer(value) || Array.isArray(value)) && reason.startsWith(`${formatPath(p)}.`);
  });
  return path && formatPath(path);
}

/** Throws unless check answers in the engine's shape with failures that each name a field and quote no secret. */
async function expectCheckWellFormed(provider: Provider, news: Json): Promise<void> {
  const fail = (problem: string) => {
    throw new Error(`${problem} for ${JSON.stringify(news)}`);
  };
  let result: { inputs?: Json; failures?: { property: string; reason: string }[] };
  try {
    result = (await provider.check({}, structuredClone(news))) as typeof result;
  } catch (err) {
    return fail(`check threw ${(err as Error).stack ?? String(err)}`);
  }
  if (!isContainer(result.inputs)) fail("check returned no inputs");
  // Plain checks rather than expect(): this runs for every failure of a thousand cases per kind.
  for (const { property, reason } of result.failures ?? []) {
    if (typeof reason !== "string") return fail(`a failure without a reason: ${JSON.stringify(reason)}`);
    // The engine prints a property together with the input's value: the provider names the field in
    // the reason instead, and any property it does set is in the reason too.
    if (property && !reason.includes(property)) fail(`the reason ${JSON.stringify(reason)} does not mention its property ${property}`);
    if (!namesAField(reason, news)) fail(`failure names no field: ${JSON.stringify(reason)}`);
    const through = fieldInsideNonObject(reason, news);
    if (through) fail(`failure names a field inside ${through}, which is no object: ${JSON.stringify(reason)}`);
    if (reason.includes(SECRET_MARKER)) fail(`failure quotes a secret: ${JSON.stringify(reason)}`);
  }
}

/** Throws unless diff answers in the engine's shape: { changes, replaces, deleteBeforeReplace }, consistent. */
async function expectDiffWellFormed(provider: Provider, olds: Json, news: Json): Promise<void> {
  const fail = (problem: string) => {
    throw new Error(`${problem} for ${JSON.stringify(news)}`);
  };
  let diff: { changes?: unknown; replaces?: unknown; deleteBeforeReplace?: unknown };
  try {
    diff = await provider.diff("8c1e2f3a-0000-4000-8000-000000000001", structuredClone(olds), structuredClone(news));
  } catch (err) {
    return fail(`diff threw ${(err as Error).stack ?? String(err)}`);
  }
  const { changes, replaces, deleteBeforeReplace } = diff;
  const wellTyped =
    Object.keys(diff).sort().join() === "changes,deleteBeforeReplace,replaces" &&
    typeof changes === "boolean" &&
    typeof deleteBeforeReplace === "boolean" &&
    Array.isArray(replaces) &&
    replaces.every((key) => typeof key === "string" && key !== "") &&
    new Set(replaces).size === replaces.length;
  if (!wellTyped) return fail(`diff answered ${JSON.stringify(diff)}`);
  // A replacement is a change, and only a replacement can delete first.
  if ((replaces as string[]).length > 0 && !changes) fail(`diff replaces without a change: ${JSON.stringify(diff)}`);
  if (deleteBeforeReplace && (replaces as string[]).length === 0) fail(`diff deletes first without a replacement: ${JSON.stringify(diff)}`);
}

/**
 * The emulator's counters. The emulator runs in this process, and a property run keeps the event loop
 * busy for seconds: the harness's idle keep-alive socket may then be closed under the next request
 * (ECONNRESET), which a second request on a new socket does not meet.
 */
async function counters(): Promise<Counters> {
  try {
    return await emulator.counters();
  } catch {
    return emulator.counters();
  }
}

/** Requests other than reads (and the token request, which changes nothing) that reached the API. */
function writes(counters: Counters): Record<string, Record<string, number>> {
  // A workload policy's check asks Run:ai with validateOnly, which writes nothing (counted apart).
  const write = (route: string) => !route.startsWith("GET ") && route !== `POST ${TOKEN}` && !route.endsWith(" (validateOnly)");
  return Object.fromEntries(Object.entries(counters).filter(([route]) => write(route)));
}

// Bugs fuzzing found, each pinned with its exact answer.
describe("found by fuzzing", () => {
  const reasons = (type: string, news: Json) => checkInputs(kindFor(type), news).failures.map((f) => f.reason);
  const meta = { name: "a", scope: "project", projectId: 1001 };

  it("a scope named like an Object method needs no id field, and is refused as a scope", () => {
    // Was "meta.function toString() { [native code] }: required when meta.scope is \"toString\"".
    expect(reasons("HostPathAsset", { meta: { name: "a", scope: "toString" }, spec: { path: "/a", mountPath: "/b" } })).toEqual([
      'meta.scope: must be one of "system", "tenant", "cluster", "department", "project"',
    ]);
  });

  it("a spec that is a list is one failure, not also every mandatory field inside it", () => {
    expect(reasons("ConfigMapAsset", { meta, spec: [] })).toEqual(["spec: must be an object"]);
  });

  it("a PVC claimInfo that is no object is one failure, not also its size", () => {
    expect(reasons("PvcAsset", { meta, spec: { path: "/data", claimInfo: "10Gi" } })).toEqual(["spec.claimInfo: must be an object"]);
  });
});

it("fuzzes every kind of the registry", () => {
  expect(RESOURCE_TYPES.filter((type) => !KIND_FIXTURES[type])).toEqual([]);
});

describe.each(RESOURCE_TYPES.map((type) => [type]))("%s", (type) => {
  let provider: Provider;
  beforeAll(async () => {
    provider = providerFor(type) as Provider;
    const config = emulator.adminSettings();
    await provider.configure({ config: { get: (key: string) => config[key] } } as never);
    await emulator.resetCounters();
  }, TIMEOUT_MS);

  it(
    `check and diff of ${RUNS.mutated} mutated fixtures: no throw, failures name a field and quote no secret`,
    async () => {
      const bases = fixtureInputs(type);
      const secrets = secretPathsOf(kindFor(type));
      // Secret markers keep the shape of a base, so its mutations apply to the marked copy as well.
      const cases = fc.oneof(
        ...bases.map((base) =>
          fc
            .tuple(withSecretMarkers(base, secrets), mutationsOf(base))
            .map(([marked, mutations]) => ({ olds: base, news: applyAll(marked, mutations) })),
        ),
      );
      await fc.assert(
        fc.asyncProperty(cases, async ({ olds, news }) => {
          await expectCheckWellFormed(provider, news);
          await expectDiffWellFormed(provider, olds, news);
        }),
        { numRuns: RUNS.mutated },
      );
      // The unchanged fixtures pass and show no change.
      for (const base of bases) {
        expect((await provider.check({}, structuredClone(base))).failures).toEqual([]);
        expect((await provider.diff("id", base, structuredClone(base))).changes).toBe(false);
      }
    },
    TIMEOUT_MS,
  );

  it(
    `check of ${RUNS.arbitrary} arbitrary JSON inputs: no throw, failures name a field`,
    async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryInputs(fixtureInputs(type)[0]), (news) => expectCheckWellFormed(provider, news)),
        { numRuns: RUNS.arbitrary },
      );
    },
    TIMEOUT_MS,
  );

  it("wrote nothing: check only reads", async () => {
    expect(writes(await counters())).toEqual({});
  });
});
