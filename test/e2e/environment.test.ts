// EnvironmentAsset through the real pulumi CLI against the emulator, beyond the lifecycle every kind
// lives through (test/e2e/lifecycle.test.ts): the three example programs, drift inside lists, in-place
// updates of nested lists, unset, replace order, adoption of a whole spec, and preview-time
// validation of many bad environments at once with zero writes.
import * as path from "node:path";
import { ENVIRONMENT_BAD_INPUTS } from "../fixtures/environment-bad-inputs";
import { EmulatorHarness, ENVIRONMENTS } from "../support/emulator";
import { RECOVERY } from "../support/not-managed";
import { repoRoot, TestStack } from "../support/pulumi-stack";
import { reportedProblems } from "../support/preview-problems";

const TYPE = "pulumi-nodejs:dynamic/runai:EnvironmentAsset";
const scenarioProgram = path.join(__dirname, "programs/environment");
const example = (name: string) => path.join(repoRoot, "examples", name);

type Json = Record<string, any>;

// The example programs and the validation previews share no object with the scenarios, so they run
// beside them: started with the file, in the background, their tests check what they saw. The
// validation has an emulator of its own, so its count of writes is its own.
let emulator: EmulatorHarness;
let validationEmulator: EmulatorHarness;
let exampleRuns: Map<string, Promise<ExampleRun>>;
let validation: Promise<ValidationRun>;
beforeAll(async () => {
  [emulator, validationEmulator] = await Promise.all([
    EmulatorHarness.start({ syncDelayMs: 50 }),
    EmulatorHarness.start({ syncDelayMs: 50 }),
  ]);
  exampleRuns = new Map(EXAMPLES.map(([dir]) => [dir, background(runExample(dir))]));
  validation = background(runValidation());
});
afterAll(async () => {
  await Promise.allSettled([...(exampleRuns?.values() ?? []), validation]);
  await Promise.all([emulator?.stop(), validationEmulator?.stop()]);
});

/** A chain of steps started in the background; a failure is reported by the test that awaits it. */
function background<T>(chain: Promise<T>): Promise<T> {
  chain.catch(() => undefined);
  return chain;
}

const getAsset = (id: string) => emulator.api("GET", `${ENVIRONMENTS}/${id}`);

/** Edits an asset behind Pulumi's back, as someone in the Run:ai UI would. */
async function editByHand(id: string, edit: (spec: Json) => void): Promise<void> {
  const current = (await getAsset(id)).body;
  const spec = structuredClone(current.spec);
  edit(spec);
  const meta: Json = { name: current.meta.name };
  if (current.meta.description !== undefined) meta.description = current.meta.description;
  const response = await emulator.api("PUT", `${ENVIRONMENTS}/${id}`, { meta, spec });
  expect(response.status).toBe(202);
}

/** Each example: its directory, the outputs it must have, and what Run:ai must hold. */
const EXAMPLES: [string, Json, Json][] = [
  [
    "environment-inference",
    { environmentName: "vllm-server", servingPort: 8000 },
    {
      meta: { workloadSupportedTypes: { inference: true } },
      spec: {
        connections: [
          {
            name: "http",
            internalToolInfo: { connectionType: "ServingPort", containerPort: 8000, servingPortInfo: { protocol: "http" } },
          },
        ],
        probes: { readiness: { handler: { httpGet: { path: "/health", port: 8000 } } } },
      },
    },
  ],
  [
    "environment-pytorch",
    { environmentName: "pytorch-ddp", distFramework: "PyTorch" },
    {
      meta: {
        scope: "department",
        departmentId: "101",
        workloadSupportedTypes: { training: true, distributed: true, distFramework: "PyTorch" },
      },
    },
  ],
];

interface ExampleRun {
  outputs: Record<string, unknown>;
  asset: Json;
  statusAfterDestroy: number;
}

/** An example's own stack: up, outputs, the asset, a preview with nothing to do, destroy. */
async function runExample(dir: string): Promise<ExampleRun> {
  const stack = await TestStack.create({ program: example(dir), config: emulator.stackConfig() });
  try {
    await stack.up();
    const outputs = await stack.outputs();
    const asset = (await getAsset(outputs.environmentId as string)).body;
    await stack.preview({ expectNoChanges: true });
    await stack.destroy();
    return { outputs, asset, statusAfterDestroy: (await getAsset(outputs.environmentId as string)).status };
  } finally {
    await stack.cleanup();
  }
}

