// runai-export against the emulator, in process: the exact texts of its usage and settings errors,
// one list request per kind, nothing written, and no secret, token or Authorization header in
// anything it prints or writes.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runExport } from "../../src/export";
import { EmulatorHarness } from "../support/emulator";
import { buildExportTenant, TENANT_SECRETS } from "../support/export-tenant";

let emulator: EmulatorHarness;
let dir: string;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  await buildExportTenant(emulator);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "runai-export-"));
});
afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const settings = emulator.adminSettings();
  return {
    RUNAI_URL: settings["runai:url"],
    RUNAI_CLIENT_ID: settings["runai:clientId"],
    RUNAI_CLIENT_SECRET: settings["runai:clientSecret"],
    ...overrides,
  };
}

/** Runs the command in a folder without a Pulumi project (the environment's settings only). */
async function exporter(args: string[], environment = env()): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await runExport(args, { cwd: dir, env: environment, stderr: (text) => (stderr += text) });
  return { code, stderr };
}

const out = (name: string) => path.join(dir, name);

describe("errors name the option and the rule, and nothing is listed", () => {
  it.each([
    [
      ["--match", "("],
      'runai-export: --match: "(" is not a valid regular expression (Invalid regular expression: /(/: Unterminated group)\n',
    ],
    [
      ["--exclude", "[a-"],
      'runai-export: --exclude: "[a-" is not a valid regular expression (Invalid regular expression: /[a-/: Unterminated character class)\n',
    ],
    [
      ["--kinds", "Project,Widget,ConfigMap"],
      'runai-export: --kinds: unknown kind "Widget", "ConfigMap"; runai-export lists Cluster, Department, Project, NodePool, Application, IdentityProvider, ' +
        "AccessKeyCredential, PasswordCredential, DockerRegistryCredential, GenericSecretCredential, ConfigMapAsset, EnvironmentAsset, " +
        "NfsAsset, HostPathAsset, ComputeAsset, PvcAsset, S3Asset, GitAsset, SecretVolumeAsset, WorkloadPolicy, AccessRule\n",
    ],
  ])("%j", async (args, message) => {
    await emulator.resetCounters();
    expect(await exporter([...args, "--out", out("bad.json")])).toEqual({ code: 2, stderr: message });
    expect(await emulator.counters()).toEqual({});
    expect(fs.existsSync(out("bad.json"))).toBe(false);
  });

  it("an unknown department or project, with the ones the tenant has", async () => {
    expect(await exporter(["--department", "exp-nope", "--kinds", "Department", "--out", out("bad.json")])).toEqual({
      code: 2,
      stderr:
        "Department: 4 listed\n" +
        'runai-export: --department: unknown department "exp-nope"; the tenant\'s departments are "exp-data", "exp-ml", "platform", "research"\n',
    });
    const project = await exporter(["--project", "exp-nope", "--kinds", "Project", "--out", out("bad.json")]);
    expect(project.stderr).toContain(
      'runai-export: --project: unknown project "exp-nope"; the tenant\'s projects are "exp-etl", "exp-lab", "exp-serve", "exp-train", "team-a", "team-b", "team-c"\n',
    );
    expect(project.code).toBe(2);
    expect(fs.existsSync(out("bad.json"))).toBe(false);
  });

  it("a refused client secret and an unreachable URL fail at once, naming the setting", async () => {
    expect(await exporter([], env({ RUNAI_CLIENT_SECRET: "not-the-secret" }))).toEqual({
      code: 1,
      stderr:
        "runai-export: Run:ai refused the client credentials of runai:clientId and runai:clientSecret (or the RUNAI_CLIENT_ID and " +
        "RUNAI_CLIENT_SECRET environment variables): POST /api/v1/token → 401: invalid client credentials. Check the client id, and " +
        "set the secret with `pulumi config set --secret runai:clientSecret <secret>`\n",
    });
    const unreachable = await exporter([], env({ RUNAI_URL: "http://127.0.0.1:9" }));
    expect(unreachable).toEqual({
      code: 1,
      stderr:
        "runai-export: cannot reach Run:ai at http://127.0.0.1:9 (runai:url, or the RUNAI_URL environment variable): the connection " +
        "was refused (POST /api/v1/token: ECONNREFUSED). Check the URL's host and port, and that the control plane is running\n",
    });
    expect(await exporter([], { RUNAI_URL: emulator.url })).toEqual({
      code: 1,
      stderr:
        "runai-export: missing Run:ai credentials: set runai:clientId and runai:clientSecret (`pulumi config set --secret runai:clientSecret …`), " +
        "or runai:token, or the RUNAI_CLIENT_ID and RUNAI_CLIENT_SECRET (or RUNAI_TOKEN) environment variables\n",
    });
  });
});

