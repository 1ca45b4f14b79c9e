// Sync status (?statusInfo=true): Creating/Updating/Deleting for syncDelayMs, then "No issues found"
// or gone; forced statuses through the admin API.
import { expectContractResponse } from "../support/contract";
import { CONFIG_MAPS, ENVIRONMENTS, useEmulator } from "../support/emulator";
import { configMapBody, environmentBody, sleep } from "./helpers";

// Long enough that a GET right after a write still sees the transient phase on a loaded 2-core machine.
const DELAY = 400;
const t = useEmulator({ syncDelayMs: DELAY, checkContract: true });

const statusOf = async (base: string, id: string) => {
  const res = await t.call("GET", `${base}/${id}?statusInfo=true`);
  return res.status === 200 ? res.body.status : res.status;
};

test("create: Creating for syncDelayMs, then No issues found; no status without statusInfo", async () => {
  const created = await t.call("POST", CONFIG_MAPS, { body: configMapBody("a") });
  expect(created.body).not.toHaveProperty("status");
  const id = created.body.meta.id;
  expect(await statusOf(CONFIG_MAPS, id)).toEqual({ status: "Creating" });
  expect((await t.call("GET", `${CONFIG_MAPS}/${id}`)).body).not.toHaveProperty("status");
  expect((await t.call("GET", `${CONFIG_MAPS}/${id}?statusInfo=false`)).body).not.toHaveProperty("status");
  await sleep(DELAY + 30);
  expect(await statusOf(CONFIG_MAPS, id)).toEqual({ status: "No issues found" });
  const list = await t.call("GET", `${CONFIG_MAPS}?statusInfo=true`);
  expect(list.body.entries[0].status).toEqual({ status: "No issues found" });
});

test("update: Updating for syncDelayMs, then No issues found", async () => {
  const created = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
  const id = created.body.meta.id;
  await sleep(DELAY + 30);
  await t.call("PUT", `${ENVIRONMENTS}/${id}`, { body: { meta: { name: "e" }, spec: { image: "python:3.13" } } });
  expect(await statusOf(ENVIRONMENTS, id)).toEqual({ status: "Updating" });
  await sleep(DELAY + 30);
  expect(await statusOf(ENVIRONMENTS, id)).toEqual({ status: "No issues found" });
});

