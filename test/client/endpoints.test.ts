// The typed endpoints: asset endpoints (query filters, paths, bodies, URL-encoded ids, a generic
// endpoint for another kind) and the application endpoints.
import { CONFIG_MAP_ASSET, ENVIRONMENT_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { application, asset, clientTestHarness, CM_PATH, ENV_PATH, envAsset, ID } from "../support/client-setup";

const { setup } = clientTestHarness();

describe("asset endpoints", () => {
  test("list passes the filters as query parameters", async () => {
    const { server, client } = await setup();
    server.route("GET", CM_PATH, { json: { entries: [asset("config-map", {}, { configMap: "c", mountPath: "/m" })] } });
    const entries = await client.assets(CONFIG_MAP_ASSET).list({ name: "team-a", scope: "project", projectId: 1001, statusInfo: true });
    expect(entries[0].spec).toEqual({ configMap: "c", mountPath: "/m" });
    expect(server.requests.at(-1)!.url).toBe(`${CM_PATH}?name=team-a&scope=project&projectId=1001&statusInfo=true`);
  });

  test("create, get with status, update and delete an environment", async () => {
    const { server, client } = await setup();
    const body = { meta: { name: "team-a", scope: "project" as const, projectId: 1001 }, spec: { image: "python:3.12" } };
    server.route("POST", ENV_PATH, { status: 202, json: envAsset() });
    server.route("GET", `${ENV_PATH}/${ID}`, { json: { ...envAsset(), status: { status: "Creating" } } });
    server.route("PUT", `${ENV_PATH}/${ID}`, { status: 202, json: envAsset({ description: "d" }) });
    server.route("DELETE", `${ENV_PATH}/${ID}`, { status: 202, json: { code: 202, message: "accepted" } });
    expect((await client.assets(ENVIRONMENT_ASSET).create(body)).meta.id).toBe(ID);
    expect((await client.assets(ENVIRONMENT_ASSET).get(ID, { statusInfo: true })).status?.status).toBe("Creating");
    expect(
      (await client.assets(ENVIRONMENT_ASSET).update(ID, { meta: { name: "team-a", description: "d" }, spec: {} })).meta.description,
    ).toBe("d");
    await expect(client.assets(ENVIRONMENT_ASSET).delete(ID)).resolves.toBeUndefined();
    expect(server.requests.filter((r) => r.path !== "/api/v1/token").map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${ENV_PATH}`,
      `GET ${ENV_PATH}/${ID}?statusInfo=true`,
      `PUT ${ENV_PATH}/${ID}`,
      `DELETE ${ENV_PATH}/${ID}`,
    ]);
    expect(server.requestsTo("POST", ENV_PATH)[0].json).toEqual(body);
    expect(server.requestsTo("POST", ENV_PATH)[0].headers["content-type"]).toBe("application/json");
  });

  test("a generic endpoint for another asset kind", async () => {
    const { server, client } = await setup();
    const { z } = await import("zod");
    const nfsSpec = z.looseObject({ server: z.string() });
    const nfs = client.assets({ kind: "nfs", path: "/api/v1/asset/datasource/nfs", spec: nfsSpec, responseSpec: nfsSpec });
    server.route("GET", "/api/v1/asset/datasource/nfs", { json: { entries: [asset("nfs", {}, { server: "nfs.local" })] } });
    expect((await nfs.list())[0].spec.server).toBe("nfs.local");
  });

  test("a DELETE answered 204 without a body", async () => {
    const { server, client } = await setup();
    server.route("DELETE", `${CM_PATH}/${ID}`, { status: 204 });
    await expect(client.assets(CONFIG_MAP_ASSET).delete(ID)).resolves.toBeUndefined();
  });

  test("ids are URL-encoded into the path", async () => {
    const { server, client } = await setup();
    server.route("GET", /.*/, { status: 404, json: { code: 404, message: "nope" } });
    await caught(client.assets(ENVIRONMENT_ASSET).get("../apps"));
    expect(server.requests.at(-1)!.url).toBe(`${ENV_PATH}/..%2Fapps`);
  });
});

describe("application endpoints", () => {
  test("create, get, list, setEnabled, regenerateSecret, delete", async () => {
    const { server, client } = await setup();
    server.route("POST", "/api/v1/apps", {
      status: 201,
      json: { id: "app-1", name: "ci-bot", clientId: "ci-bot", secret: "first-app-secret" },
    });
    server.route("GET", "/api/v1/apps/app-1", { json: application });
    server.route("GET", "/api/v1/apps", { json: [application] });
    server.route("PATCH", "/api/v1/apps/app-1", { status: 200 });
    server.route("POST", "/api/v1/apps/app-1/secret", { json: { secret: "second-app-secret" } });
    server.route("DELETE", "/api/v1/apps/app-1", { status: 204 });
    expect(await client.apps.create({ name: "ci-bot" })).toEqual({
      id: "app-1",
      name: "ci-bot",
      clientId: "ci-bot",
      secret: "first-app-secret",
    });
    expect(await client.apps.get("app-1")).toEqual(application);
    expect(await client.apps.findByName("ci-bot")).toEqual(application);
    expect(await client.apps.findByName("ci")).toBeUndefined();
    await client.apps.setEnabled("app-1", true);
    expect(await client.apps.regenerateSecret("app-1")).toEqual({ secret: "second-app-secret" });
    await client.apps.delete("app-1");
    expect(server.requestsTo("POST", "/api/v1/apps")[0].json).toEqual({ name: "ci-bot" });
    expect(server.requestsTo("PATCH", "/api/v1/apps/app-1")[0].json).toEqual({ enabled: true });
  });
});
