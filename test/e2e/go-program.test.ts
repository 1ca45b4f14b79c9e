// A Go program as a Go user writes it (test/e2e/programs/go-typed): `runtime: go`, run by `pulumi up`
// through this repository's Go language host (tools/pulumi-cli/cmd/pulumi-language-go), on the Go
// SDK that `pulumi package gen-sdk` writes, with the runai plugin installed from the tarball of
// `npm run package:plugin` by `pulumi plugin install --file` and no `plugins:` path: the engine finds
// it by the version in the SDK's pulumi-plugin.json. Look-ups through invokes, a department, a
// project with a GPU quota, an asset, an application with an access rule: up, a no-op preview, a
// hand edit shown by preview --refresh, destroy. One stack, one pass: the Go build of the program
// takes minutes on a cold Go build cache (~/.cache/go-build, outside the repository), seconds after.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { KIND_FIXTURES } from "../fixtures/kinds";
import { ACCESS_RULES, APPS, CONFIG_MAPS, DEPARTMENTS, EmulatorHarness, PROJECTS, ROLE_IDS } from "../support/emulator";
import { type CommandResult, pulumiBinDir, repoRoot, type StackExport, TestStack } from "../support/pulumi-stack";

const run = promisify(execFile);
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
const CLUSTER_ID = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
/** The first Go build of the program compiles the Pulumi Go SDK and the generated one. */
const BUILD_MS = 900_000;

let emulator: EmulatorHarness;
let stack: TestStack;
/** Everything the CLI printed, for the secrecy check. */
let printed = "";
let outputs: Record<string, unknown>;
/** The application's secret, from `pulumi stack output --show-secrets`. */
let appSecret: string;
/** The checkpoint right after up, read once for the tests of what it holds. */
let stateAfterUp: StackExport;

