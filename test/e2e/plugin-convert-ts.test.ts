// `pulumi convert --language typescript` with the CLI this repository builds: Pulumi YAML's
// converter turns a YAML program of the runai plugin into PCL, and GenerateProject of our Node.js
// language host writes the TypeScript project through Pulumi's Node.js project generator, on the
// plugin-backed classes (tools/pulumi-cli/cmd/pulumi-language-nodejs/plugin_classes.go). The
// project type-checks, and its preview runs the look-ups' Output forms against the emulator.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { EmulatorHarness } from "../support/emulator";
import { pulumiBinDir, repoRoot, TestStack } from "../support/pulumi-stack";

const run = promisify(execFile);
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };

let emulator: EmulatorHarness;
let stack: TestStack;
let project: string;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({
    program: path.join(__dirname, "programs/yaml-invokes"),
    config: { ...emulator.stackConfig(), projectName: "team-b" },
  });
  project = path.join(stack.workDir, "ts");
  // The converted Pulumi.yaml keeps the plugin's path, node_modules/pulumi-runai/bin, which the CLI
  // resolves from the new project's folder already while converting.
  fs.mkdirSync(project);
  fs.symlinkSync("../node_modules", path.join(project, "node_modules"));
  // pulumi-converter-yaml is found on PATH, beside `pulumi` (scripts/ensure-pulumi.sh builds it):
  // an ambient plugin, which the tests' environment otherwise ignores.
  await pulumi(["convert", "--language", "typescript", "--out", project, "--generate-only"], stack.workDir, {
    PULUMI_IGNORE_AMBIENT_PLUGINS: "false",
  });
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

const pulumi = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  run(path.join(pulumiBinDir(), "pulumi"), [...args, "--non-interactive"], {
    cwd,
    env: { ...stack.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });

it("writes a TypeScript project on pulumi-runai/plugin that depends on pulumi-runai", () => {
  const index = fs.readFileSync(path.join(project, "index.ts"), "utf8");
  expect(index.split("\n").slice(0, 2)).toEqual([
    'import * as pulumi from "@pulumi/pulumi";',
    'import * as runai from "pulumi-runai/plugin";',
  ]);
  expect(index).toContain("const cluster = runai.getClusterOutput({");
  expect(index).toContain("const platformProjects = runai.getProjectsOutput({");
  expect(index).toContain("subjectType: runai.AccessRuleSubjectType.User,");
  const manifest = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  expect(manifest.dependencies).toMatchObject({ "pulumi-runai": version });
  expect(manifest.dependencies).not.toHaveProperty("@pulumi-runai/runai");
});

it("type-checks, and previews the access rule with the ids its look-ups found", async () => {
  const tsc = await run(path.join(repoRoot, "node_modules/.bin/tsc"), ["-p", project, "--noEmit"]).catch((err: { stdout: string }) => err);
  expect(tsc.stdout).toBe("");
  // The same stack, with its configuration, from the converted program.
  fs.copyFileSync(path.join(stack.workDir, `Pulumi.${stack.name}.yaml`), path.join(project, `Pulumi.${stack.name}.yaml`));
  const preview = await pulumi(["preview", "--stack", stack.name], project);
  expect(preview.stdout).toContain("+ 2 to create");
  expect(preview.stdout).toMatch(/clusterId\s*: "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31"/);
  expect(preview.stdout).toMatch(/projectId\s*: "1002"/);
  expect(preview.stdout).toMatch(/platformProject\s*: "team-c"/);
});
