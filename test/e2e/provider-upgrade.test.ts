// The serialized shim loads the provider implementation from the installed package at call time,
// so upgrading pulumi-runai changes what refresh and destroy do for resources created by the old
// version, without an update of every resource (and without "~ __provider" churn).
import * as fs from "node:fs";
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

const TYPE = "pulumi-nodejs:dynamic/runai:ConfigMapAsset";

let emulator: EmulatorHarness;
let stack: TestStack;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({
    program: path.join(__dirname, "programs/configmap"),
    config: emulator.stackConfig(),
    packageCopy: true,
  });
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

/** Stands in for a new release: the installed implementation announces itself in read and delete. */
function upgradeInstalledPackage(): void {
  const file = path.join(stack.installedPackageDir, "dist/provider/adapter.js");
  const code = fs.readFileSync(file, "utf8");
  const upgraded = code
    .replace("async read(id, props) {", 'async read(id, props) { console.log("pulumi-runai-next read " + id);')
    .replace("async delete(id, props) {", 'async delete(id, props) { console.log("pulumi-runai-next delete " + id);');
  expect(upgraded).not.toBe(code);
  fs.writeFileSync(file, upgraded);
}

it("refresh and destroy run the newly installed code while the state keeps the same small shim", async () => {
  await stack.up();
  const [before] = await stack.resourcesOfType(TYPE);
  // Which resource a check was for (the classes' hidden input) never reaches the inputs or outputs in
  // state; the SDK names it, without a value, among the inputs' dependencies, as it does every input.
  const resource = (await stack.exportState()).deployment.resources!.find((r) => r.type === TYPE)!;
  expect([JSON.stringify(resource.inputs).includes("__declaredBy"), JSON.stringify(resource.outputs).includes("__declaredBy")]).toEqual([
    false,
    false,
  ]);
  expect(resource.propertyDependencies?.__declaredBy).toEqual([]);

  upgradeInstalledPackage();

  // No program change: nothing to update, although the provider code changed.
  await stack.preview({ expectNoChanges: true });

  const refreshed = await stack.refresh({ expectNoChanges: true });
  expect(refreshed.stdout).toContain(`pulumi-runai-next read ${before.id}`);

  const [after] = await stack.resourcesOfType(TYPE);
  expect(after.outputs?.__provider).toBe(before.outputs?.__provider);

  const destroyed = await stack.destroy();
  expect(destroyed.stdout).toContain(`pulumi-runai-next delete ${before.id}`);
});

it("state written with the 0.1 shim: no change to preview, and refresh and destroy run the installed code", async () => {
  // Installed above: the state of a stack made by 0.1 holds that version's larger shim text.
  await stack.up();
  const oldShim = fs.readFileSync(path.join(__dirname, "../fixtures/provider-shim-0.1.txt"), "utf8");
  const state = await stack.exportState();
  const resource = state.deployment.resources!.find((r) => r.type === TYPE)!;
  expect(resource.inputs!.__provider).not.toBe(oldShim);
  resource.inputs!.__provider = oldShim;
  resource.outputs!.__provider = oldShim;
  // Nor had it the hidden input that tells check which resource asks.
  delete resource.propertyDependencies?.__declaredBy;
  await stack.importState(state);

  await stack.preview({ expectNoChanges: true });
  const refreshed = await stack.refresh({ expectNoChanges: true });
  expect(refreshed.stdout).toContain(`pulumi-runai-next read ${resource.id}`);
  const destroyed = await stack.destroy();
  expect(destroyed.stdout).toContain(`pulumi-runai-next delete ${resource.id}`);
});
