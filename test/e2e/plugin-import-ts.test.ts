// `pulumi import` in a TypeScript project on the plugin-backed classes prints TypeScript: the code
// comes from Pulumi's Node.js program generator, through GenerateProgram of the Node.js language
// host this repository builds (tools/pulumi-cli/cmd/pulumi-language-nodejs/codegen.go).
import * as fs from "node:fs";
import * as path from "node:path";
import { KIND_FIXTURES } from "../fixtures/kinds";
import { EmulatorHarness } from "../support/emulator";
import { TestStack } from "../support/pulumi-stack";

let emulator: EmulatorHarness;
let stack: TestStack;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({ program: path.join(__dirname, "programs/plugin-import"), config: emulator.stackConfig() });
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

it("imports an object made by hand and prints its TypeScript declaration", async () => {
  const id = await KIND_FIXTURES.ConfigMapAsset.createByHand(emulator, "imp-config");
  const out = path.join(stack.tempDir, "imported.ts");
  const result = await stack.run(["import", "runai:index:ConfigMapAsset", "imp-config", id, "--yes", "--protect=false", "--out", out]);
  expect(result.stdout).toContain("= 1 imported");
  expect(fs.readFileSync(out, "utf8")).toBe(
    [
      'import * as pulumi from "@pulumi/pulumi";',
      'import * as runai from "@pulumi-runai/runai";',
      "",
      'const imp_config = new runai.ConfigMapAsset("imp-config", {',
      "    meta: {",
      '        name: "imp-config",',
      "        projectId: 1001,",
      "        scope: runai.ConfigMapAssetMetaScope.Project,",
      "    },",
      "    spec: {",
      '        configMap: "imp-config",',
      '        mountPath: "/etc/lifecycle",',
      "    },",
      "});",
      "",
    ].join("\n"),
  );
});
