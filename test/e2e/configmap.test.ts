// ConfigMapAsset through the real pulumi CLI against the emulator, beyond the lifecycle every kind
// lives through (test/e2e/lifecycle.test.ts: drift, update, replace, out-of-band delete, adoption):
// its exact outputs, unsetting a field, the adoption refusal and preview-time validation
// (convergence under injected faults: reliability.test.ts, 100 assets of eight kinds).
import * as path from "node:path";
import { CONFIG_MAPS as CONFIGMAPS, EmulatorHarness } from "../support/emulator";
import { RECOVERY } from "../support/not-managed";
import { TestStack } from "../support/pulumi-stack";
import { reportedProblems } from "../support/preview-problems";

const program = path.join(__dirname, "programs/configmap");
const invalidProgram = path.join(__dirname, "programs/configmap-invalid");
const TYPE = "pulumi-nodejs:dynamic/runai:ConfigMapAsset";

// The three scenarios share no object, so they run side by side: the adoption and the validation
// previews start with the file, in the background, and their tests check what they saw. The
// validation has an emulator of its own, so its count of writes is its own.
let emulator: EmulatorHarness;
let validationEmulator: EmulatorHarness;
let adoption: ReturnType<typeof startAdoption>;
let validation: ReturnType<typeof startValidation>;
beforeAll(async () => {
  [emulator, validationEmulator] = await Promise.all([EmulatorHarness.start(), EmulatorHarness.start()]);
  adoption = startAdoption();
  validation = startValidation();
});
afterAll(async () => {
  await Promise.allSettled([adoption?.done, validation?.done]);
  await Promise.all([emulator?.stop(), validationEmulator?.stop()]);
});

/** Starts a chain of steps in the background; a failure is reported by the test that awaits it. */
function background<T>(chain: Promise<T>): Promise<T> {
  chain.catch(() => undefined);
  return chain;
}

async function getAsset(id: string) {
  return emulator.api("GET", `${CONFIGMAPS}/${id}`);
}

describe("ConfigMapAsset lifecycle", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await TestStack.create({
      program,
      config: { ...emulator.stackConfig(), "cm:description": "shared settings" },
    });
  });
  afterAll(() => stack?.cleanup());

  let id: string;

  it("creates the asset, waits for sync, and a second preview has nothing to do", async () => {
    await stack.up();
    const outputs = await stack.outputs();
    id = outputs.id as string;
    expect(outputs.meta).toMatchObject({
      id,
      name: "app-config",
      description: "shared settings",
      scope: "project",
      projectId: 1001,
      kind: "config-map",
      createdBy: emulator.emulator.adminClientId,
      projectName: "team-a",
    });
    expect(outputs.spec).toEqual({ configMap: "app-config", mountPath: "/etc/app" });
    expect(outputs.status).toEqual({ status: "No issues found" });

    await stack.preview({ expectNoChanges: true });
  });

  it("unsets the description when it is removed from the program", async () => {
    await stack.removeConfig("cm:description");
    await stack.up();
    const asset = (await getAsset(id)).body;
    expect(asset.meta.description ?? undefined).toBeUndefined();
    expect(((await stack.outputs()).meta as Record<string, unknown>).description).toBeUndefined();
    await stack.preview({ expectNoChanges: true });
  });

  it("keeps __provider small and free of the URL and credentials", async () => {
    const [resource] = await stack.resourcesOfType(TYPE);
    const text = String(resource.inputs?.__provider);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024);
    expect(text).toBe(String(resource.outputs?.__provider));
    expect(text).not.toContain(emulator.url);
    expect(text).not.toContain(emulator.emulator.adminClientSecret);
    const exported = JSON.stringify(await stack.exportState());
    expect(exported).not.toContain(emulator.emulator.adminClientSecret);
  });

  it("destroys the asset and waits until it is gone", async () => {
    await stack.destroy();
    expect((await getAsset(id)).status).toBe(404);
  });
});

