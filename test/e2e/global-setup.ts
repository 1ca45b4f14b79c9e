// Runs once before the e2e project (and only when e2e tests are selected): makes sure the real
// pulumi CLI exists (building it on the first run) and hands its directory to the test workers
// through the environment. This is the one place the tests call scripts/ensure-pulumi.sh: the npm
// scripts do not, so `npm test` checks for (or builds) the CLI exactly once.
// It also starts the Go test program's build in the background (scripts/ensure-go-program.sh).
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export default function globalSetup(): void {
  const repoRoot = path.resolve(__dirname, "../..");
  startGoProgramBuild(repoRoot);
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
 * Starts building the Go Automation-API program of test/e2e/go-automation.test.ts in the background
 * (minutes on the first run, nothing once cached): the test runs the same script, which waits for
 * this build instead of starting its own. Without Go there is nothing to start; that test says so.
 */
function startGoProgramBuild(repoRoot: string): void {
  const log = fs.openSync(path.join(os.tmpdir(), "pulumi-runai-go-program-build.log"), "w");
  const child = spawn("bash", [path.join(repoRoot, "scripts/ensure-go-program.sh")], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", log, log],
  });
  child.on("error", () => undefined);
  child.unref();
  fs.closeSync(log);
}
