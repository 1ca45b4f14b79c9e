// The benchmarks still run against the current code (their numbers are read by people, never
// asserted here): a tiny run of each must finish and print its table.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const bench = (script: string, args: string[]) =>
  execFileSync(process.execPath, [path.join(__dirname, "../../bench", script), ...args], { encoding: "utf8", timeout: 60_000 });

describe("the benchmarks", () => {
  it("bench/provider.js runs every operation", () => {
    const table = bench("provider.js", ["--assets", "5", "--concurrency", "2"]);
    for (const row of ["check (environment", "diff (environment", "create ConfigMap asset", "read with status", "delete"]) {
      expect(table).toContain(row);
    }
  }, 60_000);

  it("bench/export.ts exports a small tenant with one list request per kind", () => {
    const args = ["-r", "ts-node/register/transpile-only", path.join(__dirname, "../../bench/export.ts")];
    const sizes = ["--departments", "1", "--projects-per-department", "2", "--credentials-per-kind", "1", "--assets-per-kind", "1"];
    const table = execFileSync(process.execPath, [...args, ...sizes, "--apps", "2", "--rules", "2", "--latency-ms", "0"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(table).toContain("| `GET /api/v1/org-unit/projects` | 1 |");
    expect(table).toMatch(/\d+ resources exported in [\d.]+ s/);
  }, 60_000);

  it("bench/emulator.js runs", () => {
    expect(bench("emulator.js", ["--requests", "200", "--seconds", "1"])).toMatch(/\d/);
  }, 60_000);
});
