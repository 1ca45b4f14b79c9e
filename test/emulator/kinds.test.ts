// The kind table drives the asset routes and handlers. The rows' options are checked against the
// document here; the no-status path is also exercised on the handlers directly (no HTTP, no
// contract validation). asset-family.test.ts covers every kind over HTTP.
import * as fs from "node:fs";
import * as path from "node:path";
import { assetHandlers } from "../../src/emulator/families/assets";
import { createContext } from "../../src/emulator/context";
import { ApiError } from "../../src/emulator/http/errors";
import { ASSET_KINDS, assetKind, referencesTo, type AssetKind } from "../../src/emulator/families/kinds";
import { matchRoute, ROUTES } from "../../src/emulator/http/routes";
import type { ApiRequest } from "../../src/emulator/http/http";

const DOC = JSON.parse(fs.readFileSync(path.join(__dirname, "../../api/runai-2.22.openapi.json"), "utf8"));

describe("routes from the kind table", () => {
  test.each(ASSET_KINDS.map((k) => [k.kind, k] as const))("%s: five routes, operationIds as in the document", (_name, kind) => {
    const routes = ROUTES.filter((r) => r.target.type === "asset" && r.target.kind === kind);
    expect(routes.map((r) => `${r.method} ${r.template}`)).toEqual([
      `GET ${kind.path}`,
      `POST ${kind.path}`,
      `GET ${kind.path}/{AssetId}`,
      `PUT ${kind.path}/{AssetId}`,
      `DELETE ${kind.path}/{AssetId}`,
    ]);
    for (const r of routes) expect(r.operationId).toBe(DOC.paths[r.template][r.method.toLowerCase()].operationId);
  });

  test("a request is matched to its kind and action", () => {
    const match = matchRoute("PUT", "/api/v1/asset/environment/abc");
    expect(match?.route.operationId).toBe("update_environment_asset_by_id");
    expect(match?.route.target).toEqual({ type: "asset", kind: assetKind("environment"), action: "update" });
    expect(match?.params).toEqual({ AssetId: "abc" });
  });

  test("every kind's resourceType (what the access control checks) is a ResourceType of the document", () => {
    for (const kind of ASSET_KINDS) expect(DOC.components.schemas.ResourceType.enum).toContain(kind.resourceType);
    expect(assetKind("config-map").resourceType).toBe("cm-volume-assets");
    expect(ASSET_KINDS.filter((k) => k.credential).map((k) => k.resourceType)).toEqual(Array(4).fill("credentials"));
  });

  test("every kind is a meta.kind of the document's AssetKind enum", () => {
    for (const kind of ASSET_KINDS) expect(DOC.components.schemas.AssetKind.enum).toContain(kind.kind);
  });

  test("the delete status of each row, and 412 for referenced kinds, are declared by the document", () => {
    for (const kind of ASSET_KINDS) {
      const responses = DOC.paths[`${kind.path}/{AssetId}`].delete.responses;
      expect(Object.keys(responses)).toContain(String(kind.deleteStatus));
      if (referencesTo(kind.kind).length) expect(Object.keys(responses)).toContain("412");
    }
    expect(referencesTo("accessKey").map((r) => `${r.from.kind}.${r.reference.field}`)).toEqual([
      "s3.accessKeyAssetId",
      "secret-volume.credentialAssetId",
    ]);
    expect(ASSET_KINDS.filter((k) => k.deleteStatus === 204).map((k) => k.kind)).toEqual(["genericSecret"]);
  });

  test("credential secret fields are fields of the kind's creation spec", () => {
    for (const kind of ASSET_KINDS) {
      for (const field of kind.credential?.secretFields ?? []) {
        const top = field.split("[]")[0];
        const schemaName = `${kind.kind[0].toUpperCase()}${kind.kind.slice(1)}CreationSpec`;
        expect(Object.keys(DOC.components.schemas[schemaName].properties)).toContain(top);
      }
    }
  });

  test("config-map and environment report sync status (the default); unknown names are refused", () => {
    expect(assetKind("config-map").reportsStatus).toBe(true);
    expect(assetKind("environment").reportsStatus).toBe(true);
    expect(() => assetKind("no-such-kind")).toThrow('unknown asset kind "no-such-kind"');
  });
});

describe("a kind without sync status", () => {
  const kind: AssetKind = { ...assetKind("environment"), reportsStatus: false };
  const request = (overrides: Partial<ApiRequest>): ApiRequest => ({
    callerId: "runai-admin",
    query: {},
    params: {},
    body: undefined,
    ...overrides,
  });

  test("never reports status, is not pending after writes, and is gone at once after DELETE", async () => {
    const ctx = createContext({ syncDelayMs: 60_000 });
    const handlers = assetHandlers(ctx, kind);
    const created = await handlers.create(request({ body: { meta: { name: "a", scope: "tenant" }, spec: { image: "x" } } }));
    expect(created.status).toBe(202);
    const id = (created.body as { meta: { id: string } }).meta.id;
    expect(ctx.store.assets.get(id)).toMatchObject({ pendingPhase: null });

    const got = await handlers.get(request({ params: { AssetId: id }, query: { statusInfo: true } }));
    expect(got.body).not.toHaveProperty("status");
    const listed = await handlers.list(request({ query: { statusInfo: true } }));
    expect((listed.body as { entries: object[] }).entries[0]).not.toHaveProperty("status");

    await handlers.update(request({ params: { AssetId: id }, body: { meta: { name: "b" }, spec: { image: "y" } } }));
    expect(ctx.store.assets.get(id)).toMatchObject({ pendingPhase: null, spec: { image: "y" } });

    const deleted = await handlers.remove(request({ params: { AssetId: id } }));
    expect(deleted.status).toBe(202);
    expect(ctx.store.assets.get(id)).toBeUndefined();
    expect(ctx.store.assets.byName("environment", "tenant", "", "b")).toBeUndefined(); // the name is free again
    await expect(Promise.resolve().then(() => handlers.remove(request({ params: { AssetId: id } })))).rejects.toMatchObject({
      status: 404,
    });
    await expect(Promise.resolve().then(() => handlers.get(request({ params: { AssetId: id } })))).rejects.toBeInstanceOf(ApiError);
  });
});
