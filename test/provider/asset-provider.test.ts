// The generic asset provider (through the ConfigMapAsset descriptor) called method by method against
// the emulator: outputs, waiting for sync, failures the clusters report, timeouts, gone objects.
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { CONFIG_MAPS as CONFIGMAPS, EmulatorHarness } from "../support/emulator";
import { caught } from "../support/async";
import { RECOVERY } from "../support/not-managed";

const provider = providerFor("ConfigMapAsset") as Required<ReturnType<typeof providerFor>>;

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start({ syncDelayMs: 100 });
});
afterAll(() => emulator?.stop());
beforeEach(() => useEmulator());
afterEach(() => clearTokenCache());

/** Hands the provider a stack config, as the engine's configure() does. */
function configure(values: Record<string, string>) {
  void provider.configure({ config: { get: (key: string) => values[key] } } as never);
}

function useEmulator(extra: Record<string, string> = {}) {
  configure({ ...emulator.adminSettings(), ...extra });
}

function inputs(name: string, extra: Record<string, unknown> = {}) {
  return { meta: { name, scope: "project", projectId: 1001 }, spec: { configMap: name, mountPath: `/etc/${name}` }, ...extra };
}

type CreateError = Error & { id?: string; properties?: Record<string, unknown> };

/** The error a create fails with (the test fails if it succeeds). */
async function createError(args: Record<string, unknown>): Promise<CreateError> {
  return (await caught(provider.create(args))) as CreateError;
}

async function createdByHand(name: string): Promise<string> {
  const created = await emulator.api("POST", CONFIGMAPS, inputs(name));
  expect(created.status).toBe(202);
  return created.body.meta.id;
}

describe("create", () => {
  it("waits until the asset is synced and returns plain-JSON outputs in the input shape", async () => {
    const { id, outs } = await provider.create(inputs("synced", { adoptExisting: false }));
    expect(outs).toEqual({
      meta: {
        name: "synced",
        scope: "project",
        projectId: 1001,
        autoDelete: false,
        id,
        kind: "config-map",
        tenantId: 1,
        createdBy: "runai-admin",
        createdAt: expect.any(String),
        updatedBy: "runai-admin",
        updatedAt: expect.any(String),
        projectName: "team-a",
        updateCount: 0,
      },
      spec: { configMap: "synced", mountPath: "/etc/synced" },
      status: { status: "No issues found" },
      adoptExisting: false,
    });
  });

  it("returns at once with runai:waitForSync false", async () => {
    useEmulator({ "runai:waitForSync": "false" });
    const { outs } = await provider.create(inputs("no-wait"));
    expect(outs.status).toEqual({});
  });

  it("fails after runai:timeoutSeconds, keeping the asset in state through the error", async () => {
    const slow = await EmulatorHarness.start({ syncDelayMs: 5_000 });
    try {
      configure({
        "runai:url": slow.url,
        "runai:clientId": "runai-admin",
        "runai:clientSecret": "runai-admin-secret",
        "runai:timeoutSeconds": "0.5",
      });
      const error = await createError(inputs("slow"));
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toBe(
        `ConfigMap asset "slow" (${error.id}) is still "Creating" after 0.5s; raise runai:timeoutSeconds, or set runai:waitForSync to false to not wait`,
      );
      // The engine keeps a resource whose create error carries its id and properties.
      expect(error.properties).toMatchObject({ meta: { id: error.id, name: "slow" }, spec: { mountPath: "/etc/slow" } });
    } finally {
      await slow.stop();
    }
  });

  it("names the taken asset, who made it and when, and how to adopt it; the first refusal of the process also says how to recover from an interrupted up", async () => {
    // A provider process of its own (a module registry of its own), as each `pulumi` command starts one.
    let fresh!: typeof provider;
    await jest.isolateModulesAsync(async () => {
      fresh = (await import("../../src/provider")).providerFor("ConfigMapAsset") as typeof provider;
    });
    await fresh.configure({
      config: {
        get: (key: string) =>
          ({ "runai:url": emulator.url, "runai:clientId": "runai-admin", "runai:clientSecret": "runai-admin-secret" })[key],
      },
    } as never);
    const refusal = async (name: string) => {
      const id = await createdByHand(name);
      const { createdBy, createdAt } = (await emulator.api("GET", `${CONFIGMAPS}/${id}`)).body.meta;
      const line =
        `ConfigMap asset "${name}" already exists in project 1001 (id ${id}, created by ${createdBy} at ${createdAt}) and is not managed by this stack. ` +
        "Set adoptExisting: true to take it over with this program's values, or choose another meta.name.";
      return { line, message: (await caught(fresh.create(inputs(name)))).message };
    };
    const first = await refusal("taken");
    const second = await refusal("taken-too");
    expect(first.message).toBe(`${first.line} ${RECOVERY}`);
    expect(second.message).toBe(second.line);
  });

  it("adopts every taken name when runai:adoptExisting (RUNAI_ADOPT_EXISTING) is set for the run, unless a resource says false", async () => {
    const id = await createdByHand("left-behind");
    useEmulator({ "runai:adoptExisting": "true" });
    try {
      await expect(provider.create(inputs("left-behind", { adoptExisting: false }))).rejects.toThrow("is not managed by this stack");
      expect((await provider.create(inputs("left-behind"))).id).toBe(id);
    } finally {
      useEmulator();
    }
  });

  it("adopts an existing asset and lists the issues the clusters report", async () => {
    const id = await createdByHand("troubled");
    await emulator.forceStatus(id, {
      status: "Issues found",
      issues: [{ scopeId: "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31", scopeType: "cluster", issue: "ReplicationError" }],
      message: "ConfigMap troubled not found in namespace runai-team-a",
    });
    const error = await createError(inputs("troubled", { adoptExisting: true }));
    expect(error.message).toBe(
      `ConfigMap asset "troubled" (${id}): the cluster reported "Issues found": ReplicationError in cluster 7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31; ` +
        "ConfigMap troubled not found in namespace runai-team-a",
    );
    expect(error.id).toBe(id);
  });
});

