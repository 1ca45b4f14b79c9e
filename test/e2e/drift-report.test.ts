// The CI drift gate (examples/ci/drift-gate.sh, the script examples/ci/drift-gate.yml runs) and the
// drift report (examples/drift-report, an Automation API program) against one stack: with no drift
// both pass; after a hand edit of one asset the gate fails and the report names exactly that asset
// and the edited fields with their old and new values; a secret's values never show.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CONFIG_MAPS, EmulatorHarness } from "../support/emulator";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const TYPE = "pulumi-nodejs:dynamic/runai:ConfigMapAsset";
const STACK = "organization/drift-e2e/dev";
const SEALED = "the sealed description";
const workflowFile = path.join(repoRoot, "examples/ci/drift-gate.yml");
const gateScript = "examples/ci/drift-gate.sh";
const reportDir = path.join(repoRoot, "examples/drift-report");

let emulator: EmulatorHarness;
let stack: TestStack;
let ids: Record<string, string>;
let outDir: string;

beforeAll(async () => {
  emulator = await EmulatorHarness.start();
  stack = await TestStack.create({
    program: path.join(__dirname, "programs/drift"),
    stackName: STACK,
    config: { ...emulator.stackConfig(), sealedDescription: { value: SEALED, secret: true } },
  });
  await stack.up();
  const outputs = await stack.outputs();
  ids = { edited: outputs.editedId as string, untouched: outputs.untouchedId as string, sealed: outputs.sealedId as string };
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-drift-"));
});
afterAll(async () => {
  await stack?.cleanup();
  await emulator?.stop();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The drift report, run as its README says. */
function driftReport(): Promise<Run> {
  return run("node", ["-r", "ts-node/register/transpile-only", "index.ts", "--stack", STACK, "--cwd", stack.workDir], reportDir, stack.env);
}

/** The gate, run as the workflow runs it: the same command line, from the repository root, with the job's variables. */
async function driftGate(name: string): Promise<Run & { summary: string; report?: any }> {
  const summary = path.join(outDir, `${name}-summary.md`);
  const reportFile = path.join(outDir, `${name}-report.json`);
  const result = await run("bash", ["-c", gateCommand()], repoRoot, {
    ...stack.env,
    STACK,
    PROGRAM_DIR: stack.workDir,
    DRIFT_REPORT_DIR: "examples/drift-report",
    REPORT_FILE: reportFile,
    GITHUB_STEP_SUMMARY: summary,
  });
  return {
    ...result,
    summary: fs.existsSync(summary) ? fs.readFileSync(summary, "utf8") : "",
    report: fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, "utf8")) : undefined,
  };
}

/** The workflow's "Drift gate" step: its `run:` line. */
function gateCommand(): string {
  const match = /- name: Drift gate\n\s+run: (.+)\n/.exec(fs.readFileSync(workflowFile, "utf8"));
  if (!match) throw new Error(`${workflowFile} has no "Drift gate" step with a one-line run:`);
  return match[1];
}

/** Edits an asset behind Pulumi's back, as someone in the Run:ai UI would. */
async function editByHand(id: string, edit: { description?: string; mountPath?: string }): Promise<void> {
  const { body: current } = await emulator.api("GET", `${CONFIG_MAPS}/${id}`);
  const meta = { name: current.meta.name, description: edit.description ?? current.meta.description };
  const response = await emulator.api("PUT", `${CONFIG_MAPS}/${id}`, {
    meta,
    spec: { ...current.spec, mountPath: edit.mountPath ?? current.spec.mountPath },
  });
  expect(response.status).toBe(202);
}

const urn = (name: string) => `urn:pulumi:dev::drift-e2e::${TYPE}::${name}`;

test("the workflow's drift gate step runs the gate script, which runs the preview the README documents", () => {
  expect(gateCommand()).toBe(`bash ${gateScript}`);
  const workflow = fs.readFileSync(workflowFile, "utf8");
  expect(workflow).toMatch(/^ {4}- cron: /m);
  expect(workflow).toContain("workflow_dispatch:");
  expect(workflow).toContain("DRIFT_REPORT_DIR: examples/drift-report\n");
  expect(fs.readFileSync(path.join(repoRoot, gateScript), "utf8")).toContain("pulumi preview --refresh --expect-no-changes");
});

test("with no drift the report lists none and exits 0, and the gate passes", async () => {
  const report = await driftReport();
  expect({ code: report.code, stderr: report.stderr }).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(report.stdout)).toEqual({ stack: STACK, drifted: [], programChanges: [] });

  const gate = await driftGate("clean");
  expect(gate.code).toBe(0);
  expect(gate.summary).toBe(`### No drift in \`${STACK}\`\n`);
});

test("after a hand edit the gate fails, and the report names exactly that asset and the edited fields", async () => {
  await editByHand(ids.edited, { description: "edited by hand", mountPath: "/etc/by-hand" });

  const gate = await driftGate("edited");
  expect(gate.code).toBe(2);
  expect(gate.stderr).toMatch(/no changes were expected .*but changes were proposed/); // the preview's own complaint
  expect(gate.report).toEqual({
    stack: STACK,
    drifted: [
      {
        urn: urn("edited"),
        type: TYPE,
        name: "edited",
        id: ids.edited,
        change: "modified",
        fields: [
          { path: "meta.description", old: "settings for training", new: "edited by hand" },
          { path: "spec.mountPath", old: "/etc/training", new: "/etc/by-hand" },
        ],
      },
    ],
    programChanges: [],
  });
  expect(gate.summary).toContain(`### Drift in \`${STACK}\``);
  expect(gate.summary).toContain(`| \`edited\` | \`${TYPE}\` | \`spec.mountPath\` | \`"/etc/training"\` | \`"/etc/by-hand"\` |`);
});

test("a hand edit of a secret field is reported with [secret] values, and no secret value is printed", async () => {
  await editByHand(ids.sealed, { description: "changed by hand" });

  const report = await driftReport();
  expect(report.code).toBe(2);
  const { drifted } = JSON.parse(report.stdout);
  expect(drifted.map((r: { name: string }) => r.name).sort()).toEqual(["edited", "sealed"]);
  const sealed = drifted.find((r: { name: string }) => r.name === "sealed");
  expect(sealed.fields).toEqual([{ path: "meta.description", old: "[secret]", new: "[secret]" }]);
  expect(report.stdout + report.stderr).not.toContain(SEALED);
  expect(report.stdout + report.stderr).not.toContain("changed by hand");
});
