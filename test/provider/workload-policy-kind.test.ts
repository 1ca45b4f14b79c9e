// The WorkloadPolicy kind: the static rules (the contract's schemas per policy type, generated), the
// diff rules, then its provider against the real emulator: Run:ai's validateOnly answer as check
// failures with nothing written, the PUT upsert, adoption, read of the scope's own policy, delete.
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";
import { EmulatorHarness } from "../support/emulator";

const provider = providerFor("WorkloadPolicy") as Required<ReturnType<typeof providerFor>>;
const policy = kindFor("WorkloadPolicy");
const GPU_RULE = {
  compute: { gpuDevicesRequest: { min: 1, max: 4 } },
  image: { options: [{ value: "nvcr.io/nvidia/pytorch:24.01-py3" }] },
};
const reasons = (failures: { reason: string }[] | undefined) => (failures ?? []).map((failure) => failure.reason);

describe("WorkloadPolicy check", () => {
  it("lists every problem at once: an unknown field, a wrong type, a missing scope id, a type outside its enum", () => {
    expect(
      reasons(
        checkInputs(policy, {
          type: "trainings",
          scope: "department",
          defaults: { compute: { gpuDevicesRequest: "two", gpuCount: 1 } },
          rules: { image: { options: [{ displayed: "x" }] } },
        }).failures,
      ),
    ).toEqual([
      'scopeId: is required when scope is "department"',
      "defaults.compute.gpuDevicesRequest: must be a number",
      'defaults.compute: unknown field "gpuCount"',
      "rules.image.options[0].value: is required",
    ]);
    expect(reasons(checkInputs(policy, { type: "training", scope: "tenant", scopeId: "1" }).failures)).toEqual([
      'type: must be one of "workspaces", "trainings", "distributed", "inferences"',
      'scopeId: must not be set when scope is "tenant"',
    ]);
  });

  it("checks each type against its own schema: a training's field is refused in an inference policy", () => {
    const withParallelism = { scope: "project", scopeId: "1001", defaults: { parallelism: 2 } };
    expect(reasons(checkInputs(policy, { type: "trainings", ...withParallelism }).failures)).toEqual([]);
    expect(reasons(checkInputs(policy, { type: "inferences", ...withParallelism }).failures)).toEqual([
      'defaults: unknown field "parallelism"',
    ]);
    expect(reasons(checkInputs(policy, { type: "trainings", scope: "project", scopeId: "team-a" }).failures)).toEqual([
      'scopeId: must be a project id (digits, e.g. "1001")',
    ]);
  });

  it("updates defaults, rules and imposed assets in place and replaces for a new type, scope or scope id", () => {
    const state = {
      type: "trainings",
      scope: "department",
      scopeId: "101",
      name: "trainings-department-101",
      rules: GPU_RULE,
      effective: {},
    };
    const same = { type: "trainings", scope: "department", scopeId: "101", rules: GPU_RULE };
    expect(diffInputs(policy, state, same).changes).toBe(false);
    expect(diffInputs(policy, state, { ...same, rules: { compute: { gpuDevicesRequest: { max: 8 } } } })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffInputs(policy, state, { ...same, scopeId: "102" }).replaces).toEqual(["scopeId"]);
    expect(diffInputs(policy, state, { ...same, type: "workspaces" }).replaces).toEqual(["type"]);
  });
});

