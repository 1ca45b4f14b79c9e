// runai-export end to end: a tenant built by hand through the emulator's API is exported, imported
// with `pulumi import --file` into a new TypeScript stack (plugin-backed classes) and a new YAML
// stack, and each previews with no change; `pulumi up` then writes nothing to Run:ai, and a
// description edited in the generated program updates that object in place. Filters select exactly
// what they name, and a second export of the unchanged tenant is the same file, byte for byte.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { EmulatorHarness } from "../support/emulator";
import { buildExportTenant, TENANT_SECRETS } from "../support/export-tenant";
import type { ExportTenant } from "../support/export-tenant";
import { pulumiBinDir, repoRoot, TestStack } from "../support/pulumi-stack";

const EXPORTER = path.join(repoRoot, "bin/runai-export.js");
const IMPORTS = ['import * as pulumi from "@pulumi/pulumi";', 'import * as runai from "pulumi-runai/plugin";'];

let emulator: EmulatorHarness;
let tenant: ExportTenant;
let ts: TestStack;
let yaml: TestStack;
let go: TestStack | undefined;
let python: TestStack | undefined;

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  tenant = await buildExportTenant(emulator);
  const config = emulator.stackConfig();
  [ts, yaml] = await Promise.all([
    TestStack.create({ program: path.join(__dirname, "programs/plugin-import"), config }),
    TestStack.create({ program: path.join(__dirname, "programs/export-yaml"), config }),
  ]);
  // The Go and Python imports of one department only read the tenant, and no other test changes
  // that department: they run beside the TypeScript and YAML ones, and their tests check what they saw.
  goImport = background(importIntoGo());
  pythonImport = background(importIntoPython());
});
afterAll(async () => {
  await Promise.allSettled([goImport, pythonImport]);
  // The imported objects go away with the emulator: a destroy of each stack (an engine run with a
  // plugin start-up and a delete per object) would prove nothing this file asserts.
  await Promise.all([ts, yaml, go, python].map((stack) => stack?.cleanup({ destroy: false })));
  await emulator?.stop();
});

let goImport: Promise<{ exported: ExportRun; names: string[]; code: string; preview: { code: number; stderr: string } }>;
let pythonImport: Promise<{ exported: ExportRun; imported: string; code: string }>;

/** A chain of steps started in the background; a failure is reported by the test that awaits it. */
function background<T>(chain: Promise<T>): Promise<T> {
  chain.catch(() => undefined);
  return chain;
}

type ExportRun = { code: number; stdout: string; stderr: string };

/** Runs runai-export in the stack's project folder, so it reads that stack's runai:* config. */
async function exportIn(stack: TestStack, args: string[]): Promise<ExportRun> {
  return promisify(execFile)("node", [EXPORTER, ...args], { cwd: stack.workDir, env: stack.env })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }));
}

const read = (file: string) => fs.readFileSync(file, "utf8");
const resources = (file: string) => (JSON.parse(read(file)) as { resources: { type: string; name: string }[] }).resources;
const names = (file: string) => resources(file).map((r) => `${r.type.replace("runai:index:", "")} ${r.name}`);

function expectNoSecrets(...texts: string[]): void {
  const all = texts.join("\n");
  for (const secret of [...TENANT_SECRETS, "runai-admin-secret", emulator.adminToken]) {
    expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
  }
  expect(all).not.toMatch(/authorization|bearer/i);
}

const EXPORTED = [
  "Cluster research-cluster",
  "Department exp-data",
  "Department exp-ml",
  "Department platform",
  "Department research",
  "Project exp-etl",
  "Project exp-lab",
  "Project exp-serve",
  "Project exp-train",
  "Project team-a",
  "Project team-b",
  "Project team-c",
  "NodePool a100",
  "Application exp-bot",
  "Application exp-ci",
  "IdentityProvider exp-sso",
  "AccessKeyCredential exp-minio-key",
  "PasswordCredential exp-git-login",
  "DockerRegistryCredential exp-registry",
  "GenericSecretCredential exp-api-token",
  "ConfigMapAsset exp-settings",
  "EnvironmentAsset exp-python",
  "NfsAsset exp-nfs",
  "HostPathAsset exp-scratch",
  "ComputeAsset exp-half-gpu",
  "PvcAsset exp-claim",
  "S3Asset exp-datasets",
  "GitAsset exp-code",
  "SecretVolumeAsset exp-token-files",
  "WorkloadPolicy exp-lab-workspaces",
  "WorkloadPolicy exp-ml-trainings",
  "AccessRule alice-example-com-viewer-project-1006",
];
/** `--department exp-data`: the department, its projects, and the assets, policy and access rule in either. */
const EXP_DATA = [
  "Department exp-data",
  "Project exp-etl",
  "Project exp-lab",
  "NfsAsset exp-nfs",
  "HostPathAsset exp-scratch",
  "ComputeAsset exp-half-gpu",
  "WorkloadPolicy exp-lab-workspaces",
  "AccessRule alice-example-com-viewer-project-1006",
];
// Access rules 1 and 2 have the ids of the node pools the departments' quotas name: a later file.
const EXPORTED_LATER = ["AccessRule exp-bot-viewer-department-103", "AccessRule exp-ci-ml-engineer-project-1004"];