/**
 * An asset made by hand, then a stack whose program names it: the refused `up`, then the `up` with
 * adoptExisting: true and a preview after it.
 */
function startAdoption() {
  let stack: TestStack | undefined;
  const refused = background(
    (async () => {
      const created = await emulator.api("POST", CONFIGMAPS, {
        meta: { name: "made-by-hand", scope: "project", projectId: 1003 },
        spec: { configMap: "made-by-hand", mountPath: "/etc/hand" },
      });
      const existing = {
        status: created.status,
        id: created.body.meta.id as string,
        origin: `created by ${created.body.meta.createdBy} at ${created.body.meta.createdAt}`,
      };
      stack = await TestStack.create({
        program,
        config: { ...emulator.stackConfig(), "cm:name": "made-by-hand", "cm:projectId": "1003" },
      });
      const result = await stack.up([], { allowFailure: true });
      return { existing, result, inState: await stack.resourcesOfType(TYPE) };
    })(),
  );
  const adopted = background(
    refused.then(async () => {
      await stack!.setConfig("cm:adoptExisting", "true");
      await stack!.up();
      const id = (await stack!.outputs()).id as string;
      const mountPath = (await getAsset(id)).body.spec.mountPath as string;
      await stack!.preview({ expectNoChanges: true });
      return { id, mountPath };
    }),
  );
  // The adopted asset goes away with the emulator: a destroy would prove nothing here.
  const done = adopted.finally(() => stack?.cleanup({ destroy: false }));
  return { refused, adopted, done };
}

describe("ConfigMapAsset adoption", () => {
  it("refuses to take over an existing asset without adoptExisting, saying how to adopt", async () => {
    const { existing, result, inState } = await adoption.refused;
    expect(existing.status).toBe(202);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain(
      `ConfigMap asset "made-by-hand" already exists in project 1003 (id ${existing.id}, ${existing.origin}) and is not managed by this stack. ` +
        "Set adoptExisting: true to take it over with this program's values, or choose another meta.name. " +
        // The only refusal of the run, so it carries the recovery after an interrupted run too.
        RECOVERY,
    );
    expect(inState).toEqual([]);
  });

  it("adopts it with adoptExisting: true, keeping its id and applying the program's values", async () => {
    const { existing } = await adoption.refused;
    const adopted = await adoption.adopted;
    expect(adopted.id).toBe(existing.id);
    expect(adopted.mountPath).toBe("/etc/app");
  });
});

