// `npm run bench:export`: what `runai-export` costs for a tenant of about 1,000 objects: the list
// requests per kind (one per kind and scope is the goal: paged lists, no GET per object) and the
// seconds, against the emulator in this process with a latency on every request. Numbers for
// people (bench/README.md), never asserted.
//
//   npm run bench:export -- [--departments 10] [--projects-per-department 9] [--assets-per-kind 60]
//     [--credentials-per-kind 25] [--apps 50] [--rules 210] [--latency-ms 20]
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { runExport } from "../src/export";
import { EmulatorHarness } from "../test/support/emulator";

const CLUSTER_ID = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";

const { values } = parseArgs({
  options: {
    departments: { type: "string", default: "10" },
    "projects-per-department": { type: "string", default: "9" },
    "assets-per-kind": { type: "string", default: "60" },
    "credentials-per-kind": { type: "string", default: "25" },
    apps: { type: "string", default: "50" },
    rules: { type: "string", default: "210" },
    "latency-ms": { type: "string", default: "20" },
  },
});
const count = (key: keyof typeof values) => Number(values[key]);

/** Asset bodies by path, for object `i` in project `projectId` (every kind but credentials). */
const ASSETS: Record<string, (name: string, projectId: number) => unknown> = {
  "datasource/config-map": (name, projectId) => ({
    meta: { name, scope: "project", projectId },
    spec: { configMap: name, mountPath: "/etc/b" },
  }),
  environment: (name, projectId) => ({ meta: { name, scope: "project", projectId }, spec: { image: "python:3.12" } }),
  "datasource/nfs": (name, projectId) => ({
    meta: { name, scope: "project", projectId },
    spec: { server: "nfs.example.com", path: "/exports", mountPath: "/data" },
  }),
  "datasource/host-path": (name, projectId) => ({
    meta: { name, scope: "project", projectId },
    spec: { path: "/mnt", mountPath: "/scratch" },
  }),
  compute: (name, projectId) => ({ meta: { name, scope: "project", projectId }, spec: { gpuDevicesRequest: 1, cpuCoreRequest: 1 } }),
  "datasource/pvc": (name, projectId) => ({
    meta: { name, scope: "project", projectId },
    spec: { path: "/pvc", claimInfo: { size: "1Gi", storageClass: "standard" } },
  }),
  "datasource/s3": (name, projectId) => ({ meta: { name, scope: "project", projectId }, spec: { bucket: "b", path: "/s3" } }),
  "datasource/git": (name, projectId) => ({
    meta: { name, scope: "project", projectId },
    spec: { repository: "https://github.com/acme/a.git", path: "/code" },
  }),
  "datasource/secrets": (name, projectId) => ({
    meta: { name, scope: "project", projectId },
    spec: { credentialAssetId: "", mountPath: "/s" },
  }),
};
const CREDENTIALS: Record<string, (name: string) => unknown> = {
  "credentials/access-key": (name) => ({ meta: { name, scope: "tenant" }, spec: { accessKeyId: "AKIA", secretAccessKey: "bench" } }),
  "credentials/password": (name) => ({ meta: { name, scope: "tenant" }, spec: { user: "u", password: "bench" } }),
  "credentials/docker-registry": (name) => ({
    meta: { name, scope: "tenant" },
    spec: { url: "https://r.example.com", user: "u", password: "bench" },
  }),
  "credentials/generic-secret": (name) => ({ meta: { name, scope: "tenant" }, spec: { keyValuePairs: [{ key: "k", value: "bench" }] } }),
};

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function build(api: EmulatorHarness): Promise<number> {
  let made = 0;
  const post = async (urlPath: string, body: unknown) => {
    const created = await api.api("POST", urlPath, body);
    if (created.status !== 201 && created.status !== 202)
      throw new Error(`POST ${urlPath} → ${created.status}: ${JSON.stringify(created.body)}`);
    made++;
    return created.body as { id: string | number; meta: { id: string } };
  };
  const projects: number[] = [];
  for (let d = 0; d < count("departments"); d++) {
    const department = await post("/api/v1/org-unit/departments", {
      name: `bench-d${d}`,
      clusterId: CLUSTER_ID,
      resources: [{ nodePool: { id: "1" }, gpu: { deserved: 8 } }],
    });
    for (let p = 0; p < count("projects-per-department"); p++) {
      const project = await post("/api/v1/org-unit/projects", {
        name: `bench-d${d}-p${p}`,
        clusterId: CLUSTER_ID,
        parentId: String(department.id),
        resources: [{ nodePool: { id: "1" }, gpu: { deserved: 0 } }],
      });
      projects.push(Number(project.id));
    }
  }
  let credentialId = "";
  for (const [kind, body] of Object.entries(CREDENTIALS)) {
    await inParallel([...Array(count("credentials-per-kind")).keys()], 8, async (i) => {
      const created = await post(`/api/v1/asset/${kind}`, body(`bench-${kind.split("/")[1]}-${i}`));
      credentialId ||= String(created.meta.id);
    });
  }
  for (const [kind, body] of Object.entries(ASSETS)) {
    await inParallel([...Array(count("assets-per-kind")).keys()], 8, async (i) => {
      const asset = body(`bench-${kind.split("/").pop()}-${i}`, projects[i % projects.length]) as { spec: Record<string, unknown> };
      if ("credentialAssetId" in asset.spec) asset.spec.credentialAssetId = credentialId;
      await post(`/api/v1/asset/${kind}`, asset);
    });
  }
  const apps = [...Array(count("apps")).keys()].map((i) => `bench-app-${i}`);
  await inParallel(apps, 8, async (name) => void (await post("/api/v1/apps", { name })));
  const roles = (await api.api("GET", "/api/v1/authorization/roles")).body as { id: number; name: string }[];
  const viewer = roles.find((role) => role.name === "Viewer")!.id;
  await inParallel([...Array(count("rules")).keys()], 8, async (i) => {
    const subject = apps[i % apps.length];
    const scopeId = String(projects[Math.floor(i / apps.length) * 7 + (i % 7)] ?? projects[i % projects.length]);
    await post("/api/v1/authorization/access-rules", {
      subjectType: "app",
      subjectId: subject,
      roleId: viewer,
      scopeType: "project",
      scopeId,
    });
  });
  return made;
}

