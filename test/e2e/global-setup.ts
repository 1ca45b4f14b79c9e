// Runs once before the e2e project (and only when e2e tests are selected): makes sure the real
// pulumi CLI exists (building it on the first run) and hands its directory to the test workers
// through the environment. This is the one place the tests call scripts/ensure-pulumi.sh: the npm
// scripts do not, so `npm test` checks for (or builds) the CLI exactly once.
// It also starts the Go test program's build (scripts/ensure-go-program.sh) and the Kubernetes
// provider plugin's (scripts/ensure-kubernetes.sh) in the background.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export default function globalSetup(): void {
  const repoRoot = path.resolve(__dirname, "../..");
  startBackgroundBuild(repoRoot, "ensure-go-program.sh", "pulumi-runai-go-program-build.log");
  startBackgroundBuild(repoRoot, "ensure-kubernetes.sh", "pulumi-runai-kubernetes-build.log");
  const out = execFileSync("bash", [path.join(repoRoot, "scripts/ensure-pulumi.sh")], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  const binDir = out.trim().split("\n").pop() ?? "";
  process.env.PULUMI_BIN_DIR = binDir;
  const version = execFileSync(path.join(binDir, "pulumi"), ["version"], { encoding: "utf8" }).trim();
  process.stderr.write(`\ne2e: real pulumi CLI ${version} at ${path.join(binDir, "pulumi")}\n`);
}

/**
 * Starts a build script in the background (minutes on the first run, nothing once cached): the
 * tests that need its output (go-automation.test.ts, cluster-stack.test.ts) run the same script,
 * which waits for this build instead of starting its own. Without Go there is nothing to start;
 * those tests say so.
 */
function startBackgroundBuild(repoRoot: string, script: string, logName: string): void {
  const log = fs.openSync(path.join(os.tmpdir(), logName), "w");
  const child = spawn("bash", [path.join(repoRoot, "scripts", script)], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", log, log],
  });
  child.on("error", () => undefined);
  child.unref();
  fs.closeSync(log);
}
