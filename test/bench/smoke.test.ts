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

  it("bench/emulator.js runs", () => {
    expect(bench("emulator.js", ["--requests", "200", "--seconds", "1"])).toMatch(/\d/);
  }, 60_000);
});