let files: string[];
/** What the first export printed. */
let printedFirst = "";

it("exports the tenant with progress, a summary and the secret commands on stderr, and the same bytes a second time", async () => {
  const first = await exportIn(ts, ["--out", "export/runai.json"]);
  printedFirst = first.stderr;
  expect(first.code).toBe(0);
  expect(first.stdout).toBe("");
  files = ["export/runai.json", "export/runai.2.json"].map((file) => path.join(ts.workDir, file));
  expect(names(files[0])).toEqual(EXPORTED);
  expect(names(files[1])).toEqual(EXPORTED_LATER);
  const lines = first.stderr.split("\n");
  expect(lines).toEqual(
    expect.arrayContaining([
      "Cluster: 1 listed",
      "Department: 4 listed",
      "Project: 7 listed",
      "NodePool: 2 listed",
      "IdentityProvider: 1 listed",
      "AccessRule: 3 listed",
    ]),
  );
  expect(lines).toEqual(
    expect.arrayContaining([
      "wrote export/runai.json: 32 resources",
      "WorkloadPolicy: 2 listed",
      "wrote export/runai.2.json: 2 resources",
      "left out 1 NodePool: the default node pool Run:ai makes with every cluster (--include-system exports it)",
      "import the files in order: pulumi import --file export/runai.json, then pulumi import --file export/runai.2.json",
      "pulumi config set --secret exp-git-login-password    # runai:index:PasswordCredential exp-git-login: spec.password",
      "pulumi config set --secret exp-api-token-token    # runai:index:GenericSecretCredential exp-api-token: spec.keyValuePairs[0].value",
      "pulumi config set --secret exp-sso-clientSecret    # runai:index:IdentityProvider exp-sso: clientSecret",
    ]),
  );
  expectNoSecrets(first.stderr, read(files[0]), read(files[1]));

  // Another stack of the project: its config, or the CLI's own words when there is none.
  expect(await exportIn(ts, ["--out", "none.json", "--stack", "no-such-stack"])).toEqual({
    code: 1,
    stdout: "",
    stderr: "runai-export: cannot read the stack's config with `pulumi config --json`: error: no stack named 'no-such-stack' found\n",
  });

  const second = await exportIn(ts, ["--out", "again/runai.json"]);
  expect(second.code).toBe(0);
  expect(read(path.join(ts.workDir, "again/runai.json"))).toBe(read(files[0]));
  expect(read(path.join(ts.workDir, "again/runai.2.json"))).toBe(read(files[1]));
});

