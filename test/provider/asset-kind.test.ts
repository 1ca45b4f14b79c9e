// The asset family's check and diff rules, through the ConfigMapAsset row of the registry, as pure
// functions (the adapter's check and diff).
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";

const configMap = kindFor("ConfigMapAsset");
const checkAsset = (news: Record<string, unknown>) => checkInputs(configMap, news).failures;

const inputs = {
  meta: { name: "app-config", scope: "project", projectId: 1001, description: "shared" },
  spec: { configMap: "app-config", mountPath: "/etc/app" },
};
// Outputs as read back: the same user fields plus everything the server adds.
const state = {
  meta: {
    ...inputs.meta,
    id: "5d0c1b7e-3f4a-4e2b-9c8d-7a6b5c4d3e2f",
    kind: "config-map",
    tenantId: 1,
    createdBy: "runai-admin",
    createdAt: "2026-11-22T10:00:00Z",
    updatedBy: "someone-else",
    updatedAt: "2026-11-22T11:00:00Z",
    projectName: "team-a",
    updateCount: 7,
    autoDelete: false,
  },
  spec: { ...inputs.spec },
  status: { status: "Updating" },
};

function diff(news: Record<string, unknown>, olds: Record<string, unknown> = state) {
  return diffInputs(configMap, olds, news);
}

