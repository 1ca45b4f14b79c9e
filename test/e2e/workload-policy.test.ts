// Workload policies through a real `pulumi` CLI: a department-wide training policy and a project's
// workspace policy go up over a tenant policy made by hand; a policy that breaks its own rules is
// refused at preview with Run:ai's validateOnly answer and nothing written, and so are bad fields, a
// scope that does not exist and a second resource for one policy; a limit changes in place;
// a hand edit shows in `preview --refresh`; destroy gives the project the tenant's policy back.
import * as path from "node:path";
import type { EmulatorHarness } from "../support/emulator";
import { startEmulatorStack, stopEmulatorStack } from "../support/emulator-stack";
import type { TestStack } from "../support/pulumi-stack";
import { reportedProblems, reportedProblemsOf } from "../support/preview-problems";

const program = path.join(__dirname, "programs/lifecycle");
const POLICY = "/api/v2/policy";
const TYPE = "pulumi-nodejs:dynamic/runai:WorkloadPolicy";
const IMAGES = ["nvcr.io/nvidia/pytorch:24.01-py3", "nvcr.io/nvidia/pytorch:24.05-py3"];

/** The research department's training policy, with a GPU limit and an image rule. */
const researchTrainings = (maxGpus: number, defaultGpus = 1) => ({
  type: "WorkloadPolicy",
  args: {
    type: "trainings",
    scope: "department",
    scopeId: "101",
    defaults: { compute: { gpuDevicesRequest: defaultGpus }, image: IMAGES[0] },
    rules: { compute: { gpuDevicesRequest: { min: 1, max: maxGpus } }, image: { options: IMAGES.map((value) => ({ value })) } },
  },
});
/** Project team-a's workspace policy. */
const teamWorkspaces = {
  type: "WorkloadPolicy",
  args: { type: "workspaces", scope: "project", scopeId: "1001", rules: { compute: { gpuDevicesRequest: { max: 2 } } } },
};

let emulator: EmulatorHarness;
let stack: TestStack;
/** The effective training policy of project 1001 before the stack: the tenant's alone. */
let tenantEffective: unknown;

const policyOf = async (type: string, scope: string, scopeId?: string) => {
  const query = scopeId ? `?scope=${scope}&${scope}Id=${scopeId}` : `?scope=${scope}`;
  const answer = await emulator.api("GET", `${POLICY}/${type}${query}`);
  expect(answer.status).toBe(200);
  return answer.body as { meta?: { name: string }; policy?: { rules?: unknown }; effective: unknown };
};
const declare = (resources: Record<string, unknown>) => stack.setConfig("lifecycle:resources", JSON.stringify(resources));

beforeAll(async () => {
  ({ emulator, stack } = await startEmulatorStack(program));
  const tenant = await emulator.api("PUT", `${POLICY}/trainings`, {
    meta: { name: "tenant-trainings", scope: "tenant" },
    policy: { defaults: { compute: { cpuCoreRequest: 0.5 } }, rules: { compute: { gpuDevicesRequest: { max: 8 } } } },
  });
  expect(tenant.status).toBe(200);
  tenantEffective = (await policyOf("trainings", "project", "1001")).effective;
});
afterAll(() => stopEmulatorStack({ emulator, stack }));

it("puts up a department training policy and a project workspace policy; the project's effective policy merges the tenant's and the department's", async () => {
  await declare({ research: researchTrainings(4), team: teamWorkspaces });
  const up = await stack.up();
  expect(up.stdout).toContain("+ 3 created");
  expect((await stack.outputs()).ids).toEqual({ research: "trainings/department/101", team: "workspaces/project/1001" });

  expect((await policyOf("trainings", "department", "101")).policy?.rules).toEqual(researchTrainings(4).args.rules);
  expect((await policyOf("workspaces", "project", "1001")).policy?.rules).toEqual(teamWorkspaces.args.rules);
  expect((await policyOf("trainings", "project", "1001")).effective).toEqual({
    defaults: { compute: { cpuCoreRequest: 0.5, gpuDevicesRequest: 1 }, image: IMAGES[0] },
    rules: { compute: { gpuDevicesRequest: { min: 1, max: 4 } }, image: { options: IMAGES.map((value) => ({ value })) } },
    imposedAssets: null,
  });
  await stack.preview({ expectNoChanges: true });
});

