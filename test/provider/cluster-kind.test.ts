// The Cluster kind: check messages and diff rules as pure functions, then every CRUD method of its
// provider called directly against the real emulator (its install information is the referee).
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor } from "../../src/provider/registry";
import { EmulatorHarness } from "../support/emulator";

const provider = providerFor("Cluster") as Required<ReturnType<typeof providerFor>>;
const cluster = kindFor("Cluster");
const NAME_RULE = "must be 1 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit";
const VERSION_RULE = 'must be a Run:ai version such as "2.22" or "2.22.0"';

describe("Cluster check", () => {
  it("accepts a name, a domain and a version", () => {
    expect(checkInputs(cluster, { name: "gpu-east", domain: "gpu.example.com", version: "2.22", forceDelete: true })).toEqual({
      inputs: { name: "gpu-east", domain: "gpu.example.com", version: "2.22", forceDelete: true },
      failures: [],
    });
  });

  it("lists every problem at once: a name Run:ai refuses, a version that is not a version, a URL for a domain", () => {
    expect(checkInputs(cluster, { name: "GPU_East", domain: "https://gpu.example.com/", version: "latest" }).failures).toEqual([
      { property: "", reason: `name: ${NAME_RULE}, got "GPU_East"` },
      {
        property: "",
        reason: 'domain: must be a host name (optionally with :port), without scheme or path, got "https://gpu.example.com/"',
      },
      { property: "", reason: `version: ${VERSION_RULE}, got "latest"` },
    ]);
    expect(checkInputs(cluster, { name: "a".repeat(64), version: "2" }).failures.map((f) => f.reason)).toEqual([
      `name: ${NAME_RULE}, got "${"a".repeat(64)}"`,
      `version: ${VERSION_RULE}, got "2"`,
    ]);
  });
});