describe("the example environments", () => {
  test.each(EXAMPLES)("examples/%s: up, then preview has nothing to do", async (dir, expectedOutputs, expected) => {
    const { outputs, asset, statusAfterDestroy } = await exampleRuns.get(dir)!;
    expect(outputs).toMatchObject({ ...expectedOutputs, syncStatus: "No issues found" });
    expect(asset).toMatchObject(expected);
    expect(statusAfterDestroy).toBe(404);
  });
});

describe("examples/environment-jupyter: drift inside lists", () => {
  let stack: TestStack;
  let id: string;
  beforeAll(async () => {
    stack = await TestStack.create({ program: example("environment-jupyter"), config: emulator.stackConfig() });
  });
  // The environment goes away with the emulator: a destroy would prove nothing here (the examples
  // above and the lifecycle below destroy theirs and check it).
  afterAll(() => stack?.cleanup({ destroy: false }));

  it("creates the environment as written, and a second preview has nothing to do", async () => {
    await stack.up();
    const outputs = await stack.outputs();
    id = outputs.environmentId as string;
    const asset = (await getAsset(id)).body;
    expect(asset.meta).toMatchObject({
      name: "jupyter-lab",
      scope: "project",
      projectId: 1001,
      workloadSupportedTypes: { workspace: true },
    });
    expect(asset.spec).toMatchObject({
      uidGidSource: "custom",
      runAsUid: 1000,
      runAsGid: 100,
      environmentVariables: [
        { name: "JUPYTER_ENABLE_LAB", value: "yes" },
        { name: "HF_TOKEN", credential: { assetId: "3f1c8a52-6b0e-4c1d-9e7a-2d4b5c6a7e81", key: "token" } },
      ],
      connections: [
        { name: "jupyter", internalToolInfo: { toolType: "jupyter-notebook", connectionType: "NodePort", containerPort: 8888 } },
      ],
    });
    await stack.preview({ expectNoChanges: true });
  });

  it("shows hand edits inside the variable and connection lists in preview --refresh, reverts them with up, then refreshes clean", async () => {
    await editByHand(id, (spec) => {
      spec.environmentVariables[0].value = "no";
      spec.connections[0].internalToolInfo.containerPort = 9999;
      spec.runAsUid = 0;
    });

    // The refresh diff names the changed elements inside the lists; the plan is an in-place update.
    const drift = (await stack.preview({ refresh: true, extra: ["--diff"] })).stdout;
    expect(drift).toMatch(/~ environmentVariables\s*: \[\s*~ \[0\]: \{[^~]*~ value: "yes" => "no"/);
    expect(drift).toMatch(/~ containerPort\s*: 8888 => 9999/);
    expect(drift).toMatch(/~ runAsUid\s*: 1000 => 0/);
    expect(drift).toContain("~ 1 to update");

    // preview --refresh saves nothing, so up refreshes too (as a user would) to see the drift.
    await stack.up(["--refresh"]);
    const restored = (await getAsset(id)).body.spec;
    expect(restored.environmentVariables[0].value).toBe("yes");
    expect(restored.connections[0].internalToolInfo.containerPort).toBe(8888);
    expect(restored.runAsUid).toBe(1000);
    await stack.refresh({ expectNoChanges: true });
  });
});

describe("EnvironmentAsset lifecycle", () => {
  const training = (overrides: { meta?: Json; spec?: Json } = {}) => ({
    meta: {
      name: "training",
      scope: "project",
      projectId: 1001,
      description: "CUDA training image",
      workloadSupportedTypes: { training: true },
      ...overrides.meta,
    },
    spec: {
      image: "nvcr.io/nvidia/pytorch:24.05-py3",
      workingDir: "/workspace",
      environmentVariables: [
        { name: "EPOCHS", value: "10" },
        { name: "POD_NAME", podFieldRef: { path: "metadata.name" } },
      ],
      connections: [{ name: "board", internalToolInfo: { toolType: "tensorboard", connectionType: "LoadBalancer", containerPort: 6006 } }],
      ...overrides.spec,
    },
  });
  const useEnvironments = (stack: TestStack, environments: Record<string, unknown>) =>
    stack.setConfig("env:environments", JSON.stringify(environments));

  let stack: TestStack;
  let id: string;
  beforeAll(async () => {
    stack = await TestStack.create({
      program: scenarioProgram,
      config: { ...emulator.stackConfig(), "env:environments": JSON.stringify({ training: training() }) },
    });
  });
  afterAll(() => stack?.cleanup());

  const ids = async () => (await stack.outputs()).ids as Record<string, string>;

  it("creates it", async () => {
    await stack.up();
    id = (await ids()).training;
    expect((await getAsset(id)).body.spec).toEqual(asStored(training().spec));
    await stack.preview({ expectNoChanges: true });
  });

  it("updates a changed list element and an added probe in place, keeping the id", async () => {
    const changed = training({
      spec: {
        environmentVariables: [
          { name: "EPOCHS", value: "20" },
          { name: "POD_NAME", podFieldRef: { path: "metadata.name" } },
        ],
        connections: [{ name: "board", internalToolInfo: { toolType: "tensorboard", connectionType: "NodePort", containerPort: 6007 } }],
        probes: { readiness: { periodSeconds: 5, handler: { httpGet: { path: "/ready", port: 6007 } } } },
      },
    });
    await useEnvironments(stack, { training: changed });
    // The up's summary says what a preview would: one update, nothing replaced.
    const result = await stack.up();
    expect(result.stdout).toContain("~ 1 updated");
    expect((await ids()).training).toBe(id);
    expect((await getAsset(id)).body.spec).toEqual(asStored(changed.spec));
  });

  it("unsets fields and list elements removed from the program", async () => {
    const trimmed = training();
    delete (trimmed.spec as Json).workingDir;
    trimmed.spec.environmentVariables = [{ name: "EPOCHS", value: "20" }];
    await useEnvironments(stack, { training: trimmed });
    await stack.up();
    const spec = (await getAsset(id)).body.spec;
    expect(spec.workingDir).toBeUndefined();
    expect(spec.probes).toBeUndefined();
    expect(spec.environmentVariables).toEqual([{ name: "EPOCHS", value: "20" }]);
    await stack.preview({ expectNoChanges: true });
  });

  it("replaces it when projectId changes, deleting the same-named old one first", async () => {
    await useEnvironments(stack, { training: training({ meta: { projectId: 1002 } }) });
    const result = await stack.up();
    expect(result.stdout).toContain("+-1 replaced");
    const deletedAt = result.stdout.indexOf("deleting original");
    const createdAt = result.stdout.indexOf("creating replacement");
    expect(deletedAt).toBeGreaterThan(-1);
    expect(createdAt).toBeGreaterThan(deletedAt);
    const replacement = (await ids()).training;
    expect(replacement).not.toBe(id);
    expect((await getAsset(replacement)).body.meta).toMatchObject({ name: "training", projectId: 1002 });
    expect((await getAsset(id)).status).toBe(404);
    id = replacement;
  });

  describe("adoption of an environment made by hand", () => {
    let existingId: string;
    let existingOrigin: string;
    const handMade = {
      meta: { name: "made-by-hand", scope: "project", projectId: 1003 },
      spec: { image: "python:3.12-slim", command: "python" },
    };
    beforeAll(async () => {
      const created = await emulator.api("POST", ENVIRONMENTS, {
        meta: { name: "made-by-hand", scope: "project", projectId: 1003 },
        spec: { image: "python:3.11", tty: true, stdin: true },
      });
      expect(created.status).toBe(202);
      existingId = created.body.meta.id;
      existingOrigin = `created by ${created.body.meta.createdBy} at ${created.body.meta.createdAt}`;
    });

    it("refuses to take it over without adoptExisting, saying how to adopt", async () => {
      await useEnvironments(stack, { training: training({ meta: { projectId: 1002 } }), hand: handMade });
      const result = await stack.up([], { allowFailure: true });
      expect(result.code).not.toBe(0);
      expect(result.stdout).toContain(
        `Environment asset "made-by-hand" already exists in project 1003 (id ${existingId}, ${existingOrigin}) and is not managed by this stack. ` +
          "Set adoptExisting: true to take it over with this program's values, or choose another meta.name. " +
          // The only refusal of the run, so it carries the recovery after an interrupted run too.
          RECOVERY,
      );
      expect((await stack.resourcesOfType(TYPE)).map((r) => r.id)).toEqual([id]);
    });

    it("adopts it with adoptExisting: true, keeping its id and applying the program's whole spec", async () => {
      await useEnvironments(stack, { training: training({ meta: { projectId: 1002 } }), hand: { ...handMade, adoptExisting: true } });
      await stack.up();
      expect((await ids()).hand).toBe(existingId);
      expect((await getAsset(existingId)).body.spec).toEqual(asStored(handMade.spec));
      await stack.preview({ expectNoChanges: true });
    });
  });

  it("destroys both and waits until they are gone", async () => {
    const adopted = (await ids()).hand;
    await stack.destroy();
    expect((await getAsset(id)).status).toBe(404);
    expect((await getAsset(adopted)).status).toBe(404);
  });
});

/**
 * Every bad input is checked by the unit test; through the engine, the ones with the most reasons:
 * each costs a preview (the engine stops at the first resource whose check fails).
 */
const PREVIEWED_CASES = 5;

const cases = Object.fromEntries(
  Object.entries(ENVIRONMENT_BAD_INPUTS)
    .sort(([, a], [, b]) => b.reasons.length - a.reasons.length)
    .slice(0, PREVIEWED_CASES),
);

interface ValidationRun {
  outputs: Map<string, { code: number; output: string }>;
  writes: number;
  chained: { code: number; output: string };
}

/**
 * The engine stops a preview at the first resource whose check fails, so each case gets a preview
 * of its own (the program declares only the resource ENVIRONMENT_CASE names). Two stacks of the
 * validation emulator preview side by side to keep the wall time down; previews write no state, and
 * the provider must not write to Run:ai either.
 */
async function runValidation(): Promise<ValidationRun> {
  const LANES = 2;
  const outputs = new Map<string, { code: number; output: string }>();
  let chained: { code: number; output: string } | undefined;
  const environments = JSON.stringify(Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, c.args])));
  const stacks = await Promise.all(
    Array.from({ length: LANES }, () =>
      TestStack.create({ program: scenarioProgram, config: { ...validationEmulator.stackConfig(), "env:environments": environments } }),
    ),
  );
  try {
    const writesBefore = await validationEmulator.writeCount();
    const preview = async (stack: TestStack, name: string) => {
      const result = await stack.preview({}, { allowFailure: true, env: { ENVIRONMENT_CASE: name } });
      return { code: result.code, output: result.stdout + result.stderr };
    };
    const queue = [...Object.keys(cases), "chained"];
    await Promise.all(
      stacks.map(async (stack) => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
          const result = await preview(stack, name);
          if (name === "chained") chained = result;
          else outputs.set(name, result);
        }
      }),
    );
    return { outputs, writes: (await validationEmulator.writeCount()) - writesBefore, chained: chained! };
  } finally {
    await Promise.all(stacks.map((stack) => stack.cleanup()));
  }
}