it("refuses a policy that breaks its own rules at preview with Run:ai's validateOnly answer, and writes nothing", async () => {
  await declare({
    research: researchTrainings(4),
    team: teamWorkspaces,
    broken: { ...researchTrainings(0, 3), args: { ...researchTrainings(0, 3).args, scopeId: "102" } },
  });
  await emulator.resetCounters();
  const preview = await stack.preview({}, { allowFailure: true });
  expect(preview.code).not.toBe(0);
  expect(reportedProblems(preview, TYPE, "broken")).toEqual([
    "rules.compute.gpuDevicesRequest: min 1 is above max 0 (Run:ai's validateOnly answer)",
    "defaults.compute.gpuDevicesRequest: 3 is above the rule's max 0 (Run:ai's validateOnly answer)",
  ]);
  expect(await emulator.writeCount()).toBe(0);
  expect((await policyOf("trainings", "department", "102")).meta).toBeUndefined();
});

it("refuses, all at once at preview, an unknown field, a value of the wrong type and a scope id that names no department, and writes nothing", async () => {
  const bad = {
    type: "WorkloadPolicy",
    args: {
      type: "trainings",
      scope: "department",
      scopeId: "999",
      defaults: { compute: { gpuCount: 2 } },
      rules: { compute: { gpuDevicesRequest: { max: "four" } } },
    },
  };
  await declare({ research: researchTrainings(4), team: teamWorkspaces, bad });
  await emulator.resetCounters();
  const preview = await stack.preview({}, { allowFailure: true });
  expect(preview.code).not.toBe(0);
  expect(reportedProblems(preview, TYPE, "bad")).toEqual([
    'defaults.compute: unknown field "gpuCount"',
    "rules.compute.gpuDevicesRequest.max: must be a number",
    'scopeId: no department has id "999" in Run:ai; getDepartment({ name, clusterId }) gives a department\'s id by its name',
  ]);
  expect(await emulator.writeCount()).toBe(0);
});

it("refuses two resources for one policy (type, scope and scope id) at preview, naming the other, and writes nothing", async () => {
  await declare({ research: researchTrainings(4), team: teamWorkspaces, "research-copy": researchTrainings(4) });
  await emulator.resetCounters();
  const preview = await stack.preview({}, { allowFailure: true });
  expect(preview.code).not.toBe(0);
  const reported = reportedProblemsOf(preview, TYPE, ["research", "research-copy"]).map(({ resource, reason }) => `${resource}: ${reason}`);
  // Whichever of the two the engine checks second is refused.
  const refused = reported[0]?.startsWith("research-copy") ? "research-copy" : "research";
  const other = refused === "research" ? "research-copy" : "research";
  expect(reported).toEqual([
    `${refused}: type: "trainings" is also declared by resource "${other}" (department 101 has one policy of each type)`,
  ]);
  expect(await emulator.writeCount()).toBe(0);
});

it("raises the department's GPU limit in place: one PUT, same id", async () => {
  await declare({ research: researchTrainings(8), team: teamWorkspaces });
  await emulator.resetCounters();
  const up = await stack.up();
  expect(up.stdout).toContain("~ 1 updated");
  expect(up.stdout).not.toMatch(/replaced/);
  expect((await stack.outputs()).ids).toEqual({ research: "trainings/department/101", team: "workspaces/project/1001" });
  expect(await emulator.writeCount()).toBe(1);
  expect((await policyOf("trainings", "department", "101")).policy?.rules).toEqual(researchTrainings(8).args.rules);
});

it("shows a hand edit of the project's policy in preview --refresh, and up puts the program's back", async () => {
  const edited = await emulator.api("PUT", `${POLICY}/workspaces`, {
    meta: { name: "edited-by-hand", scope: "project", projectId: 1001 },
    policy: { rules: { compute: { gpuDevicesRequest: { max: 6 } } } },
  });
  expect(edited.status).toBe(200);
  const preview = await stack.preview({ refresh: true, extra: ["--diff"] });
  expect(preview.stdout).toMatch(/~ pulumi-nodejs:dynamic\/runai:WorkloadPolicy: \(update\)[\s\S]*\[urn=[^\]]*::team\]/);
  // The refresh reads the hand-edited limit; the update puts the program's back.
  expect(preview.stdout).toMatch(/~ rules\s*: \{\s*~ compute: \{\s*~ gpuDevicesRequest: \{\s*~ max: 2 => 6/);
  expect(preview.stdout).toContain("~ 1 to update");
  await stack.up(["--refresh"]);
  expect((await policyOf("workspaces", "project", "1001")).policy?.rules).toEqual(teamWorkspaces.args.rules);
});

it("destroy removes both, and the project's effective policy is the tenant's again", async () => {
  const destroy = await stack.destroy();
  expect(destroy.stdout).toContain("- 3 deleted");
  expect((await policyOf("trainings", "department", "101")).meta).toBeUndefined();
  expect((await policyOf("workspaces", "project", "1001")).meta).toBeUndefined();
  expect((await policyOf("trainings", "project", "1001")).effective).toEqual(tenantEffective);
  // The tenant's own policy, which no stack owns, is untouched.
  expect((await policyOf("trainings", "tenant")).meta?.name).toBe("tenant-trainings");
});