test("delete: Deleting for syncDelayMs (in get and list), then gone and the name is free again", async () => {
  const created = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
  const id = created.body.meta.id;
  expect((await t.call("DELETE", `${ENVIRONMENTS}/${id}`)).status).toBe(202);

  const deleting = await t.call("GET", `${ENVIRONMENTS}/${id}?statusInfo=true`);
  expect(deleting.status).toBe(200);
  expect(deleting.body.status).toEqual({ status: "Deleting" });
  expect(deleting.body.meta).toMatchObject({ deletedBy: "runai-admin", deletedAt: expect.any(String) });
  expect((await t.call("GET", `${ENVIRONMENTS}?statusInfo=true`)).body.entries.map((e: any) => e.status)).toEqual([{ status: "Deleting" }]);

  // While Deleting: a repeated DELETE is accepted again, a PUT is refused, the name is still taken.
  expect((await t.call("DELETE", `${ENVIRONMENTS}/${id}`)).status).toBe(202);
  const put = await t.call("PUT", `${ENVIRONMENTS}/${id}`, { body: { meta: { name: "e" }, spec: {} } });
  expect(put.status).toBe(404);
  expect(put.body.message).toBe(`environment asset "${id}" is being deleted`);
  expect((await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") })).status).toBe(409);

  await sleep(DELAY + 30);
  expect(await statusOf(ENVIRONMENTS, id)).toBe(404);
  expect((await t.call("GET", ENVIRONMENTS)).body.entries).toEqual([]);
  expect((await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") })).status).toBe(202);
});

describe("forced statuses (admin API)", () => {
  test("Failed with a message is reported until cleared, through later updates", async () => {
    const created = await t.call("POST", CONFIG_MAPS, { body: configMapBody("a") });
    const id = created.body.meta.id;
    const forced = await t.admin("PUT", `/__emulator/assets/${id}/status`, {
      status: "Failed",
      message: "config map not found in cluster",
    });
    expect(forced.status).toBe(200);
    expect(forced.body).toEqual({ id, forcedStatus: { status: "Failed", message: "config map not found in cluster" } });

    const res = await t.call("GET", `${CONFIG_MAPS}/${id}?statusInfo=true`);
    expect(res.body.status).toEqual({ status: "Failed", message: "config map not found in cluster" });
    await t.call("PUT", `${CONFIG_MAPS}/${id}`, { body: { meta: { name: "a" }, spec: configMapBody("a").spec } });
    expect((await statusOf(CONFIG_MAPS, id)).status).toBe("Failed");

    const cleared = await t.admin("DELETE", `/__emulator/assets/${id}/status`);
    expect(cleared.body).toEqual({ id, forcedStatus: null });
    expect(await statusOf(CONFIG_MAPS, id)).toEqual({ status: "Updating" });
  });

  test("Issues found with issues, valid against the contract", async () => {
    const created = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    const id = created.body.meta.id;
    const issues = [{ scopeId: "1001", scopeType: "project", issue: "ReplicationError" }];
    await t.admin("PUT", `/__emulator/assets/${id}/status`, { status: "Issues found", issues, message: "replication failed" });
    const res = await t.call("GET", `${ENVIRONMENTS}/${id}?statusInfo=true`);
    expect(res.body.status).toEqual({ status: "Issues found", issues, message: "replication failed" });
  });

  test("a forced Deletion failed keeps a deleted asset", async () => {
    const created = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    const id = created.body.meta.id;
    await t.admin("PUT", `/__emulator/assets/${id}/status`, { status: "Deletion failed" });
    await t.call("DELETE", `${ENVIRONMENTS}/${id}`);
    await sleep(DELAY + 30);
    expect(await statusOf(ENVIRONMENTS, id)).toEqual({ status: "Deletion failed" });
    await t.admin("DELETE", `/__emulator/assets/${id}/status`);
    expect(await statusOf(ENVIRONMENTS, id)).toBe(404);
  });

  test("reset clears forced statuses with everything else", async () => {
    const created = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    await t.admin("PUT", `/__emulator/assets/${created.body.meta.id}/status`, { status: "Failed" });
    await t.admin("POST", "/__emulator/reset");
    expect((await t.admin("GET", "/__emulator/state")).body.assets).toEqual([]);
  });

  test.each([
    [{}, "status: is required"],
    [
      { status: "Exploded" },
      'status: must be one of "Creating", "Deleting", "Failed", "Deletion failed", "Issues found", "No issues found", "No status", "Updating"',
    ],
    [{ status: "Issues found", issues: [{ scopeId: "1001" }] }, "issues[0].scopeType: is required; issues[0].issue: is required"],
    [[], "request body: must be object"],
  ])("invalid forced status %j answers 400", async (body, message) => {
    const created = await t.call("POST", ENVIRONMENTS, { body: environmentBody("e") });
    const res = await t.admin("PUT", `/__emulator/assets/${created.body.meta.id}/status`, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  test("an unknown asset answers 404", async () => {
    const res = await t.admin("PUT", "/__emulator/assets/00000000-0000-4000-8000-000000000000/status", { status: "Failed" });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: 'asset "00000000-0000-4000-8000-000000000000" not found' });
  });
});

test("the response checker rejects bodies that break the contract (guards the other tests)", () => {
  expect(() => expectContractResponse("GET", "/api/v1/apps", 200, [{ name: 1 }])).toThrow(/does not match the contract/);
  expect(() =>
    expectContractResponse("GET", `${ENVIRONMENTS}/x?statusInfo=true`, 200, {
      meta: { name: "x" },
      spec: {},
      status: { status: "Done" },
    }),
  ).toThrow(/does not match the contract/);
  expect(() => expectContractResponse("POST", CONFIG_MAPS, 201, {})).toThrow("does not declare status 201");
});
