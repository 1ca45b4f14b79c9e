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

describe("pulumi package gen-sdk with the CLI this repository builds", () => {
  const plugin = "node_modules/pulumi-runai/bin/pulumi-resource-runai";
  const genSdk = (language: string) => shell(`pulumi package gen-sdk ${plugin} --language ${language} --out sdk 2>&1`);
  const sdk = (...parts: string[]) => path.join(stack.workDir, "sdk", ...parts);

  it("go: the module github.com/pulumi-runai/pulumi-runai/sdk/go at the package's version, with the look-ups, that go vet accepts", async () => {
    expect((await genSdk("go")).stdout).toContain("SDK has been written to sdk/go");
    expect(fs.readFileSync(sdk("go/go.mod"), "utf8")).toMatch(/^module github\.com\/pulumi-runai\/pulumi-runai\/sdk\/go\n/);
    expect(JSON.parse(fs.readFileSync(sdk("go/runai/pulumi-plugin.json"), "utf8"))).toEqual({ resource: true, name: "runai", version });
    expect(fs.readFileSync(sdk("go/runai/getProject.go"), "utf8")).toContain('ctx.Invoke("runai:index:getProject"');
    // Against the Pulumi Go SDK the CLI is built from (its modules are in the module cache, outside
    // the repository), pinned by that module's go.sum: as `go get` + `go mod tidy` would.
    const cli = path.join(repoRoot, "tools/pulumi-cli");
    const sdkVersion = /github\.com\/pulumi\/pulumi\/sdk\/v3 (v\S+)/.exec(fs.readFileSync(path.join(cli, "go.mod"), "utf8"))![1];
    fs.copyFileSync(path.join(cli, "go.sum"), sdk("go/go.sum"));
    const go = (args: string[]) =>
      run("go", args, { cwd: sdk("go"), env: { ...stack.env, GOFLAGS: "-mod=mod", GOSUMDB: "off", GOTOOLCHAIN: "local" } });
    await go(["mod", "edit", `-require=github.com/pulumi/pulumi/sdk/v3@${sdkVersion}`]);
    const vet = await go(["vet", "./..."]);
    expect(vet.stdout + vet.stderr).toBe("");
  }, 900_000);

  it("python: the package pulumi_runai at the package's version, byte-compiled, its modules importing one another", async () => {
    expect((await genSdk("python")).stdout).toContain("SDK has been written to sdk/python");
    expect(fs.readFileSync(sdk("python/pyproject.toml"), "utf8")).toContain(`name = "pulumi_runai"`);
    expect(fs.readFileSync(sdk("python/pyproject.toml"), "utf8")).toContain(`version = "${version}"`);
    expect(fs.readFileSync(sdk("python/pulumi_runai/get_project.py"), "utf8")).toContain("'runai:index:getProject'");
    await run("python3", ["-m", "compileall", "-q", sdk("python")]);
    // `import pulumi_runai` needs the pulumi package from PyPI; what the SDK imports of itself is checked.
    const imports = await run("python3", [path.join(repoRoot, "test/support/python-imports.py"), sdk("python/pulumi_runai")]);
    expect(imports.stdout).toMatch(/^\d+ relative imports checked, 0 broken\n$/);
  });

  it("nodejs: the package @pulumi-runai/runai at the package's version, which type-checks against @pulumi/pulumi", async () => {
    expect((await genSdk("nodejs")).stdout).toContain("SDK has been written to sdk/nodejs");
    const manifest = JSON.parse(fs.readFileSync(sdk("nodejs/package.json"), "utf8")) as { name: string; version: string };
    expect({ name: manifest.name, version: manifest.version }).toEqual({ name: "@pulumi-runai/runai", version });
    expect(fs.readFileSync(sdk("nodejs/getProject.ts"), "utf8")).toContain('pulumi.runtime.invoke("runai:index:getProject"');
    // This repository's TypeScript, @types/node and @pulumi/pulumi stand in for the SDK's dependencies.
    fs.symlinkSync(path.join(repoRoot, "node_modules"), sdk("nodejs/node_modules"));
    const tsc = await run(path.join(repoRoot, "node_modules/.bin/tsc"), ["-p", sdk("nodejs"), "--noEmit"]);
    expect(tsc.stdout + tsc.stderr).toBe("");
  });

  it("nodejs: the SDK's enum objects are the ones pulumi-runai/plugin exports (`pulumi import` prints them)", async () => {
    expect((await genSdk("nodejs")).stdout).toContain("SDK has been written to sdk/nodejs");
    const text = fs.readFileSync(sdk("nodejs/types/enums/index.ts"), "utf8");
    const generated = Object.fromEntries(
      [...text.matchAll(/export const (\w+) = \{([^}]*)\} as const;/g)].map(([, name, body]) => [
        name,
        Object.fromEntries([...body.matchAll(/(\w+): "([^"]*)"/g)].map(([, member, value]) => [member, value])),
      ]),
    );
    // The module's only plain objects are its enums (the classes and look-ups are functions).
    const exported = Object.entries((await import("../../src/plugin-resources")) as Record<string, unknown>);
    const enums = Object.fromEntries(exported.filter(([, value]) => typeof value === "object" && value !== null));
    expect(Object.keys(generated).length).toBeGreaterThan(50);
    expect(enums).toEqual(generated);
  });

  it("dotnet, java: say that this CLI has no host for them", async () => {
    for (const language of ["dotnet", "java"]) {
      expect((await genSdk(language).catch((err: { stdout: string }) => err)).stdout).toBe(
        `error: no language plugin 'pulumi-language-${language}' found in the workspace\n`,
      );
    }
  });
});