describe("WorkloadPolicy against the emulator", () => {
  let admin: EmulatorHarness;

  beforeAll(async () => {
    admin = await EmulatorHarness.start({ checkContract: true });
    const config = admin.adminSettings();
    await provider.configure({ config: { get: (key: string) => config[key] } } as never);
  });
  afterAll(async () => {
    clearTokenCache();
    await admin?.stop();
  });
  beforeEach(() => admin.reset());

  const checked = async (news: Record<string, unknown>) => {
    const { inputs, failures } = await provider.check({}, news);
    expect(failures).toEqual([]);
    return inputs as Record<string, unknown>;
  };

  it("reports every issue of Run:ai's validateOnly answer at the field it names, and writes nothing", async () => {
    await admin.resetCounters();
    const { failures } = await provider.check(
      {},
      {
        type: "trainings",
        scope: "department",
        scopeId: "101",
        defaults: { compute: { gpuDevicesRequest: 6 }, image: "ubuntu:22.04" },
        rules: { compute: { gpuDevicesRequest: { min: 8, max: 4 } }, image: GPU_RULE.image },
      },
    );
    expect(reasons(failures)).toEqual([
      "rules.compute.gpuDevicesRequest: min 8 is above max 4 (Run:ai's validateOnly answer)",
      "defaults.compute.gpuDevicesRequest: 6 is below the rule's min 8 (Run:ai's validateOnly answer)",
      "defaults.compute.gpuDevicesRequest: 6 is above the rule's max 4 (Run:ai's validateOnly answer)",
      'defaults.image: "ubuntu:22.04" is not one of the rule\'s options ("nvcr.io/nvidia/pytorch:24.01-py3") (Run:ai\'s validateOnly answer)',
    ]);
    expect(await admin.counters()).toMatchObject({ "PUT /api/v2/policy/trainings (validateOnly)": { "400": 1 } });
    expect(await admin.writeCount()).toBe(0);
    expect((await admin.api("GET", "/api/v2/policy/trainings?scope=department&departmentId=101")).body.meta).toBeUndefined();
  });

  it("asks Run:ai nothing while the scope id is unknown, and reports a scope id that names nothing", async () => {
    await admin.resetCounters();
    expect(
      reasons((await provider.check({}, { type: "workspaces", scope: "project", scopeId: UNKNOWN, rules: GPU_RULE })).failures),
    ).toEqual([]);
    expect(Object.keys(await admin.counters()).filter((route) => route.includes("policy"))).toEqual([]);
    expect(reasons((await provider.check({}, { type: "workspaces", scope: "project", scopeId: "4242" })).failures)).toEqual([
      'scopeId: no project has id "4242" in Run:ai; getProject({ name, clusterId }) gives a project\'s id by its name',
    ]);
  });

  it("puts a policy, reads the scope's own policy with the effective one, updates it in place and deletes it", async () => {
    await admin.api("PUT", "/api/v2/policy/workspaces", {
      meta: { scope: "tenant", name: "tenant-wide" },
      policy: { defaults: { imagePullPolicy: "Always" } },
    });
    const inputs = await checked({ type: "workspaces", scope: "project", scopeId: "1001", rules: GPU_RULE });
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe("workspaces/project/1001");
    expect(outs).toMatchObject({
      type: "workspaces",
      scope: "project",
      scopeId: "1001",
      name: "workspaces-project-1001",
      rules: GPU_RULE,
      effective: { defaults: { imagePullPolicy: "Always" }, rules: GPU_RULE },
    });
    expect(outs.defaults).toBeUndefined();
    const read = await provider.read(id, outs);
    expect(read.props).toMatchObject({ rules: GPU_RULE, effective: { defaults: { imagePullPolicy: "Always" } } });
    const wider = { compute: { gpuDevicesRequest: { max: 8 } } };
    const { outs: updated } = await provider.update(id, outs, await checked({ ...inputs, rules: wider }));
    expect(updated.rules).toEqual(wider);
    await provider.delete(id, updated);
    const after = (await admin.api("GET", "/api/v2/policy/workspaces?scope=project&projectId=1001")).body;
    expect(after.meta).toBeUndefined();
    expect(after.effective).toMatchObject({ defaults: { imagePullPolicy: "Always" }, rules: null });
    expect(await provider.read(id, updated)).toEqual({});
  });

  it("takes over a policy that exists only with adoptExisting", async () => {
    await admin.api("PUT", "/api/v2/policy/trainings", { meta: { scope: "department", departmentId: "102", name: "by-hand" }, policy: {} });
    const inputs = await checked({ type: "trainings", scope: "department", scopeId: "102", rules: GPU_RULE });
    await expect(provider.create(inputs)).rejects.toThrow("already exists");
    const { outs } = await provider.create({ ...inputs, adoptExisting: true });
    expect(outs).toMatchObject({ name: "trainings-department-102", rules: GPU_RULE, adoptExisting: true });
  });
});
