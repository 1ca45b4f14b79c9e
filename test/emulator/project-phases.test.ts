// Project phases over time: Creating → Ready, Updating → Ready, Deleting → 404, and phases forced
// through the admin API (PUT/DELETE /__emulator/projects/{projectId}/phase).
import { PROJECTS, useEmulator } from "../support/emulator";
import { SEED_ORGANISATION } from "../../src/emulator";
import { sleep } from "./helpers";

// Long enough that a GET right after a write still sees the transient phase on a loaded machine.
const DELAY = 400;
const t = useEmulator({ syncDelayMs: DELAY, checkContract: true });

const body = (name: string) => ({ name, clusterId: SEED_ORGANISATION.clusterId, parentId: "101", resources: [] });
const phaseOf = async (id: string) => {
  const res = await t.call("GET", `${PROJECTS}/${id}`);
  return res.status === 200 ? res.body.status.phase : res.status;
};

test("create: Creating for syncDelayMs, then Ready", async () => {
  const created = await t.call("POST", PROJECTS, { body: body("team-d") });
  expect(created.status).toBe(201);
  expect(created.body.status).toMatchObject({ phase: "Creating", namespace: "runai-team-d", phaseMessage: null });
  expect(await phaseOf("1004")).toBe("Creating");
  await sleep(DELAY + 30);
  expect(await phaseOf("1004")).toBe("Ready");
});

test("update: Updating for syncDelayMs, then Ready", async () => {
  const res = await t.call("PUT", `${PROJECTS}/1001`, { body: { resources: [], description: "x" } });
  expect(res.body.status.phase).toBe("Updating");
  expect(await phaseOf("1001")).toBe("Updating");
  await sleep(DELAY + 30);
  expect(await phaseOf("1001")).toBe("Ready");
});

test("delete: 202, Deleting (name still taken, PUT refused, DELETE again 202), then 404 and the name is free", async () => {
  await t.call("POST", PROJECTS, { body: body("team-d") });
  expect((await t.call("DELETE", `${PROJECTS}/1004`)).status).toBe(202);
  expect(await phaseOf("1004")).toBe("Deleting");
  expect((await t.call("GET", PROJECTS)).body.projects.map((p: any) => p.status.phase)).toEqual(["Ready", "Ready", "Ready", "Deleting"]);
  expect((await t.call("DELETE", `${PROJECTS}/1004`)).status).toBe(202);
  const put = await t.call("PUT", `${PROJECTS}/1004`, { body: { resources: [] } });
  expect(put.body).toEqual({ code: 404, message: 'project "1004" is being deleted' });
  expect((await t.call("POST", PROJECTS, { body: body("team-d") })).status).toBe(409);
  // Its department cannot go while it is still there.
  expect((await t.call("DELETE", "/api/v1/org-unit/departments/101")).body.message).toBe(
    'department "research" still has projects team-a, team-b, team-d; delete them first',
  );
  // Nor does it take new assets.
  const asset = await t.call("POST", "/api/v1/asset/environment", {
    body: { meta: { name: "e", scope: "project", projectId: 1004 }, spec: { image: "x" } },
  });
  expect(asset.body.message).toBe("meta.projectId: project 1004 is being deleted");

  await sleep(DELAY + 30);
  expect(await phaseOf("1004")).toBe(404);
  expect((await t.call("GET", PROJECTS)).body.projects).toHaveLength(3);
  expect((await t.call("POST", PROJECTS, { body: body("team-d") })).body.id).toBe("1005");
});

describe("forced phases", () => {
  test("NotReady with a message is reported until cleared, through updates", async () => {
    const forced = await t.admin("PUT", "/__emulator/projects/1001/phase", { phase: "NotReady", message: "namespace quota exceeded" });
    expect(forced.status).toBe(200);
    expect(forced.body).toEqual({ id: "1001", forcedPhase: { phase: "NotReady", message: "namespace quota exceeded" } });
    const res = await t.call("GET", `${PROJECTS}/1001`);
    expect(res.body.status).toMatchObject({ phase: "NotReady", phaseMessage: "namespace quota exceeded" });
    await t.call("PUT", `${PROJECTS}/1001`, { body: { resources: [] } });
    expect(await phaseOf("1001")).toBe("NotReady");
    expect((await t.call("GET", `${PROJECTS}?filterBy=phase==NotReady`)).body.projects.map((p: any) => p.id)).toEqual(["1001"]);

    const cleared = await t.admin("DELETE", "/__emulator/projects/1001/phase");
    expect(cleared.body).toEqual({ id: "1001", forcedPhase: null });
    expect(await phaseOf("1001")).toBe("Updating");
  });

  test("the harness forces and clears; reset clears", async () => {
    await t.forceProjectPhase("1002", { phase: "Unknown" });
    expect(await phaseOf("1002")).toBe("Unknown");
    await t.clearProjectPhase("1002");
    expect(await phaseOf("1002")).toBe("Ready");
    await t.forceProjectPhase("1002", { phase: "Creating" });
    await t.reset();
    expect(await phaseOf("1002")).toBe("Ready");
  });

  test.each([
    [{}, "phase: is required"],
    [
      { phase: "Broken" },
      'phase: must be one of "Creating", "Updating", "Deleting", "Deleted", "Initializing", "Ready", "NotReady", "Unknown"',
    ],
    [{ phase: "Ready", message: 5 }, "message: must be string"],
  ])("%j answers 400", async (payload, message) => {
    const res = await t.admin("PUT", "/__emulator/projects/1001/phase", payload);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  test("an unknown project answers 404", async () => {
    const res = await t.admin("PUT", "/__emulator/projects/4242/phase", { phase: "Ready" });
    expect(res.body).toEqual({ code: 404, message: 'project "4242" not found' });
  });
});