it("lists each kind with one request, writes nothing, and prints no secret, token or Authorization header", async () => {
  await emulator.resetCounters();
  const result = await exporter(["--out", out("all.json"), "--secrets-out", out("secrets.sh")]);
  expect(result.code).toBe(0);
  const counters = await emulator.counters();
  const requests = Object.fromEntries(
    Object.entries(counters).map(([route, byStatus]) => [route, Object.values(byStatus).reduce((a, b) => a + b)]),
  );
  expect(requests).toEqual({
    "POST /api/v1/token": 1,
    "GET /api/v1/clusters": 1,
    "GET /api/v1/idps": 1,
    // The list carries no mappers: one read per identity provider.
    "GET /api/v1/idps/{idp}/mappers": 1,
    "GET /api/v1/org-unit/departments": 1,
    "GET /api/v1/org-unit/projects": 1,
    "GET /api/v1/node-pools": 1,
    "GET /api/v1/apps": 1,
    "GET /api/v1/authorization/access-rules": 1,
    // The list names where each policy is, not its defaults and rules: one read per policy.
    "GET /api/v2/policy": 1,
    "GET /api/v2/policy/trainings": 1,
    "GET /api/v2/policy/workspaces": 1,
    ...Object.fromEntries(
      [
        "credentials/access-key",
        "credentials/password",
        "credentials/docker-registry",
        "credentials/generic-secret",
        "datasource/config-map",
        "environment",
        "datasource/nfs",
        "datasource/host-path",
        "compute",
        "datasource/pvc",
        "datasource/s3",
        "datasource/git",
        "datasource/secrets",
      ].map((kind) => [`GET /api/v1/asset/${kind}`, 1]),
    ),
  });
  expect(await emulator.writeCount()).toBe(0);
  const secrets = fs.readFileSync(out("secrets.sh"), "utf8");
  expect(secrets).toBe(
    [
      "# Secret values Run:ai never returns. To manage one from the program, store it with:",
      "pulumi config set --secret exp-sso-clientSecret    # runai:index:IdentityProvider exp-sso: clientSecret",
      "pulumi config set --secret exp-minio-key-secretAccessKey    # runai:index:AccessKeyCredential exp-minio-key: spec.secretAccessKey",
      "pulumi config set --secret exp-git-login-password    # runai:index:PasswordCredential exp-git-login: spec.password",
      "pulumi config set --secret exp-registry-password    # runai:index:DockerRegistryCredential exp-registry: spec.password",
      "pulumi config set --secret exp-api-token-token    # runai:index:GenericSecretCredential exp-api-token: spec.keyValuePairs[0].value",
      "",
    ].join("\n"),
  );
  const printed = [result.stderr, secrets, fs.readFileSync(out("all.json"), "utf8"), fs.readFileSync(out("all.2.json"), "utf8")].join("\n");
  for (const secret of [...TENANT_SECRETS, emulator.adminSettings()["runai:clientSecret"], emulator.adminToken]) {
    expect({ secret, printed: printed.includes(secret) }).toEqual({ secret, printed: false });
  }
  expect(printed).not.toMatch(/authorization|bearer/i);
});

it("removes a later file an earlier export left, which an import in order would take too", async () => {
  fs.writeFileSync(out("stale.2.json"), "{}");
  fs.writeFileSync(out("stale.3.json"), "{}");
  const result = await exporter(["--out", out("stale.json"), "--kinds", "Department"]);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain(`removed ${out("stale.2.json")}, a later file of an earlier export\nremoved ${out("stale.3.json")}`);
  expect(fs.readdirSync(dir).filter((file) => file.startsWith("stale"))).toEqual(["stale.json"]);
});
