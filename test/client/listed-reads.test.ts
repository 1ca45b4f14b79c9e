// Reads for a refresh answered from one list of the kind (client/listed-reads.ts), against the
// emulator: a few GETs first, then one list; the same answers as GETs; a write, a missing id, a list
// that fails and a list that has aged each fall back to GETs.
import { RunaiClient, RunaiNotFoundError } from "../../src/client";
import { ListedReads, READS_BEFORE_LIST } from "../../src/client/listed-reads";
import { CONFIG_MAP_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { FAST } from "../support/client-setup";
import { CONFIG_MAPS, EmulatorHarness } from "../support/emulator";

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start({ syncDelayMs: 0 });
});
afterAll(() => emulator?.stop());
beforeEach(async () => {
  await emulator.admin("POST", "/__emulator/reset");
});

function newClient(): RunaiClient {
  return new RunaiClient({
    url: emulator.url,
    auth: { clientId: emulator.emulator.adminClientId, clientSecret: emulator.emulator.adminClientSecret },
    retry: FAST,
  });
}

async function createConfigMaps(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await emulator.api("POST", CONFIG_MAPS, {
      meta: { name: `cm-${i}`, scope: "project", projectId: 1001 },
      spec: { configMap: `cm-${i}`, mountPath: `/etc/cm-${i}` },
    });
    expect(created.status).toBe(202);
    ids.push(created.body.meta.id);
  }
  return ids;
}

/** The config-map requests since the last reset, as "GET list" / "GET one" counts. */
async function configMapReads(): Promise<{ list: number; one: number }> {
  const counters = await emulator.counters();
  const sum = (route: string) => Object.values(counters[route] ?? {}).reduce((a, b) => a + b, 0);
  return { list: sum(`GET ${CONFIG_MAPS}`), one: sum(`GET ${CONFIG_MAPS}/{AssetId}`) };
}

describe("reads of many assets of a kind", () => {
  test(`the first ${READS_BEFORE_LIST} are GETs, the rest share one list, with the answers GETs give`, async () => {
    const ids = await createConfigMaps(30);
    const client = newClient();
    await emulator.resetCounters();
    const endpoint = client.assets(CONFIG_MAP_ASSET);
    const recent = await Promise.all(ids.map((id) => endpoint.getRecent(id, { statusInfo: true })));
    expect(await configMapReads()).toEqual({ list: 1, one: READS_BEFORE_LIST });
    const fresh = await Promise.all(ids.map((id) => endpoint.get(id, { statusInfo: true })));
    expect(recent).toEqual(fresh);
    // The list was asked for the status too (statusInfo=true), like the GETs.
    expect(recent.map((a) => a.status?.status)).toEqual(ids.map(() => "No issues found"));
    client.close();
  });

  test("a small stack never lists", async () => {
    const ids = await createConfigMaps(READS_BEFORE_LIST);
    const client = newClient();
    await emulator.resetCounters();
    await Promise.all(ids.map((id) => client.assets(CONFIG_MAP_ASSET).getRecent(id, { statusInfo: true })));
    expect(await configMapReads()).toEqual({ list: 0, one: READS_BEFORE_LIST });
    client.close();
  });

  test("an asset the list does not hold is read with a GET: gone is RunaiNotFoundError", async () => {
    const ids = await createConfigMaps(READS_BEFORE_LIST + 2);
    const client = newClient();
    const endpoint = client.assets(CONFIG_MAP_ASSET);
    for (const id of ids) await endpoint.getRecent(id);
    await emulator.resetCounters();
    const missing = "0f0e0d0c-0b0a-4909-8807-060504030201";
    const error = await caught(endpoint.getRecent(missing));
    expect(error).toBeInstanceOf(RunaiNotFoundError);
    expect(await configMapReads()).toEqual({ list: 0, one: 1 });
    client.close();
  });

  test("a write through the client makes the next read look again: an update is seen at once", async () => {
    const ids = await createConfigMaps(READS_BEFORE_LIST + 2);
    const client = newClient();
    const endpoint = client.assets(CONFIG_MAP_ASSET);
    for (const id of ids) await endpoint.getRecent(id);
    const last = ids.at(-1)!;
    await endpoint.update(last, { meta: { name: "renamed", description: null }, spec: { configMap: "cm-x", mountPath: "/etc/x" } });
    await emulator.resetCounters();
    const read = await endpoint.getRecent(last);
    expect(read.meta.name).toBe("renamed");
    expect(await configMapReads()).toEqual({ list: 1, one: 0 });
    client.close();
  });

  test("a list that fails is not asked again: the reads go on with GETs", async () => {
    const ids = await createConfigMaps(READS_BEFORE_LIST + 4);
    const client = newClient();
    await emulator.resetCounters();
    await emulator.setFaults([{ method: "GET", route: CONFIG_MAPS, errorRate: 1, errorStatus: 503 }]);
    try {
      const endpoint = client.assets(CONFIG_MAP_ASSET);
      const names = [];
      for (const id of ids) names.push((await endpoint.getRecent(id)).meta.name);
      expect(names).toEqual(ids.map((_, i) => `cm-${i}`));
      expect(await configMapReads()).toEqual({ list: FAST.maxAttempts, one: ids.length });
    } finally {
      await emulator.clearFaults();
      client.close();
    }
  });

  test("a list older than its maximum age is asked for again; an asset deleted meanwhile is gone", async () => {
    const ids = await createConfigMaps(4);
    const client = newClient();
    const endpoint = client.assets(CONFIG_MAP_ASSET);
    let now = 0;
    const reads = new ListedReads({
      readOne: (id) => endpoint.get(id),
      readAll: () => endpoint.list(),
      idOf: (asset) => asset.meta.id,
      readsBeforeList: 1,
      maxAgeMs: 1000,
      now: () => now,
    });
    await reads.read(ids[0]); // a GET
    await emulator.resetCounters();
    await reads.read(ids[1]); // the first list
    expect((await emulator.api("DELETE", `${CONFIG_MAPS}/${ids[2]}`)).status).toBe(202);
    now = 999;
    expect((await reads.read(ids[2])).meta.name).toBe("cm-2"); // the list still answers (deletion is asynchronous anyway)
    expect(await configMapReads()).toEqual({ list: 1, one: 0 });
    now = 1000;
    await reads.read(ids[3]); // a second list, without the deleted asset: its read is a GET
    expect(await caught(reads.read(ids[2]))).toBeInstanceOf(RunaiNotFoundError);
    expect(await configMapReads()).toEqual({ list: 2, one: 1 });
    client.close();
  });
});
