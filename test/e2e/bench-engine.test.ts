// The engine benchmark still runs against the current code (its numbers are read by people, never
// asserted): two resources of one kind, once, through the real CLI, printing its table and JSON, with
// the dynamic host, the plugin host and both floors.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// bench/engine.ts drives the real pulumi CLI (found or built by scripts/ensure-pulumi.sh when
// PULUMI_BIN_DIR is unset) against an in-process emulator: two resources of one kind, once.
describe("the engine benchmark", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-engine-smoke-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("bench/engine.ts prints the table for a kind against the floor and writes it as JSON", async () => {
    const json = path.join(dir, "engine.json");
    const profile = path.join(dir, "profile");
    const args = [
      "--n",
      "2",
      "--kinds",
      "ConfigMapAsset",
      "--wait-for-sync",
      "false",
      "--scaling",
      "none",
      // Every stack with PULUMI_SKIP_CHECKPOINTS=true: the same cost as the default, and the switch's path.
      "--skip-checkpoints",
      "true",
      // One sample of each phase: the table and the JSON have the same shape with more (each phase's
      // `samples`, its median in `seconds`), and each extra sample is four more CLI runs.
      "--read-samples",
      "1",
      "--json",
      json,
      "--profile",
      profile,
    ];
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["-r", "ts-node/register/transpile-only", path.join(__dirname, "../../bench/engine.ts"), ...args],
        { cwd: path.join(__dirname, "../.."), encoding: "utf8", timeout: 540_000, maxBuffer: 16 * 1024 * 1024 },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${out}\n${err}`)) : resolve(out)),
      ),
    );

    expect(stdout).toContain("ConfigMapAsset × 2, runai:waitForSync false, PULUMI_SKIP_CHECKPOINTS true");
    for (const row of ["`up` (create)", "`preview` (no changes)", "`refresh`", "`up` (update all)", "`destroy`", "state per resource"]) {
      expect(stdout).toContain(row);
    }

    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.scaling).toBeNull();
    expect(report.kinds).toHaveLength(1);
    const [result] = report.kinds;
    expect(result).toMatchObject({ kind: "ConfigMapAsset", n: 2, waitForSync: false, skipCheckpoints: true });
    // One sample of every phase, read-only ones included, as --read-samples asks.
    expect(
      Object.fromEntries(Object.entries(result.phases).map(([phase, r]) => [phase, (r as { samples: number[] }).samples.length])),
    ).toEqual({
      up: 1,
      preview: 1,
      refresh: 1,
      update: 1,
      destroy: 1,
    });
    for (const phase of ["up", "preview", "refresh", "update", "destroy"]) {
      expect(result.phases[phase]).toEqual(
        expect.objectContaining({
          seconds: expect.any(Number),
          floorSeconds: expect.any(Number),
          ratio: expect.any(Number),
          requests: expect.objectContaining({
            total: expect.any(Number),
            perResource: expect.any(Number),
            perResourceByMethod: expect.any(Object),
            token: expect.any(Number),
          }),
        }),
      );
    }
    expect(result.state).toEqual(
      expect.objectContaining({
        bytesPerResource: expect.any(Number),
        floorBytesPerResource: expect.any(Number),
        providerBytes: expect.any(Number),
        floorProviderBytes: expect.any(Number),
      }),
    );
    expect(result.state.bytesPerResource).toBeGreaterThan(0);

    // The plugin host and the no-op plugin floor, as ratios to the same floor.
    expect(stdout).toContain("ConfigMapAsset (plugin)");
    expect(stdout).toContain("no-op plugin");
    for (const host of ["plugin", "pluginFloor"]) {
      for (const phase of ["up", "preview", "refresh", "update", "destroy"]) {
        expect({ host, phase, result: result[host].phases[phase] }).toEqual({
          host,
          phase,
          result: expect.objectContaining({
            seconds: expect.any(Number),
            floorSeconds: result.phases[phase].floorSeconds,
            ratio: expect.any(Number),
            emulatorCpuSeconds: expect.any(Number),
            emulatorCpuSamples: [expect.any(Number)],
          }),
        });
      }
    }
    // Where the plugin host's CPU goes: the CLI's process tree and the emulator answering it.
    expect(stdout).toContain("CPU seconds of the plugin host (ConfigMapAsset), median of the samples:");
    expect(result.plugin.phases.up.requests).toEqual(expect.objectContaining({ perResource: expect.any(Number) }));
    // No serialized dynamic provider in the plugin host's state.
    expect(result.plugin.state.providerBytes).toBe(0);

    // --profile: CPU profiles of the engine and of every Node process, per subject and phase, which
    // bench/profile-summary.js breaks down by process and package.
    const summary = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [path.join(__dirname, "../../bench/profile-summary.js"), profile],
        { encoding: "utf8" },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${out}\n${err}`)) : resolve(out)),
      ),
    );
    expect(fs.readdirSync(profile).sort()).toEqual([
      "ConfigMapAsset-via-the-plugin-waitForSync-false-checkpoints-skipped",
      "ConfigMapAsset-waitForSync-false-checkpoints-skipped",
      "floor-ConfigMapAsset-inputs-checkpoints-skipped",
      "plugin-floor-ConfigMapAsset-inputs-checkpoints-skipped",
    ]);
    expect(summary).toContain("ConfigMapAsset-waitForSync-false-checkpoints-skipped / update");
    expect(summary).toMatch(/language host: \d+ ms busy/);
    expect(summary).toMatch(/dynamic provider: \d+ ms busy/);
    expect(summary).toMatch(/engine \(go tool pprof -top\):|engine: .*engine\.\d+\.cpu/);
  }, 600_000);
});
