// Durability of the state file: every acknowledged write survives a restart, including a kill -9
// in the middle of a write burst, and the file is always complete JSON. The CLI runs as a child
// process from the TypeScript source (bin/runai-emulator.js needs a build).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ENVIRONMENTS, EmulatorHarness } from "../support/emulator";
import { environmentBody } from "./helpers";

jest.setTimeout(30_000);

const REPO = path.join(__dirname, "../..");
const CLI = path.join(REPO, "src/emulator/cli.ts");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "runai-emulator-state-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Child {
  process: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function runCli(args: string[]): Child & { started: Promise<void> } {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CLI, ...args], {
    cwd: REPO,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  const result = {
    process: child,
    url: "",
    output: () => output,
    exited: new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    ),
    started: Promise.resolve(),
  };
  result.started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match && !result.url) {
        result.url = match[1];
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code} before listening:\n${output}`)));
  });
  return result;
}

async function startChild(stateFile: string): Promise<Child> {
  const child = runCli(["--port", "0", "--state-file", stateFile, "--sync-delay-ms", "0", "--quiet"]);
  await child.started;
  return child;
}

async function adminToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grantType: "client_credentials", clientId: "runai-admin", clientSecret: "runai-admin-secret" }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const post = (url: string, token: string, urlPath: string, body: unknown) =>
  fetch(url + urlPath, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

test("kill -9 mid-burst: every acknowledged create is in the state file after a restart", async () => {
  const stateFile = path.join(dir, "state.json");
  const first = await startChild(stateFile);
  const token = await adminToken(first.url);
  const app = (await (await post(first.url, token, "/api/v1/apps", { name: "ci-bot" })).json()) as { secret: string };

  const acknowledged: string[] = [];
  let killed = false;
  const KILL_AFTER = 60;
  const TOTAL = 400;
  let next = 0;
  const worker = async () => {
    while (next < TOTAL && !killed) {
      const i = next++;
      try {
        const res = await post(first.url, token, ENVIRONMENTS, environmentBody(`burst-${i}`));
        if (res.status === 202) {
          acknowledged.push(((await res.json()) as { meta: { id: string } }).meta.id);
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            first.process.kill("SIGKILL");
          }
        }
      } catch {
        // in flight when the process died: not acknowledged, may or may not be persisted
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const exit = await first.exited;
  expect(exit.signal).toBe("SIGKILL");
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(acknowledged.length).toBeLessThan(TOTAL); // the kill really happened mid-burst

  // The file is complete JSON and holds no plaintext secret.
  const text = fs.readFileSync(stateFile, "utf8");
  expect(() => JSON.parse(text)).not.toThrow();
  expect(text).not.toContain(app.secret);
  expect(text).toContain("secretHash");

  const second = await startChild(stateFile);
  try {
    // Temp files of the killed process are removed at start.
    expect(fs.readdirSync(dir).filter((name) => name.includes(".tmp-"))).toEqual([]);
    // The token issued before the crash is still valid (the signing key is persisted).
    const res = await fetch(`${second.url}${ENVIRONMENTS}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const ids = new Set(((await res.json()) as { entries: Array<{ meta: { id: string } }> }).entries.map((e) => e.meta.id));
    const missing = acknowledged.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    // The app's secret (stored as a salted hash) still authenticates.
    const appToken = await fetch(`${second.url}/api/v1/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grantType: "client_credentials", clientId: "ci-bot", clientSecret: app.secret }),
    });
    expect(appToken.status).toBe(200);
  } finally {
    second.process.kill("SIGTERM");
    await second.exited;
  }
});

test("SIGTERM stops the CLI cleanly after printing the URL, credentials and organisation", async () => {
  const child = await startChild(path.join(dir, "state.json"));
  expect((await fetch(`${child.url}/__emulator/counters`)).status).toBe(200);
  child.process.kill("SIGTERM");
  expect(await child.exited).toEqual({ code: 0, signal: null });
  const output = child.output();
  for (const expected of [
    "admin client id:     runai-admin",
    "admin client secret: runai-admin-secret",
    "tenant id:           1",
    "cluster id:          7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31",
    "department:          101 research",
    "project:             1001 team-a (department 101)",
    "project:             1003 team-c (department 102)",
    "received SIGTERM, stopping",
  ]) {
    expect(output).toContain(expected);
  }
});

test("the CLI takes per-method and per-route faults at start, from flags and from a file", async () => {
  const faultsFile = path.join(dir, "faults.json");
  fs.writeFileSync(
    faultsFile,
    JSON.stringify({ rules: [{ method: "GET", route: "/api/v1/apps", errorRate: 1, errorStatus: 429, retryAfterSeconds: 7 }] }),
  );
  const child = runCli([
    "--port",
    "0",
    "--quiet",
    "--faults-file",
    faultsFile,
    "--fault-method",
    "post",
    "--fault-route",
    "/api/v1/apps",
    "--error-rate",
    "1",
  ]);
  await child.started;
  try {
    const faults = await (await fetch(`${child.url}/__emulator/faults`)).json();
    expect(faults).toEqual({
      rules: [
        { method: "GET", route: "/api/v1/apps", errorRate: 1, errorStatus: 429, retryAfterSeconds: 7 },
        { method: "POST", route: "/api/v1/apps", errorRate: 1 },
      ],
    });
    const token = await adminToken(child.url);
    const list = await fetch(`${child.url}/api/v1/apps`, { headers: { authorization: `Bearer ${token}` } });
    expect([list.status, list.headers.get("retry-after")]).toEqual([429, "7"]);
    const create = await fetch(`${child.url}/api/v1/apps`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "ci-bot" }),
    });
    expect(create.status).toBe(503);
    // Other routes are untouched.
    expect((await fetch(`${child.url}/api/v1/asset/environment`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  } finally {
    child.process.kill("SIGTERM");
    await child.exited;
  }
});

test("the CLI refuses a route scope without a fault, naming the flags", async () => {
  const child = runCli(["--fault-route", "/api/v1/apps"]);
  child.started.catch(() => undefined);
  expect((await child.exited).code).toBe(2);
  expect(child.output()).toContain(
    "runai-emulator: --fault-method and --fault-route scope a fault: give a fault flag too (e.g. --error-rate)",
  );
});

test("the CLI refuses bad flags with exit code 2", async () => {
  const child = runCli(["--port", "abc"]);
  child.started.catch(() => undefined);
  expect((await child.exited).code).toBe(2);
  expect(child.output()).toContain('runai-emulator: --port: expected a number, got "abc"');
});

test("concurrent writes in one process are all persisted (group commit loses nothing)", async () => {
  const stateFile = path.join(dir, "state.json");
  const first = await EmulatorHarness.start({ stateFile, syncDelayMs: 0, quiet: true, checkContract: true });
  let renamed;
  try {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => first.call("POST", ENVIRONMENTS, { body: environmentBody(`c-${i}`) })),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    renamed = await first.call("PUT", `${ENVIRONMENTS}/${results[0].body.meta.id}`, { body: { meta: { name: "renamed" }, spec: {} } });
    expect(renamed.status).toBe(202);
  } finally {
    await first.stop();
  }

  const second = await EmulatorHarness.start({ stateFile, syncDelayMs: 0, quiet: true, checkContract: true });
  try {
    const entries = (await second.call("GET", ENVIRONMENTS)).body.entries;
    expect(entries).toHaveLength(50);
    expect(entries[0]).toEqual(renamed.body);
  } finally {
    await second.stop();
  }
});

test("a corrupt state file is refused, never silently reset", async () => {
  const stateFile = path.join(dir, "state.json");
  fs.writeFileSync(stateFile, '{"version":1,"assets":[');
  await expect(EmulatorHarness.start({ stateFile, checkContract: true })).rejects.toThrow(`state file ${stateFile} is not valid JSON`);
});

test("departments, projects, access rules and the id counters survive a restart; a version 1 file keeps the seed", async () => {
  const stateFile = path.join(dir, "state.json");
  const cluster = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
  const first = await EmulatorHarness.start({ stateFile, syncDelayMs: 0, quiet: true });
  await first.api("POST", "/api/v1/org-unit/departments", { name: "vision", clusterId: cluster, resources: [] });
  await first.api("POST", "/api/v1/org-unit/projects", { name: "team-d", clusterId: cluster, parentId: "103", resources: [] });
  await first.api("DELETE", "/api/v1/org-unit/projects/1002");
  const app = await first.createApp("ci-bot");
  const rule = await first.grant("ci-bot", 7, "project", "1004");
  await first.stop();

  const second = await EmulatorHarness.start({ stateFile, syncDelayMs: 0, quiet: true });
  try {
    expect(second.emulator.organisation.projects.map((p) => p.id)).toEqual([1001, 1003, 1004]);
    expect((await second.api("GET", "/api/v1/org-unit/departments/103")).body.name).toBe("vision");
    expect((await second.api("GET", `/api/v1/authorization/access-rules/${rule.id}`)).body).toMatchObject({ scopeId: "1004", roleId: 7 });
    // The app's rule still works, and ids carry on where they were.
    const token = (await second.tryToken("ci-bot", app.secret))!;
    const env = await second.call("POST", ENVIRONMENTS, { body: environmentBody("e", { scope: "project", projectId: 1004 }), token });
    expect(env.status).toBe(202);
    const next = await second.api("POST", "/api/v1/org-unit/projects", {
      name: "team-e",
      clusterId: cluster,
      parentId: "101",
      resources: [],
    });
    expect(next.body.id).toBe("1005");
  } finally {
    await second.stop();
  }

  const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  fs.writeFileSync(stateFile, JSON.stringify({ version: 1, jwtKey: state.jwtKey, assets: [], apps: [] }));
  const third = await EmulatorHarness.start({ stateFile, syncDelayMs: 0, quiet: true });
  try {
    expect((await third.api("GET", "/api/v1/org-unit/projects")).body.projects.map((p: any) => p.id)).toEqual(["1001", "1002", "1003"]);
  } finally {
    await third.stop();
  }
});
