// A cluster registered as code, with its node pools and the organisation on them, through the real
// CLI: the install information's secret reaches state only as ciphertext and is never printed; the
// cluster is renamed and a node pool's label changed in place; a node pool replaced under a new name
// takes the quotas with it and the old one is deleted; destroy goes in dependency order
// (projects, department, node pools, cluster) and leaves the emulator as seeded.
import * as path from "node:path";
import { DEPARTMENTS, EmulatorHarness, PROJECTS } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

type Json = Record<string, any>;

let emulator: EmulatorHarness;
let stack: TestStack;
let outputs: Json;
let clientSecret: string;
const printed: string[] = [];

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({ program: path.join(__dirname, "programs/cluster-registration"), config: emulator.stackConfig() });
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

/** The summary lines of an up's "Resources:" block, e.g. ["~ 2 updated", "4 unchanged"]. */
const summary = (stdout: string) =>
  /\nResources:\n((?:[ \t]+\S.*\n)+)/
    .exec(stdout)?.[1]
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

const run = async (result: Promise<{ stdout: string; stderr: string }>) => {
  const { stdout, stderr } = await result;
  printed.push(stdout, stderr);
  return stdout;
};

it("registers the cluster, its two node pools, a department and a project with quotas in both pools", async () => {
  expect(await run(stack.up())).toContain("+ 6 created"); // five resources and the stack
  outputs = await stack.outputs({ showSecrets: true });
  const uuid = outputs.clusterUuid as string;
  const info = (await emulator.api("GET", `/api/v1/clusters/${uuid}/cluster-install-info?version=2.22`)).body;
  clientSecret = info.clientSecret;
  expect(outputs.helmValues).toEqual({
    controlPlane: { url: emulator.url, clientSecret },
    cluster: { uid: uuid, url: "https://gpu-east.example.com" },
  });
  expect((await stack.outputs()).helmValues).toBe("[secret]");
  // In state the secret outputs are ciphertext only.
  const state = await stack.exportState();
  expect(JSON.stringify(state)).not.toContain(clientSecret);
  const cluster = (state.deployment.resources ?? []).find((r) => r.type === "pulumi-nodejs:dynamic/runai:Cluster")!;
  for (const key of ["clientSecret", "installCommand", "helmValues"]) {
    expect({ key, value: (cluster.outputs as Json)[key] }).toEqual({
      key,
      value: expect.objectContaining({ ciphertext: expect.any(String) }),
    });
  }

  const pools = [outputs.a100Id, outputs.h100Id] as string[];
  for (const [listPath, name] of [
    [DEPARTMENTS, "east-research"],
    [PROJECTS, "east-team"],
  ]) {
    const listed = (await emulator.api("GET", `${listPath}?filterBy=name==${name}`)).body;
    const unit = (listed.departments ?? listed.projects)[0];
    expect({ name, clusterId: unit.clusterId, pools: unit.resources.map((r: Json) => r.nodePool.id).sort() }).toEqual({
      name,
      clusterId: uuid,
      pools: [...pools].sort(),
    });
  }
});

it("renames the cluster and changes a node pool's label in place, keeping their ids", async () => {
  // The up sets the new values itself (`--config`), and refreshes first: that nothing else changes
  // shows the create left nothing to do (what a preview --refresh --expect-no-changes would show).
  const up = await run(stack.up(["--refresh", "--config", "clusterName=gpu-east-2", "--config", "h100Label=h100-sxm"]));
  expect(summary(up)).toEqual(["~ 2 updated", "4 unchanged"]);
  const after = await stack.outputs({ showSecrets: true });
  expect(after).toMatchObject({ clusterUuid: outputs.clusterUuid, h100Id: outputs.h100Id });
  expect((await emulator.api("GET", `/api/v1/clusters/${outputs.clusterUuid}`)).body.name).toBe("gpu-east-2");
  expect((await emulator.api("GET", `/api/v1/node-pools/${outputs.h100Id}`)).body.labelValue).toBe("h100-sxm");
});

it("replaces a node pool with a new name while the quotas move to it: the old pool goes, the quotas name only the new one", async () => {
  // Refreshed first, as above: the in-place update left nothing else to do (the department and the
  // project change for their quotas' pool, the cluster and the other pool not at all).
  const up = await run(stack.up(["--refresh", "--config", "h100Name=h200"]));
  expect(summary(up)).toEqual(["~ 2 updated", "+-1 replaced", "3 changes. 3 unchanged"]);
  const after = await stack.outputs({ showSecrets: true });
  expect(after.h100Id).not.toBe(outputs.h100Id);
  expect((await emulator.api("GET", `/api/v1/node-pools/${outputs.h100Id}`)).status).toBe(404);
  expect((await emulator.api("GET", `/api/v1/node-pools/${after.h100Id}`)).body.name).toBe("h200");
  for (const [listPath, name] of [
    [DEPARTMENTS, "east-research"],
    [PROJECTS, "east-team"],
  ]) {
    const listed = (await emulator.api("GET", `${listPath}?filterBy=name==${name}`)).body;
    const unit = (listed.departments ?? listed.projects)[0];
    expect({ name, pools: unit.resources.map((r: Json) => r.nodePool.id).sort() }).toEqual({
      name,
      pools: [after.a100Id, after.h100Id].sort(),
    });
  }
  await stack.preview({ expectNoChanges: true, refresh: true });
});

it("destroys everything in dependency order and leaves the emulator as seeded; nothing printed the secret", async () => {
  expect(await run(stack.destroy())).toContain("- 6 deleted");
  const dump = (await emulator.admin("GET", "/__emulator/state")).body;
  expect(dump.clusters.map((c: Json) => c.name)).toEqual(["research-cluster"]);
  expect(dump.nodePools.map((p: Json) => p.name)).toEqual(["default", "a100"]);
  expect(dump.departments.map((d: Json) => d.name)).toEqual(["research", "platform"]);
  expect(dump.projects.map((p: Json) => p.name)).toEqual(["team-a", "team-b", "team-c"]);
  expect(printed.join("\n")).not.toContain(clientSecret);
});
