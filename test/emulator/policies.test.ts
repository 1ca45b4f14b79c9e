// Workload policies over HTTP: PUT as an upsert per type and scope, validateOnly applying nothing,
// the scope and stated rules with their exact 400 texts, the effective policy inherited down the
// tenant → cluster → department → project chain, DELETE, the list. Every response is checked
// against the contract (test/support/contract.ts).
import { SEED_ORGANISATION } from "../../src/emulator";
import { useEmulator } from "../support/emulator";

const t = useEmulator({ syncDelayMs: 0, checkContract: true });
const TRAININGS = "/api/v2/policy/trainings";
const put = (meta: Record<string, unknown>, policy: Record<string, unknown>, query = "") =>
  t.api("PUT", `${TRAININGS}${query}`, { meta: { name: "p", ...meta }, policy });

it("puts a policy per scope, answers it with the effective one, overwrites it whole, and deletes it", async () => {
  const created = await put({ scope: "department", departmentId: "101" }, { rules: { compute: { gpuDevicesRequest: { max: 4 } } } });
  expect(created.status).toBe(200);
  expect(created.body.meta).toMatchObject({ scope: "department", departmentId: "101", name: "p", createdBy: "runai-admin" });
  const replaced = await put({ scope: "department", departmentId: "101" }, { defaults: { image: "nvcr.io/x" } });
  expect(replaced.body.meta.id).toBe(created.body.meta.id);
  expect(replaced.body.policy).toEqual({ defaults: { image: "nvcr.io/x" }, rules: null, imposedAssets: null });
  expect((await t.api("GET", `${TRAININGS}?scope=department&departmentId=101`)).body.policy.defaults).toEqual({ image: "nvcr.io/x" });
  expect((await t.api("DELETE", `${TRAININGS}?scope=department&departmentId=101`)).status).toBe(204);
  const gone = await t.api("DELETE", `${TRAININGS}?scope=department&departmentId=101`);
  expect(gone.status).toBe(404);
  expect(gone.body.message).toBe("department 101 has no training policy");
});

it("inherits: a project's effective policy merges the tenant's, its department's and its own, the narrowest winning", async () => {
  await put(
    { scope: "tenant" },
    { defaults: { image: "ubuntu", imagePullPolicy: "Always" }, imposedAssets: ["3f8b2a1c-0d4e-4f5a-9b6c-7d8e9f0a1b2c"] },
  );
  await put(
    { scope: "department", departmentId: "101" },
    { defaults: { image: "nvcr.io/x" }, rules: { compute: { gpuDevicesRequest: { max: 4 } } } },
  );
  await put({ scope: "project", projectId: 1001 }, { rules: { compute: { gpuDevicesRequest: { max: 2 } } } });
  const answer = (await t.api("GET", `${TRAININGS}?scope=project&projectId=1001`)).body;
  expect(answer.meta).toMatchObject({ scope: "project", projectId: 1001 });
  expect(answer.effective).toEqual({
    defaults: { image: "nvcr.io/x", imagePullPolicy: "Always" },
    rules: { compute: { gpuDevicesRequest: { max: 2 } } },
    imposedAssets: ["3f8b2a1c-0d4e-4f5a-9b6c-7d8e9f0a1b2c"],
  });
  // Another project of another department: the tenant's alone, and no policy of its own.
  const other = (await t.api("GET", `${TRAININGS}?scope=project&projectId=1003`)).body;
  expect(other.meta).toBeUndefined();
  expect(other.effective.defaults).toEqual({ image: "ubuntu", imagePullPolicy: "Always" });
  // Types are apart: no workspace policy anywhere.
  expect((await t.api("GET", "/api/v2/policy/workspaces?scope=project&projectId=1001")).body.effective).toEqual({
    defaults: null,
    rules: null,
    imposedAssets: null,
  });
});

it("validateOnly answers what the policy would be and applies nothing; counted apart from writes", async () => {
  await t.resetCounters();
  const answer = await put(
    { scope: "cluster", clusterId: SEED_ORGANISATION.clusterId },
    { defaults: { image: "a" } },
    "?validateOnly=true",
  );
  expect(answer.status).toBe(200);
  expect(answer.body.policy.defaults).toEqual({ image: "a" });
  expect((await t.api("GET", `${TRAININGS}?scope=cluster&clusterId=${SEED_ORGANISATION.clusterId}`)).body.meta).toBeUndefined();
  expect(await t.writeCount()).toBe(0);
  expect(await t.counters()).toMatchObject({ "PUT /api/v2/policy/trainings (validateOnly)": { "200": 1 } });
});

it("refuses, all at once, a min above its max, defaults outside their rules, and scope ids missing or unknown", async () => {
  const refused = await put(
    { scope: "department", departmentId: "101" },
    {
      defaults: { compute: { gpuDevicesRequest: 5, cpuMemoryRequest: "64G" }, image: "ubuntu" },
      rules: {
        compute: { gpuDevicesRequest: { min: 1, max: 4 }, cpuMemoryRequest: { min: "1G", max: "32G" }, cpuCoreRequest: { min: 8, max: 2 } },
        image: { options: [{ value: "nvcr.io/x" }] },
      },
    },
    "?validateOnly=true",
  );
  expect(refused.status).toBe(400);
  expect(refused.body.message).toBe(
    [
      "policy.defaults.compute.gpuDevicesRequest: 5 is above the rule's max 4",
      'policy.defaults.compute.cpuMemoryRequest: "64G" is above the rule\'s max "32G"',
      "policy.rules.compute.cpuCoreRequest: min 8 is above max 2",
      'policy.defaults.image: "ubuntu" is not one of the rule\'s options ("nvcr.io/x")',
    ].join("; "),
  );
  expect((await put({ scope: "department" }, {})).body.message).toBe('meta.departmentId: required when meta.scope is "department"');
  expect((await put({ scope: "project", projectId: 4242 }, {})).body.message).toBe("meta.projectId: project 4242 does not exist");
  const missing = await t.api("GET", `${TRAININGS}?scope=department&departmentId=999`);
  expect([missing.status, missing.body.message]).toEqual([404, "query.departmentId: department 999 does not exist"]);
});

it("lists the policies with their type, filtered by workload type and scope", async () => {
  await put({ scope: "tenant" }, {});
  await t.api("PUT", "/api/v2/policy/workspaces", { meta: { name: "w", scope: "project", projectId: 1001 }, policy: {} });
  const all = (await t.api("GET", "/api/v2/policy")).body.policies;
  expect(all.map((entry: { type: string; meta: { scope: string } }) => [entry.type, entry.meta.scope])).toEqual([
    ["training", "tenant"],
    ["workspace", "project"],
  ]);
  expect((await t.api("GET", "/api/v2/policy?workloadType=Workspace")).body.policies).toHaveLength(1);
  expect((await t.api("GET", "/api/v2/policy?scope=tenant")).body.policies).toHaveLength(1);
});
