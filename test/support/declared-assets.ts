// The generic lifecycle program and many declared assets at once, for the e2e tests of failures at
// scale: a stack of the program for a whole file, a lifecycle-program config of `count` resources
// cycling through some kinds, and the checks that the server holds exactly one object per declared
// name, the one the stack's state holds.
import * as path from "node:path";
import { KIND_FIXTURES, prepareFixtures } from "../fixtures/kinds";
import type { KindFixture } from "../fixtures/kinds";
import { EmulatorHarness } from "./emulator";
import { TestStack } from "./pulumi-stack";

/** The generic program that declares whatever its `lifecycle:resources` config lists. */
export const lifecycleProgram = path.join(__dirname, "../e2e/programs/lifecycle");
type Variant = "args" | "inPlace";

/** An emulator and a stack that one test file shares. */
export interface FileStack {
  emulator: EmulatorHarness;
  stack: TestStack;
}

/** For the whole test file: a fresh emulator with the fixtures' prerequisites, and a stack of the lifecycle program on it. */
export function lifecycleStackForFile(): FileStack {
  const file = {} as FileStack;
  beforeAll(async () => {
    file.emulator = await EmulatorHarness.start();
    await prepareFixtures(file.emulator);
    file.stack = await TestStack.create({ program: lifecycleProgram, config: file.emulator.stackConfig() });
  });
  afterAll(async () => {
    await file.stack?.cleanup();
    await file.emulator?.stop();
  });
  return file;
}

/** `count` resources named `<prefix>-<i>`, cycling through `kinds` (a kind with nothing to change in place keeps its args). */
export function declare(prefix: string, count: number, kinds: string[], variant: Variant = "args"): string {
  const fixture = (i: number): KindFixture => KIND_FIXTURES[kinds[i % kinds.length]];
  return JSON.stringify(
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `${prefix}-${i}`,
        { type: fixture(i).type, args: (fixture(i)[variant] ?? fixture(i).args)(`${prefix}-${i}`) },
      ]),
    ),
  );
}

/** Objects on the server whose name starts with `prefix`: name → ids. */
export async function serverObjects(emulator: EmulatorHarness, prefix: string): Promise<Record<string, string[]>> {
  const state = (await emulator.api("GET", "/__emulator/state")).body as { assets: { meta: { id: string; name: string } }[] };
  const byName: Record<string, string[]> = {};
  for (const { meta } of state.assets) if (meta.name.startsWith(`${prefix}-`)) (byName[meta.name] ??= []).push(meta.id);
  return byName;
}

/** One object per declared name on the server, and each is the one the stack's state holds. */
export async function expectServerEqualsState(emulator: EmulatorHarness, stack: TestStack, prefix: string, count: number) {
  const ids = (await stack.outputs()).ids as Record<string, string>;
  expect(Object.keys(ids)).toHaveLength(count);
  const expected = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, [id]]));
  expect(await serverObjects(emulator, prefix)).toEqual(expected);
}

export async function untilServerHolds(emulator: EmulatorHarness, prefix: string, count: number): Promise<void> {
  while (Object.keys(await serverObjects(emulator, prefix)).length < count) await new Promise((resolve) => setTimeout(resolve, 50));
}

type StateRecord = Record<string, unknown>;

/**
 * The organisation's families in the emulator's state dump: the id each record goes by, the field
 * that starts with the declared resource's name (an access rule's subject, `<name>@example.com`),
 * and, for access rules, which the dump keeps after deletion, whether the record is live.
 */
const field = (name: string) => (record: StateRecord) => String(record[name]);
const ORGANISATION_FAMILIES: {
  family: string;
  id: (record: StateRecord) => string;
  named: string;
  live?: (record: StateRecord) => boolean;
}[] = [
  { family: "departments", id: field("id"), named: "name" },
  { family: "projects", id: field("id"), named: "name" },
  { family: "apps", id: field("id"), named: "name" },
  { family: "clusters", id: field("uuid"), named: "name" },
  { family: "nodePools", id: field("id"), named: "name" },
  {
    family: "accessRules",
    id: field("id"),
    named: "subjectId",
    live: (record) => record.deletedAt === null || record.deletedAt === undefined,
  },
  // A policy's id is its place: `trainings/project/1001`.
  { family: "identityProviders", id: field("alias"), named: "alias" },
  { family: "policies", id: (record) => [record.type, record.scope, record.scopeId].filter(Boolean).join("/"), named: "name" },
];

/** The ids of the live organisation objects (departments, projects, applications, clusters, node pools, access rules, identity providers, workload policies) declared with `prefix`. */
export async function serverOrganisationIds(emulator: EmulatorHarness, prefix: string): Promise<string[]> {
  const state = (await emulator.api("GET", "/__emulator/state")).body as Record<string, StateRecord[]>;
  return ORGANISATION_FAMILIES.flatMap(({ family, id, named, live }) =>
    state[family].filter((record) => String(record[named]).startsWith(`${prefix}-`) && (live?.(record) ?? true)).map(id),
  ).sort();
}

/** One organisation object per declared resource on the server, and each is the one the stack's state holds (names may change in place). */
export async function expectOrganisationEqualsState(emulator: EmulatorHarness, stack: TestStack, prefix: string, count: number) {
  const ids = Object.values((await stack.outputs()).ids as Record<string, string>).map(String);
  expect(ids).toHaveLength(count);
  expect(await serverOrganisationIds(emulator, prefix)).toEqual(ids.sort());
}