describe("Cluster diff", () => {
  const state = { name: "gpu-east", domain: "gpu.example.com", version: "2.22", uuid: "u", clientSecret: "s", forceDelete: false };

  it("renames in place and replaces on a new domain or version", () => {
    expect(diffInputs(cluster, state, { name: "gpu-west", domain: "gpu.example.com", version: "2.22" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffInputs(cluster, state, { name: "gpu-east", domain: "other.example.com", version: "2.22" }).replaces).toEqual(["domain"]);
    expect(diffInputs(cluster, state, { name: "gpu-east", domain: "gpu.example.com", version: "2.23" }).replaces).toEqual(["version"]);
  });

  it("changes forceDelete in place, false being its default", () => {
    expect(diffInputs(cluster, state, { name: "gpu-east", domain: "gpu.example.com", version: "2.22" }).changes).toBe(false);
    expect(diffInputs(cluster, state, { name: "gpu-east", domain: "gpu.example.com", version: "2.22", forceDelete: true })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("Cluster CRUD against the emulator", () => {
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

  const checked = async (news: Record<string, unknown>) => (await provider.check({}, news)).inputs as Record<string, unknown>;
  const installInfo = async (uuid: string, version: string) =>
    (await admin.api("GET", `/api/v1/clusters/${uuid}/cluster-install-info?version=${version}`)).body as Record<string, string>;

  it("registers a cluster with its install information and the chart's values", async () => {
    const { id, outs } = await provider.create(await checked({ name: "crud-create", domain: "gpu.example.com", version: "2.22" }));
    const info = await installInfo(id, "2.22");
    expect(outs).toEqual({
      name: "crud-create",
      domain: "gpu.example.com",
      version: "2.22",
      uuid: id,
      status: { state: "WaitingToConnect", conditions: [] },
      createdAt: expect.any(String),
      chartRepoUrl: info.chartRepoURL,
      repositoryName: "runai",
      installCommand: expect.stringContaining(`--set cluster.uid=${id} --set cluster.url=https://gpu.example.com`),
      clientSecret: info.clientSecret,
      helmValues: {
        controlPlane: { url: admin.url, clientSecret: info.clientSecret },
        cluster: { uid: id, url: "https://gpu.example.com" },
      },
    });
    expect(JSON.parse(JSON.stringify(outs))).toEqual(outs);
  });

  it("registers a cluster without domain or version: no install information, no cluster URL", async () => {
    const { id, outs } = await provider.create(await checked({ name: "crud-bare" }));
    expect(outs).toEqual({
      name: "crud-bare",
      uuid: id,
      status: { state: "WaitingToConnect", conditions: [] },
      createdAt: expect.any(String),
    });
  });

  it("reads a cluster that never connected, one waiting to connect and a connected one; a new secret is read again", async () => {
    const { id, outs } = await provider.create(await checked({ name: "crud-read", version: "2.22.0" }));
    await admin.admin("PUT", `/__emulator/clusters/${id}/state`, { state: null });
    const never = await provider.read(id, outs);
    expect(never.props).not.toHaveProperty("status");
    expect(never.props).toMatchObject({ name: "crud-read", clientSecret: outs.clientSecret });

    await admin.admin("PUT", `/__emulator/clusters/${id}/state`, { state: "WaitingToConnect" });
    expect((await provider.read(id, outs)).props).toEqual(outs);

    await admin.admin("PUT", `/__emulator/clusters/${id}/state`, { state: "Connected" });
    expect((await provider.read(id, outs)).props!.status).toEqual({ state: "Connected", conditions: [] });

    expect((await admin.admin("POST", `/__emulator/clusters/${id}/client-secret`)).status).toBe(200);
    const rotated = (await provider.read(id, outs)).props!;
    expect(rotated.clientSecret).toBe((await installInfo(id, "2.22.0")).clientSecret);
    expect(rotated.clientSecret).not.toBe(outs.clientSecret);
    expect(rotated.helmValues).toMatchObject({ controlPlane: { clientSecret: rotated.clientSecret } });
  });

  it("renames in place with a PUT", async () => {
    const { id, outs } = await provider.create(await checked({ name: "crud-rename", version: "2.22" }));
    const news = await checked({ name: "crud-renamed", version: "2.22" });
    const { outs: updated } = await provider.update(id, outs, news);
    expect(updated).toEqual({ ...outs, name: "crud-renamed" });
    expect((await admin.api("GET", `/api/v1/clusters/${id}`)).body.name).toBe("crud-renamed");
  });

  it("deletes a connected cluster gracefully, waiting until it is gone; forceDelete deletes at once", async () => {
    const graceful = await provider.create(await checked({ name: "crud-graceful", version: "2.22" }));
    await admin.admin("PUT", `/__emulator/clusters/${graceful.id}/state`, { state: "Connected" });
    await admin.resetCounters();
    await provider.delete(graceful.id, graceful.outs);
    expect((await admin.counters())[`DELETE /api/v1/clusters/{clusterUuid}`]).toEqual({ "202": 1 });
    expect((await admin.api("GET", `/api/v1/clusters/${graceful.id}`)).status).toBe(404);

    const forced = await provider.create(await checked({ name: "crud-forced", version: "2.22", forceDelete: true }));
    await admin.admin("PUT", `/__emulator/clusters/${forced.id}/state`, { state: "Connected" });
    await admin.resetCounters();
    await provider.delete(forced.id, forced.outs);
    expect((await admin.counters())[`DELETE /api/v1/clusters/{clusterUuid}`]).toEqual({ "204": 1 });
    expect((await admin.api("GET", `/api/v1/clusters/${forced.id}`)).status).toBe(404);
  });

  it("refuses to delete a cluster that still has projects", async () => {
    const seeded = admin.emulator.organisation.clusterId;
    await expect(provider.delete(seeded, { name: "research-cluster" })).rejects.toThrow(
      'cluster "research-cluster" still has projects ("team-a", "team-b", "team-c"): delete them first',
    );
  });
});
