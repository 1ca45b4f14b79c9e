// The lifecycle every kind of the registry must live through (test/support/lifecycle.ts), through
// the dynamic TypeScript classes: one stack, one resource per kind, declared through the stack config
// `lifecycle:resources` of the generic program, one `pulumi up` per step. A new kind gets the whole
// contract by adding its fixture (test/fixtures/kinds.ts); a kind without one fails here.
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider";
import { prepareFixtures } from "../fixtures/kinds";
import { EmulatorHarness } from "../support/emulator";
import { describeLifecycle, lifecycleKinds } from "../support/lifecycle";
import { cliHost } from "../support/lifecycle-cli-host";
import { TestStack } from "../support/pulumi-stack";

const program = path.join(__dirname, "programs/lifecycle");
const kinds = lifecycleKinds("lc-");

let emulator: EmulatorHarness;
let stack: TestStack;

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  await prepareFixtures(emulator);
  stack = await TestStack.create({ program, config: emulator.stackConfig() });
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

it("has a lifecycle fixture for every kind in the registry", () => {
  expect(kinds.filter((k) => !k.fixture).map((k) => k.type)).toEqual([]);
});

describe(`the lifecycle of every kind (${RESOURCE_TYPES.join(", ")})`, () => {
  describeLifecycle(
    cliHost({
      kinds,
      emulator: () => emulator,
      stack: () => stack,
      extras: () => 1, // the stack itself
      declare: (resources) => stack.setConfig("lifecycle:resources", JSON.stringify(resources)).then(() => undefined),
      // Both hosts refuse through the one adapter (src/provider/adapter.ts): the YAML and Go suites
      // check the refusal for every kind; through this host, configmap.test.ts, environment.test.ts,
      // two-stacks.test.ts and crash-recovery.test.ts (with the recovery) do. Here: one up less.
      skipsRefusal: true,
    }),
  );
});

describe("the whole file", () => {
  it("sent no request body the OpenAPI referee rejected", async () => {
    expect(await emulator.statusCount(400)).toBe(0);
  });
});
