// The lifecycle every kind of the registry must live through (test/support/lifecycle.ts), through
// the dynamic TypeScript classes: one stack, one resource per kind, declared through the stack config
// `lifecycle:resources` of the generic program, one `pulumi up` per step. A new kind gets the whole
// contract by adding its fixture (test/fixtures/kinds.ts); a kind without one fails here.
import { RESOURCE_TYPES } from "../../src/provider";
import { lifecycleStackForFile } from "../support/declared-assets";
import { describeLifecycle, lifecycleKinds } from "../support/lifecycle";
import { cliHost } from "../support/lifecycle-cli-host";

const kinds = lifecycleKinds("lc-");
const file = lifecycleStackForFile();

it("has a lifecycle fixture for every kind in the registry", () => {
  expect(kinds.filter((k) => !k.fixture).map((k) => k.type)).toEqual([]);
});

describe(`the lifecycle of every kind (${RESOURCE_TYPES.join(", ")})`, () => {
  describeLifecycle(
    cliHost({
      kinds,
      emulator: () => file.emulator,
      stack: () => file.stack,
      extras: () => 1, // the stack itself
      declare: (resources) => file.stack.setConfig("lifecycle:resources", JSON.stringify(resources)).then(() => undefined),
      // Both hosts refuse through the one adapter (src/provider/adapter.ts): the YAML and Go suites
      // check the refusal for every kind; through this host, configmap.test.ts, environment.test.ts,
      // two-stacks.test.ts and crash-recovery.test.ts (with the recovery) do. Here: one up less.
      skipsRefusal: true,
    }),
  );
});

describe("the whole file", () => {
  it("sent no request body the OpenAPI referee rejected", async () => {
    expect(await file.emulator.statusCount(400)).toBe(0);
  });
});
