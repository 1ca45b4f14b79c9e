// Two stacks that declare an asset with the same name and scope: the second fails with the conflict
// message and leaves the first stack's object alone (not adopted, not changed, not deleted).
import * as path from "node:path";
import { CONFIG_MAPS, EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

const program = path.join(__dirname, "programs/lifecycle");
const shared = {
  shared: {
    type: "ConfigMapAsset",
    args: { meta: { name: "shared-config", scope: "project", projectId: 1001 }, spec: { configMap: "a", mountPath: "/etc/a" } },
  },
};
const second = {
  shared: {
    type: "ConfigMapAsset",
    args: { meta: { name: "shared-config", scope: "project", projectId: 1001 }, spec: { configMap: "b", mountPath: "/etc/b" } },
  },
};

it("refuses the second stack's asset and leaves the first stack's object untouched", async () => {
  const emulator = await EmulatorHarness.start();
  const first = await TestStack.create({
    program,
    stackName: "first",
    config: { ...emulator.stackConfig(), "lifecycle:resources": JSON.stringify(shared) },
  });
  const other = await TestStack.create({
    program,
    stackName: "second",
    config: { ...emulator.stackConfig(), "lifecycle:resources": JSON.stringify(second) },
  });
  try {
    await first.up();
    const id = ((await first.outputs()).ids as Record<string, string>).shared;
    const before = (await emulator.api("GET", `${CONFIG_MAPS}/${id}`)).body;

    const refused = await other.up([], { allowFailure: true });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain(
      `ConfigMap asset "shared-config" already exists in project 1001 (id ${id}, created by ${before.meta.createdBy} at ${before.meta.createdAt}) and is not managed by this stack.`,
    );
    expect(await other.resourcesOfType("pulumi-nodejs:dynamic/runai:ConfigMapAsset")).toEqual([]);
    await other.destroy();

    expect((await emulator.api("GET", `${CONFIG_MAPS}/${id}`)).body).toEqual(before);
    await first.preview({ expectNoChanges: true, refresh: true });
  } finally {
    await first.cleanup();
    await other.cleanup();
    await emulator.stop();
  }
});