describe("update", () => {
  it("puts the whole spec and unsets a removed description, keeping the id", async () => {
    const { id } = await provider.create(
      inputs("updated", { meta: { name: "updated", scope: "project", projectId: 1001, description: "v1" } }),
    );
    const { outs } = await provider.update(id, {}, inputs("updated", { spec: { configMap: "updated", mountPath: "/etc/v2" } }));
    expect(outs.meta).toMatchObject({ id, updateCount: 1 });
    expect((outs.meta as Record<string, unknown>).description).toBeUndefined();
    expect(outs.spec).toEqual({ configMap: "updated", mountPath: "/etc/v2" });
  });

  it("fails with the cluster's verdict when the update is not applied", async () => {
    const { id } = await provider.create(inputs("failing"));
    await emulator.forceStatus(id, { status: "Failed", message: "admission webhook denied the ConfigMap" });
    await expect(provider.update(id, {}, inputs("failing"))).rejects.toThrow(
      `ConfigMap asset "failing" (${id}): the cluster reported "Failed": admission webhook denied the ConfigMap`,
    );
  });
});

describe("read and delete", () => {
  it("reads the server's state, and reports a deleted asset as gone", async () => {
    const { id } = await provider.create(inputs("read-me"));
    const read = await provider.read(id, { adoptExisting: true });
    expect(read).toMatchObject({ id, props: { meta: { id, name: "read-me" }, spec: { mountPath: "/etc/read-me" }, adoptExisting: true } });
    expect(read).not.toHaveProperty("inputs");

    await provider.delete(id, read.props);
    expect(await provider.read(id, read.props)).toEqual({});
  });

  it("treats deleting an asset that is already gone as success", async () => {
    await expect(provider.delete("0b6c2f5e-8a4d-4c1e-9f3a-5d7e8b9c0a1f", { meta: { name: "ghost" } })).resolves.toBeUndefined();
  });

  it("fails when the clusters cannot delete the asset", async () => {
    const { id } = await provider.create(inputs("stuck"));
    await emulator.forceStatus(id, { status: "Deletion failed", message: "finalizer still present" });
    await expect(provider.delete(id, { meta: { name: "stuck" } })).rejects.toThrow(
      `ConfigMap asset "stuck" (${id}): the cluster reported "Deletion failed": finalizer still present`,
    );
  });
});

describe("configuration errors", () => {
  it("tells which key to set before any request is made", async () => {
    configure({});
    const before = await emulator.writeCount();
    await expect(provider.create(inputs("unconfigured"))).rejects.toThrow(
      "missing Run:ai URL: set it with `pulumi config set runai:url https://<tenant>.run.ai` or the RUNAI_URL environment variable",
    );
    expect(await emulator.writeCount()).toBe(before);
  });
});

describe("polling for sync", () => {
  it("does not poll right after a write: the first poll waits for the sync time it has seen, so a write mostly settles with one GET", async () => {
    await emulator.resetCounters();
    const created: { id: string; outs?: Record<string, unknown> }[] = [];
    for (const name of ["poll-a", "poll-b", "poll-c", "poll-d", "poll-e"]) created.push(await provider.create(inputs(name)));
    for (const { id, outs } of created) await provider.delete(id, outs ?? {});
    const counters = (await emulator.counters()) as Record<string, Record<string, number>>;
    const count = (key: string) => Object.values(counters[key] ?? {}).reduce((sum, n) => sum + n, 0);
    expect({ posts: count(`POST ${CONFIGMAPS}`), deletes: count(`DELETE ${CONFIGMAPS}/{AssetId}`) }).toEqual({ posts: 5, deletes: 5 });
    // Polling from the start (the old way) took three GETs per write with this sync delay; the
    // estimate may still be learning, so a write now and then takes two.
    const gets = count(`GET ${CONFIGMAPS}/{AssetId}`);
    expect(gets).toBeGreaterThanOrEqual(10);
    expect(gets).toBeLessThanOrEqual(13);
  });
});
