// What check accepts, Run:ai accepts: inputs drawn with a fixed seed from variations of every kind's
// fixture (test/support/fuzz-inputs.ts), kept when the provider's check passes them, go through one
// real `pulumi up` together (one stack, every kind) against the emulator, which must answer none of
// them with a 400; then `pulumi destroy` removes them all.
import fc from "fast-check";
import { clearTokenCache } from "../../src/client";
import { providerFor, RESOURCE_TYPES } from "../../src/provider";
import { kindFor } from "../../src/provider/registry";
import { KIND_FIXTURES } from "../fixtures/kinds";
import { lifecycleStackForFile } from "../support/declared-assets";
import { variedWithinType } from "../support/fuzz-inputs";

type Json = Record<string, any>;

/** Fixed, so that a failure reproduces; change it to explore other inputs. */
const SEED = 14;
const PER_KIND = 2;

const file = lifecycleStackForFile();
afterAll(() => clearTokenCache());

/**
 * Ids of other objects (the scope's project, department or cluster, a mounted credential) keep the
 * fixture's value: check does not look up whether an asset's scope exists, so a varied id would
 * pass check and be refused by Run:ai (400: "meta.projectId: project 12 does not exist").
 */
const isReference = (path: (string | number)[]) => /Id$/.test(String(path[path.length - 1]));

/**
 * The inputs with the object's unique name (what no variation may share between two resources); a
 * setting has no name: its key is what two resources may not share (see acceptedSamples).
 */
function named(type: string, inputs: Json, name: string, singleton: boolean): Json {
  if (singleton) return inputs;
  if (inputs.meta && typeof inputs.meta === "object") return { ...inputs, meta: { ...inputs.meta, name } };
  if ("subjectId" in inputs) return { ...inputs, subjectId: `${name}@example.com` };
  // The kind's own name field (an identity provider's `alias`), else `name`.
  const { namePath } = kindFor(type).identity;
  return { ...inputs, [namePath && !namePath.includes(".") ? namePath : "name"]: name };
}

/** Up to PER_KIND variations of the kind's fixtures that the provider's check passes, with fresh names. */
async function acceptedSamples(type: string): Promise<Json[]> {
  const fixture = KIND_FIXTURES[type];
  const bases = [fixture.args("base"), fixture.inPlace?.("base"), fixture.replacing("base")].filter((b): b is Json => b !== undefined);
  const provider = providerFor(type) as Required<ReturnType<typeof providerFor>>;
  const config: Record<string, string> = {
    "runai:url": file.emulator.url,
    "runai:clientId": file.emulator.emulator.adminClientId,
    "runai:clientSecret": file.emulator.emulator.adminClientSecret,
  };
  await provider.configure({ config: { get: (key: string) => config[key] } } as never);
  const candidates = fc.sample(fc.oneof(...bases.map((base) => variedWithinType(base, isReference))), { seed: SEED, numRuns: 60 });
  const accepted: Json[] = [];
  // The fixtures themselves last: a kind whose every variation check refuses (an access rule: its
  // role, subject and scope types are names) still goes through the up.
  for (const candidate of [...candidates, ...bases]) {
    const inputs = named(type, candidate, `fz-${type.toLowerCase()}-${accepted.length}`, fixture.singleton !== undefined);
    if (fixture.singleton && accepted.some((taken) => taken.key === inputs.key)) continue; // one resource per key
    if ((await provider.check({}, structuredClone(inputs))).failures?.length === 0) accepted.push(inputs);
    if (accepted.length === PER_KIND) break;
  }
  return accepted;
}

it(`up of ${PER_KIND} accepted variations of every kind in one stack: no 400, then destroy`, async () => {
  const resources: Record<string, { type: string; args: Json }> = {};
  const perKind: Record<string, number> = {};
  for (const type of RESOURCE_TYPES) {
    const samples = await acceptedSamples(type);
    perKind[type] = samples.length;
    samples.forEach((args, i) => (resources[`fz-${type.toLowerCase()}-${i}`] = { type, args }));
  }
  expect(Object.entries(perKind).filter(([, n]) => n === 0)).toEqual([]);
  await file.stack.setConfig("lifecycle:resources", JSON.stringify(resources));

  await file.emulator.resetCounters();
  const up = await file.stack.up([], { allowFailure: true });
  const badRequests = await file.emulator.statusCount(400);
  expect({ code: up.code, badRequests, output: up.code === 0 ? "" : up.stdout }).toEqual({ code: 0, badRequests: 0, output: "" });
  expect(up.stdout).toContain(`+ ${Object.keys(resources).length + 1} created`);

  await file.stack.destroy();
  expect(await file.stack.resourcesOfType("pulumi-nodejs:dynamic/runai:ConfigMapAsset")).toEqual([]);
});