it("imports into a TypeScript stack that previews with no change, an up that writes nothing, and an edited description updated in place", async () => {
  const program = path.join(ts.workDir, "index.ts");
  const code: string[] = [];
  for (const [index, file] of files.entries()) {
    const out = path.join(ts.tempDir, `imported-${index}.ts`);
    const imported = await ts.run(["import", "--file", file, "--yes", "--protect=false", "--out", out]);
    expect(imported.stdout).toContain(`${resources(file).length} imported`);
    code.push(
      ...read(out)
        .split("\n")
        .filter((line) => !IMPORTS.includes(line)),
    );
  }
  const text = [...IMPORTS, ...code].join("\n");
  expect(text).toContain("clusterId: research_cluster.id,");
  // Pulumi's code generation links what the values name: the project to its department, the rule to its application.
  expect(text).toContain("departmentId: exp_ml.id,");
  expect(text).toContain("accessKeyAssetId: exp_minio_key.id,");
  expect(text).toContain("scopeId: exp_etl.id,");
  expectNoSecrets(text);
  fs.writeFileSync(program, text);
  const preview = await ts.preview({ expectNoChanges: true, extra: ["--diff"] }, { allowFailure: true });
  expect({ code: preview.code, stderr: preview.stderr }).toEqual({ code: 0, stderr: "" });

  await emulator.resetCounters();
  await ts.up();
  expect(await emulator.writeCount()).toBe(0);

  fs.writeFileSync(program, text.replace('description: "exp-train project"', 'description: "exp-train project, managed"'));
  await emulator.resetCounters();
  const up = await ts.up();
  expect(up.stdout).toContain("1 updated");
  expect(await emulator.writeCount()).toBe(1);
  const project = await emulator.api("GET", `/api/v1/org-unit/projects/${tenant.projects["exp-train"]}`);
  expect(project.body.description).toBe("exp-train project, managed");
});

it("takes a credential's value over from the config command it printed: the credential and the datasource using it are replaced", async () => {
  const program = path.join(ts.workDir, "index.ts");
  const text = read(program);
  // The printed command as it is, the value on its standard input.
  const command = printedFirst.split("\n").find((line) => line.startsWith("pulumi config set --secret exp-git-login-password "))!;
  await promisify(execFile)("sh", ["-c", `printf %s exp-new-git-password | ${command}`], { cwd: ts.workDir, env: ts.env });
  expect((await ts.run(["config", "get", "exp-git-login-password"])).stdout.trim()).toBe("exp-new-git-password");
  fs.writeFileSync(
    program,
    text.replace('user: "ci-bot",', 'password: new pulumi.Config().requireSecret("exp-git-login-password"),\n        user: "ci-bot",'),
  );
  const preview = await ts.previewJson();
  const changed = (preview.steps ?? []).filter((step) => step.op !== "same").map((step) => `${step.op} ${step.urn.split("::").pop()}`);
  expect(changed.sort()).toEqual(["replace exp-code", "replace exp-git-login"]);
  expectNoSecrets(JSON.stringify(preview));
  expect(JSON.stringify(preview)).not.toContain("exp-new-git-password");
  fs.writeFileSync(program, text);
});

it("imports into a YAML stack that previews with no change", async () => {
  const program = path.join(yaml.workDir, "Pulumi.yaml");
  const parts: string[] = [];
  for (const [index, file] of files.entries()) {
    const out = path.join(yaml.tempDir, `imported-${index}.yaml`);
    await yaml.run(["import", "--file", file, "--yes", "--protect=false", "--out", out]);
    parts.push(read(out).replace(/^resources:\n/, ""));
  }
  const text = parts.join("");
  expect(text).toContain('departmentId: ${[\"exp-ml\"].id}');
  expectNoSecrets(text);
  fs.appendFileSync(program, `resources:\n${text}`);
  const preview = await yaml.preview({ expectNoChanges: true, extra: ["--diff"] }, { allowFailure: true });
  expect({ code: preview.code, stderr: preview.stderr }).toEqual({ code: 0, stderr: "" });
});

it("filters select exactly what they name", async () => {
  const file = path.join(ts.workDir, "filtered.json");
  const exported = async (args: string[]) => {
    const result = await exportIn(ts, ["--out", "filtered.json", ...args]);
    expect({ code: result.code, stderr: result.code === 0 ? "" : result.stderr }).toEqual({ code: 0, stderr: "" });
    return names(file);
  };
  expect(await exported(["--department", "exp-data"])).toEqual(EXP_DATA);
  expect(await exported(["--project", "exp-lab", "--kinds", "WorkloadPolicy"])).toEqual(["WorkloadPolicy exp-lab-workspaces"]);
  expect(await exported(["--project", "exp-train", "--kinds", "PasswordCredential,GitAsset,AccessRule"])).toEqual([
    "PasswordCredential exp-git-login",
    "GitAsset exp-code",
    "AccessRule exp-ci-ml-engineer-project-1004",
  ]);
  expect(
    await exported(["--match", "^exp-", "--exclude=-(ml|data|train|serve|etl|lab)$", "--kinds", "Department,Project,Application"]),
  ).toEqual(["Application exp-bot", "Application exp-ci"]);
  expect(await exported(["--kinds", "NodePool", "--include-system"])).toEqual(["NodePool a100", "NodePool default"]);
  // The cluster and the identity provider belong to no department.
  expect(await exported(["--department", "exp-ml", "--kinds", "Cluster,IdentityProvider,Project"])).toEqual([
    "Project exp-serve",
    "Project exp-train",
  ]);
  expect(await exported(["--kinds", "IdentityProvider,Cluster"])).toEqual(["Cluster research-cluster", "IdentityProvider exp-sso"]);
});