// Each resource name maps to bad arguments and the exact reasons preview must report for it.
const cases: Record<string, { args: unknown; reasons: string[] }> = {
  "no-scope": { args: { meta: { projectId: 1001 }, spec: { configMap: "c", mountPath: "/m" } }, reasons: ["meta.scope: is required"] },
  "no-project-id": {
    args: { meta: { scope: "project" }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ['meta.projectId: required when meta.scope is "project"'],
  },
  "department-scope": {
    args: { meta: { scope: "department" }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: [
      'meta.scope: must be "project" (ConfigMap assets are project-scoped)',
      'meta.departmentId: required when meta.scope is "department"',
    ],
  },
  "unknown-scope": {
    args: { meta: { scope: "galaxy", projectId: 1001 }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ['meta.scope: must be one of "system", "tenant", "cluster", "department", "project"'],
  },
  "text-project-id": {
    args: { meta: { scope: "project", projectId: "team-a" }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ["meta.projectId: must be a number"],
  },
  "fractional-project-id": {
    args: { meta: { scope: "project", projectId: 10.5 }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ["meta.projectId: must be an integer"],
  },
  "empty-description": {
    args: { meta: { scope: "project", projectId: 1001, description: "" }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ["meta.description: must not be empty"],
  },
  "long-description": {
    args: { meta: { scope: "project", projectId: 1001, description: "x".repeat(251) }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ["meta.description: must be at most 250 characters long"],
  },
  "bad-cluster-id": {
    args: { meta: { scope: "project", projectId: 1001, clusterId: "cluster-1" }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ["meta.clusterId: must be a UUID"],
  },
  "relative-mount-path": {
    args: { meta: { scope: "project", projectId: 1001 }, spec: { configMap: "c", mountPath: "etc/app" } },
    reasons: ['spec.mountPath: must be an absolute path (start with "/"), got "etc/app"'],
  },
  "missing-spec-fields": {
    args: { meta: { scope: "project", projectId: 1001 }, spec: {} },
    reasons: ["spec.configMap: is required", "spec.mountPath: is required"],
  },
  "misspelt-spec-field": {
    args: { meta: { scope: "project", projectId: 1001 }, spec: { configMap: "c", mountpath: "/m" } },
    reasons: ['spec: unknown field "mountpath"', "spec.mountPath: is required"],
  },
  "bad-dist-framework": {
    args: {
      meta: { scope: "project", projectId: 1001, workloadSupportedTypes: { distributed: true, distFramework: "Ray" } },
      spec: { configMap: "c", mountPath: "/m" },
    },
    reasons: ['meta.workloadSupportedTypes.distFramework: must be one of "MPI", "PyTorch", "TF", "XGBoost"'],
  },
  "text-adopt-existing": {
    args: { meta: { scope: "project", projectId: 1001 }, spec: { configMap: "c", mountPath: "/m" }, adoptExisting: "yes" },
    reasons: ["adoptExisting: must be true or false"],
  },
  "empty-sub-path": {
    args: { meta: { scope: "project", projectId: 1001 }, spec: { configMap: "c", mountPath: "/m", subPath: "" } },
    reasons: ["spec.subPath: must not be empty"],
  },
  "empty-name": {
    args: { meta: { scope: "project", projectId: 1001, name: "" }, spec: { configMap: "c", mountPath: "/m" } },
    reasons: ["meta.name: must not be empty"],
  },
};

/**
 * One preview per case on a stack of the validation emulator, four at a time. The engine stops a
 * preview at the first resource whose check fails, so each case gets its own preview (the case name
 * travels in the environment; the program declares only that resource).
 */
function startValidation() {
  const done = background(
    (async () => {
      const stack = await TestStack.create({
        program: invalidProgram,
        config: {
          ...validationEmulator.stackConfig(),
          "cm:cases": JSON.stringify(Object.fromEntries(Object.entries(cases).map(([n, c]) => [n, c.args]))),
        },
      });
      try {
        await validationEmulator.resetCounters();
        const reportedByCase = await mapConcurrently(Object.keys(cases), 4, async (name) => {
          const result = await stack.preview({}, { allowFailure: true, env: { CONFIGMAP_CASE: name } });
          return { exitCode: result.code === 0 ? 0 : "non-zero", reasons: reportedProblems(result, TYPE, name) };
        });
        return { reportedByCase, writes: await validationEmulator.writeCount() };
      } finally {
        await stack.cleanup();
      }
    })(),
  );
  return { done };
}

describe("ConfigMapAsset validation at preview", () => {
  it("fails preview for each bad input with exactly its reasons, and writes nothing", async () => {
    const { reportedByCase, writes } = await validation.done;
    const expected = Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, { exitCode: "non-zero", reasons: c.reasons }]));
    expect(reportedByCase).toEqual(expected);
    expect(writes).toBe(0);
  });
});

describe("the whole file", () => {
  it("sent no request body the OpenAPI referee rejected", async () => {
    expect([await emulator.statusCount(400), await validationEmulator.statusCount(400)]).toEqual([0, 0]);
  });
});

async function mapConcurrently<T>(keys: string[], limit: number, fn: (key: string) => Promise<T>): Promise<Record<string, T>> {
  const results: Record<string, T> = {};
  const queue = [...keys];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) results[key] = await fn(key);
    }),
  );
  return results;
}