/** A `pulumi` command of the stack, its output kept for the secrecy check. */
async function pulumi(args: string[], timeoutMs = 300_000): Promise<CommandResult> {
  const result = await stack.run(args, { allowFailure: true, timeoutMs });
  printed += result.stdout + result.stderr;
  if (result.code !== 0) throw new Error(`${result.command} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** A command line run in the program's folder with the stack's environment (PULUMI_HOME, the CLI). */
const shell = (line: string) => run("sh", ["-c", line], { cwd: stack.workDir, env: stack.env, maxBuffer: 64 * 1024 * 1024 });

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({
    program: path.join(__dirname, "programs/go-typed"),
    config: emulator.stackConfig(),
    // The program's own go.mod and go.sum, the modules from the proxy when missing, no checksum
    // database (the proxy here does not serve it), the Go on PATH. -trimpath keeps the generated
    // SDK's compiled packages in the Go build cache from one temp folder to the next.
    env: { GOFLAGS: "-mod=mod -trimpath", GOSUMDB: "off", GOTOOLCHAIN: "local" },
    ownNodeModules: true,
  });
  // The user's two steps: the SDK from the plugin, into the folder go.mod's `replace` names, and
  // the plugin from its tarball into the plugin cache (the stack's PULUMI_HOME).
  const sdk = await shell(`pulumi package gen-sdk ${path.join(repoRoot, "bin/pulumi-resource-runai")} --language go --out sdk 2>&1`);
  expect(sdk.stdout).toContain("SDK has been written to sdk/go");
  await run("node", [path.join(repoRoot, "scripts/package-plugin.js"), stack.tempDir], { cwd: repoRoot });
  const tarball = path.join(stack.tempDir, `pulumi-resource-runai-v${version}-linux-amd64.tar.gz`);
  await run(path.join(pulumiBinDir(), "pulumi"), ["plugin", "install", "resource", "runai", version, "--file", tarball], {
    cwd: stack.workDir,
    env: stack.env,
  });
}, 300_000);

afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
});

const get = async (itemPath: string) => (await emulator.api("GET", itemPath)).body;

describe("a Go program on the generated Go SDK, runtime: go, the plugin installed from its tarball", () => {
  it("has no plugins: path, and the SDK names the installed plugin's version", () => {
    expect(fs.readFileSync(path.join(stack.workDir, "Pulumi.yaml"), "utf8")).not.toMatch(/^plugins:/m);
    expect(JSON.parse(fs.readFileSync(path.join(stack.workDir, "sdk/go/runai/pulumi-plugin.json"), "utf8"))).toEqual({
      resource: true,
      name: "runai",
      version,
    });
  });

  it(
    "up: looks up the cluster, a node pool, a project and a role, and creates what the program declares",
    async () => {
      const up = await pulumi(["up", "--yes", "--skip-preview"], BUILD_MS);
      expect(up.stdout).toContain("+ 6 created");
      outputs = await stack.outputs();
      expect(outputs).toMatchObject({ clusterId: CLUSTER_ID, poolId: "1", existingProjectId: "1001", ruleRoleId: ROLE_IDS.viewer });
      expect(outputs.appSecret).toBe("[secret]");

      const department = await get(`${DEPARTMENTS}/${outputs.departmentId}`);
      expect(department).toMatchObject({ name: "go-research", description: "from Go", clusterId: CLUSTER_ID });
      const project = await get(`${PROJECTS}/${outputs.projectId}`);
      expect(project).toMatchObject({ name: "go-team", parentId: outputs.departmentId });
      expect(project.resources).toEqual([
        expect.objectContaining({ nodePool: expect.objectContaining({ id: "1" }), gpu: expect.objectContaining({ deserved: 1 }) }),
      ]);
      const config = await get(`${CONFIG_MAPS}/${outputs.configId}`);
      expect(config.meta).toMatchObject({ name: "go-config", scope: "project", projectId: Number(outputs.projectId) });
      expect(config.spec).toMatchObject({ configMap: "training-hyperparameters", mountPath: "/etc/go-typed" });
      const rule = await get(`${ACCESS_RULES}/${outputs.ruleId}`);
      expect(rule).toMatchObject({
        subjectType: "app",
        subjectId: outputs.appName,
        roleId: ROLE_IDS.viewer,
        scopeType: "project",
        scopeId: outputs.projectId,
      });
      appSecret = String((await stack.outputs({ showSecrets: true })).appSecret);
      expect(await emulator.tryToken(String(outputs.appClientId), appSecret)).toEqual(expect.any(String));
    },
    BUILD_MS + 60_000,
  );

  it("loaded the installed plugin by the SDK's version: the default provider in state is runai at that version", async () => {
    stateAfterUp = await stack.exportState();
    const providers = (stateAfterUp.deployment.resources ?? []).filter((r) => r.type === "pulumi:providers:runai");
    expect(providers.map((p) => ({ name: p.urn.split("::").pop(), version: p.inputs?.version }))).toEqual([
      { name: "default_" + version.replace(/\./g, "_"), version },
    ]);
    // The project's plugins, as the language host reads them from the program's modules.
    const listed = await run(path.join(pulumiBinDir(), "pulumi"), ["plugin", "ls", "--project"], { cwd: stack.workDir, env: stack.env });
    expect(listed.stdout).toMatch(new RegExp(`^runai\\s+resource\\s+${version.replace(/\./g, "\\.")}\\s`, "m"));
  });

  it("keeps the application's secret out of the output and the state, where it is ciphertext", async () => {
    const state = stateAfterUp;
    const app = (state.deployment.resources ?? []).find((r) => r.type === "runai:index:Application")!;
    expect(app.outputs?.secret).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));
    expect({ inState: JSON.stringify(state).includes(appSecret), printed: printed.includes(appSecret) }).toEqual({
      inState: false,
      printed: false,
    });
  });

  it("preview --expect-no-changes passes right after up", async () => {
    const preview = await pulumi(["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("6 unchanged");
  });

  it("shows a hand edit of the asset's mount path in preview --refresh", async () => {
    await KIND_FIXTURES.ConfigMapAsset.editByHand!(emulator, String(outputs.configId));
    const preview = await pulumi(["preview", "--refresh", "--diff"]);
    expect(preview.stdout).toMatch(/~ runai:index:ConfigMapAsset: \(update\)[\s\S]*\[urn=[^\]]*::go-config\]/);
    // The refresh reads the edited value; the update would put the program's back.
    expect(preview.stdout).toContain('~ mountPath: "/etc/go-typed" => "/etc/edited-by-hand"');
    expect(preview.stdout).toContain("~ 1 to update");
  });

  it("destroy removes everything it made from Run:ai", async () => {
    const destroy = await pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.stdout).toContain("- 6 deleted");
    const gone = async (itemPath: string) => (await emulator.api("GET", itemPath)).status;
    expect({
      department: await gone(`${DEPARTMENTS}/${outputs.departmentId}`),
      project: await gone(`${PROJECTS}/${outputs.projectId}`),
      config: await gone(`${CONFIG_MAPS}/${outputs.configId}`),
      rule: await gone(`${ACCESS_RULES}/${outputs.ruleId}`),
      app: await gone(`${APPS}/${outputs.appId}`),
    }).toEqual({ department: 404, project: 404, config: 404, rule: 404, app: 404 });
    expect(await emulator.tryToken(String(outputs.appClientId), appSecret)).toBeUndefined();
    expect(printed.includes(appSecret)).toBe(false);
  });

  it(
    "reports a program that does not compile with the compiler's message",
    async () => {
      fs.writeFileSync(
        path.join(stack.workDir, "main.go"),
        'package main\n\nimport "github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n\nfunc main() {\n\tpulumi.Run(notDeclared)\n}\n',
      );
      const preview = await stack.run(["preview"], { allowFailure: true, timeoutMs: BUILD_MS });
      expect(preview.code).not.toBe(0);
      expect(preview.stdout + preview.stderr).toContain("error in compiling Go: unable to run `go build`: exit status 1");
      expect(preview.stdout + preview.stderr).toContain("./main.go:6:13: undefined: notDeclared");
    },
    BUILD_MS,
  );
});