/** A Go stack on the generated SDK: the department exported, imported as Go, and previewed. */
async function importIntoGo() {
  const run = promisify(execFile);
  go = await TestStack.create({
    program: path.join(__dirname, "programs/go-typed"),
    config: emulator.stackConfig(),
    // As test/e2e/go-program.test.ts: the program's go.mod, no checksum database, a shared build cache.
    env: { GOFLAGS: "-mod=mod -trimpath", GOSUMDB: "off", GOTOOLCHAIN: "local" },
    ownNodeModules: true,
  });
  const stack = go;
  const shell = (line: string) => run("sh", ["-c", line], { cwd: stack.workDir, env: stack.env, maxBuffer: 64 * 1024 * 1024 });
  await shell(`pulumi package gen-sdk ${path.join(repoRoot, "bin/pulumi-resource-runai")} --language go --out sdk 2>&1`);
  const { version } = JSON.parse(read(path.join(repoRoot, "package.json"))) as { version: string };
  await run("node", [path.join(repoRoot, "scripts/package-plugin.js"), stack.tempDir], { cwd: repoRoot });
  const tarball = path.join(stack.tempDir, `pulumi-resource-runai-v${version}-linux-amd64.tar.gz`);
  await run(path.join(pulumiBinDir(), "pulumi"), ["plugin", "install", "resource", "runai", version, "--file", tarball], {
    cwd: stack.workDir,
    env: stack.env,
  });

  // Run in the Go project: its stack's config is the exporter's too. One department: one file.
  const exported = await exportIn(stack, ["--out", "runai.json", "--department", "exp-data"]);
  if (exported.code !== 0) return { exported, names: [], code: "", preview: { code: -1, stderr: "" } };
  const file = path.join(stack.workDir, "runai.json");
  const out = path.join(stack.tempDir, "imported.go");
  await stack.run(["import", "--file", file, "--yes", "--protect=false", "--out", out]);
  const code = read(out);
  fs.writeFileSync(path.join(stack.workDir, "main.go"), code);
  const preview = await stack.preview({ expectNoChanges: true, extra: ["--diff"] }, { allowFailure: true, timeoutMs: 900_000 });
  return { exported, names: names(file), code, preview: { code: preview.code, stderr: preview.stderr } };
}

it("imports a department into a Go stack on the generated SDK that previews with no change", async () => {
  const { exported, names: imported, code, preview } = await goImport;
  expect(exported.code).toBe(0);
  expect(imported).toEqual(EXP_DATA);
  expect(code).toMatch(/DepartmentId: +exp_data\.ID\(\),/);
  expectNoSecrets(code);
  expect(preview).toEqual({ code: 0, stderr: "" });
}, 960_000);

/** A Python stack: the department exported and imported as Python. */
async function importIntoPython() {
  python = await TestStack.create({ program: path.join(__dirname, "programs/export-python"), config: emulator.stackConfig() });
  const exported = await exportIn(python, ["--out", "runai.json", "--department", "exp-data"]);
  if (exported.code !== 0) return { exported, imported: "", code: "" };
  const out = path.join(python.tempDir, "imported.py");
  const imported = await python.run([
    "import",
    "--file",
    path.join(python.workDir, "runai.json"),
    "--yes",
    "--protect=false",
    "--out",
    out,
  ]);
  return { exported, imported: imported.stdout, code: read(out) };
}

it("generates Python for the same department that compiles, with its links", async () => {
  const { exported, imported, code } = await pythonImport;
  expect(exported.code).toBe(0);
  expect(imported).toContain("8 imported");
  expect(code).toContain("department_id=exp_data.id,");
  expect(code).toContain("scope_id=exp_etl.id,");
  expectNoSecrets(code);
  await promisify(execFile)("python3", ["-m", "py_compile", path.join(python!.tempDir, "imported.py")]);
});