describe("asset diff", () => {
  it("ignores server-managed fields, sync status and null versus absent", () => {
    expect(diff(inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    const withNulls = {
      ...state,
      meta: { ...state.meta, clusterId: null, workloadSupportedTypes: {} },
      spec: { ...state.spec, subPath: null },
    };
    expect(diff(inputs, withNulls).changes).toBe(false);
  });

  it("updates in place for name, description and spec, and for a removed description", () => {
    for (const news of [
      { ...inputs, meta: { ...inputs.meta, description: "tuned" } },
      { ...inputs, meta: { ...inputs.meta, description: undefined } },
      { ...inputs, meta: { ...inputs.meta, name: "renamed" } },
      { ...inputs, spec: { ...inputs.spec, mountPath: "/etc/other" } },
      { ...inputs, spec: { ...inputs.spec, subPath: "app.yaml" } },
    ]) {
      expect(diff(news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    }
  });

  it("replaces for a creation-only field, deleting first only when the name stays", () => {
    const moved = { ...inputs, meta: { ...inputs.meta, projectId: 1002 } };
    expect(diff(moved)).toEqual({ changes: true, replaces: ["meta"], deleteBeforeReplace: true });
    const movedAndRenamed = { ...inputs, meta: { ...inputs.meta, projectId: 1002, name: "app-config-b" } };
    expect(diff(movedAndRenamed)).toEqual({ changes: true, replaces: ["meta"], deleteBeforeReplace: false });
    const typed = { ...inputs, meta: { ...inputs.meta, workloadSupportedTypes: { training: true } } };
    expect(diff(typed).replaces).toEqual(["meta"]);
  });

  it("treats values unknown during preview as changes", () => {
    expect(diff({ ...inputs, spec: { ...inputs.spec, mountPath: UNKNOWN } })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diff({ ...inputs, meta: { ...inputs.meta, projectId: UNKNOWN } })).toEqual({
      changes: true,
      replaces: ["meta"],
      deleteBeforeReplace: true,
    });
    expect(diff({ ...inputs, meta: { ...inputs.meta, name: UNKNOWN, projectId: UNKNOWN } }).deleteBeforeReplace).toBe(false);
  });
});

describe("asset check", () => {
  const reasons = (news: Record<string, unknown>) => checkAsset(news).map((f) => f.reason);

  it("accepts a valid asset", () => {
    expect(checkAsset(inputs)).toEqual([]);
  });

  it("reports every problem at once, with an empty property so values stay out of the engine's message", () => {
    expect(checkAsset({ meta: { name: "", scope: "cluster" }, spec: { mountPath: "relative" } })).toEqual([
      { property: "", reason: "meta.name: must not be empty" },
      { property: "", reason: 'meta.scope: must be "project" (ConfigMap assets are project-scoped)' },
      { property: "", reason: 'meta.clusterId: required when meta.scope is "cluster"' },
      { property: "", reason: "spec.configMap: is required" },
      { property: "", reason: 'spec.mountPath: must be an absolute path (start with "/"), got "relative"' },
    ]);
  });

  it("reports a missing meta or spec", () => {
    expect(reasons({})).toEqual(["meta: is required", "spec: is required"]);
  });

  it("never reports a value that is unknown during preview", () => {
    expect(reasons({ meta: UNKNOWN, spec: UNKNOWN })).toEqual([]);
    expect(reasons({ meta: { name: UNKNOWN, scope: UNKNOWN }, spec: { configMap: UNKNOWN, mountPath: UNKNOWN } })).toEqual([]);
    expect(reasons({ meta: { name: "a", scope: "project", projectId: UNKNOWN }, spec: inputs.spec })).toEqual([]);
  });

  it('rejects the internal "system" scope with the scopes to use instead', () => {
    expect(reasons({ meta: { name: "a", scope: "system" }, spec: inputs.spec })).toEqual([
      'meta.scope: "system" is reserved for Run:ai itself; use "tenant", "cluster", "department" or "project"',
    ]);
  });
});

describe("NFS and host path assets", () => {
  const reasonsFor = (type: string, news: Record<string, unknown>) => checkInputs(kindFor(type), news).failures.map((f) => f.reason);
  const meta = { name: "data", scope: "project", projectId: 1001 };

  it("require the fields the contract calls mandatory, all at once", () => {
    expect(reasonsFor("NfsAsset", { meta, spec: {} })).toEqual([
      "spec.server: is required",
      "spec.path: is required",
      "spec.mountPath: is required",
    ]);
    expect(reasonsFor("HostPathAsset", { meta, spec: { readOnly: false } })).toEqual([
      "spec.path: is required",
      "spec.mountPath: is required",
    ]);
  });

  it("want absolute paths for the NFS export and every mount path", () => {
    expect(reasonsFor("NfsAsset", { meta, spec: { server: "nfs.local", path: "exports/data", mountPath: "data" } })).toEqual([
      'spec.path: must be an absolute path (start with "/"), got "exports/data"',
      'spec.mountPath: must be an absolute path (start with "/"), got "data"',
    ]);
    expect(reasonsFor("HostPathAsset", { meta, spec: { path: "local-ssd", mountPath: "scratch" } })).toEqual([
      'spec.mountPath: must be an absolute path (start with "/"), got "scratch"',
    ]);
  });

  it("check types, enums and misspelt fields against the contract", () => {
    expect(
      reasonsFor("HostPathAsset", { meta, spec: { path: "/mnt", mountPath: "/m", mountPropagation: "Bidirectional", readonly: true } }),
    ).toEqual(['spec.mountPropagation: must be one of "None", "HostToContainer"', 'spec: unknown field "readonly"']);
    expect(reasonsFor("NfsAsset", { meta, spec: { server: "", path: "/e", mountPath: "/m", readOnly: "yes" } })).toEqual([
      "spec.server: must not be empty",
      "spec.readOnly: must be true or false",
    ]);
  });

  it("never show the server's readOnly default (true) as a change", () => {
    const spec = { server: "nfs.local", path: "/exports", mountPath: "/data" };
    const state = { meta: { ...meta, id: "x", kind: "nfs" }, spec: { ...spec, readOnly: true }, status: {} };
    expect(diffInputs(kindFor("NfsAsset"), state, { meta, spec }).changes).toBe(false);
    expect(diffInputs(kindFor("NfsAsset"), { ...state, spec: { ...spec, readOnly: false } }, { meta, spec }).changes).toBe(true);
  });
});
