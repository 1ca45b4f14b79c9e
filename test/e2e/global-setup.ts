// Runs once before the e2e project (and only when e2e tests are selected): makes sure the real
// pulumi CLI exists (building it on the first run) and hands its directory to the test workers
// through the environment. This is the one place the tests call scripts/ensure-pulumi.sh: the npm
// scripts do not, so `npm test` checks for (or builds) the CLI exactly once.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export default function globalSetup(): void {
  const repoRoot = path.resolve(__dirname, "../..");
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