async function main(): Promise<void> {
  const api = await EmulatorHarness.start({ quiet: true, syncDelayMs: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-export-"));
  try {
    const made = await build(api);
    const latencyMs = count("latency-ms");
    if (latencyMs > 0) await api.setFaults([{ latencyMs }]);
    await api.resetCounters();
    const settings = api.adminSettings();
    const env = {
      RUNAI_URL: settings["runai:url"],
      RUNAI_CLIENT_ID: settings["runai:clientId"],
      RUNAI_CLIENT_SECRET: settings["runai:clientSecret"],
    };
    let stderr = "";
    const started = performance.now();
    const code = await runExport(["--out", path.join(dir, "import.json")], { cwd: dir, env, stderr: (text) => (stderr += text) });
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`runai-export exited with ${code}:\n${stderr}`);
    const counters = await api.counters();
    const exported = fs
      .readdirSync(dir)
      .map((file) => (JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { resources: unknown[] }).resources.length)
      .reduce((a, b) => a + b, 0);
    console.log(
      `runai-export benchmark: ${made} objects made by hand (plus the seed), emulator latency ${latencyMs} ms, Node ${process.version}, ${os.cpus().length} CPUs`,
    );
    console.log("");
    console.log("| request | count |");
    console.log("|---|---|");
    let total = 0;
    for (const [route, byStatus] of Object.entries(counters).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const n = Object.values(byStatus).reduce((a, b) => a + b, 0);
      total += n;
      console.log(`| \`${route}\` | ${n} |`);
    }
    console.log(`| total | ${total} |`);
    console.log("");
    console.log(`${exported} resources exported in ${seconds.toFixed(2)} s`);
    console.log(
      stderr
        .split("\n")
        .filter((line) => line.startsWith("wrote") || line.startsWith("left out"))
        .join("\n"),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await api.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