describe("EnvironmentAsset validation at preview", () => {
  test("the table has at least 15 bad environments, and the ones previewed have two reasons or more", () => {
    expect(Object.keys(ENVIRONMENT_BAD_INPUTS).length).toBeGreaterThanOrEqual(15);
    expect(Object.values(cases).map((c) => c.reasons.length >= 2)).toEqual(Array(PREVIEWED_CASES).fill(true));
  });

  test.each(Object.keys(cases))("%s: preview fails with exactly its reasons", async (name) => {
    const { code, output } = (await validation).outputs.get(name)!;
    expect(code).not.toBe(0);
    expect(reportedProblems(output, TYPE, name)).toEqual(cases[name].reasons);
  });

  test("no preview wrote anything to Run:ai", async () => {
    expect((await validation).writes).toBe(0);
  });

  test("inputs still unknown at preview raise nothing, and the preview succeeds", async () => {
    const { chained } = await validation;
    expect(chained.output).not.toContain("has a problem");
    expect(chained.code).toBe(0);
    expect(chained.output).toContain("+ 3 to create");
  });
});

describe("the whole file", () => {
  it("sent no request body the OpenAPI referee rejected", async () => {
    expect([await emulator.statusCount(400), await validationEmulator.statusCount(400)]).toEqual([0, 0]);
  });
});

/**
 * A spec as Run:ai stores it: the program's fields plus the `default`s the contract declares, which
 * the control plane (and so the emulator) fills in. The provider never reports those as drift.
 */
function asStored(spec: Json): Json {
  const connections = (spec.connections as Json[] | undefined)?.map((connection) => ({ isExternal: false, ...connection }));
  return { overrideUidGidInWorkspace: false, ...spec, ...(connections ? { connections } : {}) };
}
