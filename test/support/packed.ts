// The package as a user gets it: `npm pack` of this repository into a scratch folder outside it,
// with an emulator to point the user's project at. For the tests that install the tarball.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { EmulatorHarness } from "./emulator";
import { repoRoot } from "./pulumi-stack";

const run = promisify(execFile);

export interface PackedPackage {
  emulator: EmulatorHarness;
  /** The tarball's path. */
  tarball: string;
  /** A folder outside the repository for the user's projects; removed afterwards. */
  scratch: string;
}

/**
 * Packs the package and starts an emulator before the file's tests, and cleans both up after them.
 * The returned object is filled in by the time the tests run.
 */
export function packedPackage(scratchPrefix: string): PackedPackage {
  const packed = { scratch: fs.mkdtempSync(path.join(os.tmpdir(), scratchPrefix)) } as PackedPackage;
  beforeAll(async () => {
    packed.emulator = await EmulatorHarness.start();
    // dist/ is built by `npm test`; --ignore-scripts keeps pack from rebuilding it.
    const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packed.scratch], { cwd: repoRoot });
    packed.tarball = path.join(packed.scratch, (JSON.parse(stdout) as { filename: string }[])[0].filename);
  }, 120_000);
  afterAll(async () => {
    await packed.emulator?.stop();
    fs.rmSync(packed.scratch, { recursive: true, force: true });
  });
  return packed;
}
