// The Pulumi version this repository pins, read from its one source: the `pulumi/pkg/v3` requirement
// of tools/pulumi-cli/go.mod, the module scripts/ensure-pulumi.sh builds `pulumi` from. Everything
// else that names the version (package.json, the examples, the README, the smoke test) is checked
// against it by test/tooling/pulumi-version.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";

const repoRoot = path.resolve(__dirname, "../..");
export const GO_MOD = path.join(repoRoot, "tools/pulumi-cli/go.mod");
export const ENSURE_PULUMI = path.join(repoRoot, "scripts/ensure-pulumi.sh");

/** The version go.mod requires for a Go module path, without the leading "v"; undefined if none. */
export function goModRequirement(modulePath: string, goMod = fs.readFileSync(GO_MOD, "utf8")): string | undefined {
  const escaped = modulePath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\s*(?:require\\s+)?${escaped}\\s+v(\\S+)`, "m").exec(goMod)?.[1];
}

/** The pinned Pulumi version, e.g. "3.248.0" (no "v"). */
export function pinnedPulumiVersion(): string {
  const version = goModRequirement("github.com/pulumi/pulumi/pkg/v3");
  if (!version) throw new Error(`${GO_MOD} does not require github.com/pulumi/pulumi/pkg/v3`);
  return version;
}

/** The oldest `pulumi` CLI scripts/ensure-pulumi.sh accepts from PATH (its MIN_VERSION), e.g. "3.139.0". */
export function minimumPulumiVersion(): string {
  const version = /^MIN_VERSION="([^"]+)"/m.exec(fs.readFileSync(ENSURE_PULUMI, "utf8"))?.[1];
  if (!version) throw new Error(`${ENSURE_PULUMI} has no MIN_VERSION="…" line`);
  return version;
}

/** Compares two x.y.z versions (pre-release and build suffixes ignored): <0, 0 or >0. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, "").split(/[-+]/)[0].split(".").map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
