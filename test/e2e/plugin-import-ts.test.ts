// `pulumi import` in a TypeScript project on the plugin-backed classes prints TypeScript for them:
// the code comes from Pulumi's Node.js program generator, through GenerateProgram of the Node.js
// language host this repository builds (tools/pulumi-cli/cmd/pulumi-language-nodejs/codegen.go),
// which imports `pulumi-runai/plugin`; enum values are written as that module's enum objects. The
// printed code, appended to the program, type-checks and previews with no change.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { KIND_FIXTURES } from "../fixtures/kinds";
import { EmulatorHarness } from "../support/emulator";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const run = promisify(execFile);
const CLUSTER_ID = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";

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

/** What `pulumi import … --out` printed, read back. */
async function importPrinting(args: string[]): Promise<string> {
  const out = path.join(stack.tempDir, "imported.ts");
  const result = await stack.run(["import", ...args, "--yes", "--protect=false", "--out", out]);
  expect(result.stdout).toContain("imported");
  return fs.readFileSync(out, "utf8");
}

const IMPORTS = ['import * as pulumi from "@pulumi/pulumi";', 'import * as runai from "pulumi-runai/plugin";'];

it("imports an object made by hand and prints its declaration on pulumi-runai/plugin", async () => {
  const id = await KIND_FIXTURES.ConfigMapAsset.createByHand(emulator, "imp-config");
  const code = await importPrinting(["runai:index:ConfigMapAsset", "imp-config", id]);
  expect(code).toBe(
    [
      ...IMPORTS,
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
  fs.writeFileSync(path.join(stack.workDir, "index.ts"), code);
});

it("prints a project's quota list and a compute asset's enums in code that type-checks and previews with no change", async () => {
  // A project with GPU and memory quotas in the default node pool (memory has an enum: its units).
  const project = await emulator.api("POST", "/api/v1/org-unit/projects", {
    name: "imp-team",
    clusterId: CLUSTER_ID,
    parentId: "101",
    resources: [{ nodePool: { id: "1" }, gpu: { deserved: 1 }, memory: { deserved: 2048, units: "Mib" } }],
  });
  expect(project.status).toBe(201);
  const projectId = String(project.body.id);
  const computeId = await KIND_FIXTURES.ComputeAsset.createByHand(emulator, "imp-compute");
  const importFile = path.join(stack.tempDir, "import.json");
  fs.writeFileSync(
    importFile,
    JSON.stringify({
      resources: [
        { type: "runai:index:Project", name: "imp-team", id: projectId },
        { type: "runai:index:ComputeAsset", name: "imp-compute", id: computeId },
      ],
    }),
  );
  const code = await importPrinting(["--file", importFile]);
  expect(code).toBe(
    [
      ...IMPORTS,
      "",
      'const imp_team = new runai.Project("imp-team", {',
      `    clusterId: "${CLUSTER_ID}",`,
      '    departmentId: "101",',
      '    description: "",',
      "    enforceRunaiScheduler: true,",
      '    name: "imp-team",',
      "    resources: [{",
      "        gpu: {",
      "            deserved: 1,",
      "        },",
      "        memory: {",
      "            deserved: 2048,",
      "            units: runai.ProjectResourcesMemoryUnits.Mib,",
      "        },",
      "        nodePool: {",
      '            id: "1",',
      '            name: "default",',
      "        },",
      "    }],",
      "});",
      'const imp_compute = new runai.ComputeAsset("imp-compute", {',
      "    meta: {",
      '        name: "imp-compute",',
      "        projectId: 1001,",
      "        scope: runai.ComputeAssetMetaScope.Project,",
      "    },",
      "    spec: {",
      "        cpuCoreRequest: 1,",
      '        cpuMemoryRequest: "4Gi",',
      "        gpuDevicesRequest: 1,",
      "        gpuPortionRequest: 0.5,",
      "        gpuRequestType: runai.ComputeAssetSpecGpuRequestType.Portion,",
      "    },",
      "});",
      "",
    ].join("\n"),
  );

  // Appended to the program (the first import's code is there already), without its import lines.
  const program = path.join(stack.workDir, "index.ts");
  const declarations = code.split("\n").filter((line) => !IMPORTS.includes(line));
  fs.appendFileSync(program, declarations.join("\n"));
  // Its own name: ts-node, which runs the program, would read a tsconfig.json.
  fs.writeFileSync(
    path.join(stack.workDir, "tsconfig.check.json"),
    JSON.stringify({ compilerOptions: { strict: true, target: "es2020", module: "commonjs", noEmit: true }, files: ["index.ts"] }),
  );
  const tsc = await run(path.join(repoRoot, "node_modules/.bin/tsc"), ["-p", path.join(stack.workDir, "tsconfig.check.json")], {
    cwd: stack.workDir,
  }).catch((err: { stdout: string }) => ({ stdout: err.stdout }));
  expect(tsc.stdout).toBe("");
  const preview = await stack.run(["preview", "--expect-no-changes", "--diff"], { allowFailure: true });
  expect({ code: preview.code, stderr: preview.stderr }).toEqual({ code: 0, stderr: "" });
});
