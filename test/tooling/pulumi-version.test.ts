// One source for the pinned Pulumi version: tools/pulumi-cli/go.mod (what `pulumi` is built from).
// scripts/ensure-pulumi.sh and the smoke test read it from there; the places that must write it out
// (npm ranges, the README) are checked against it here, so a version bump that misses one fails.
import * as fs from "node:fs";
import * as path from "node:path";
import { ENSURE_PULUMI, goModRequirement, minimumPulumiVersion, pinnedPulumiVersion } from "../support/pulumi-version";

const repoRoot = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), "utf8");
const readJson = (file: string) => JSON.parse(read(file)) as Record<string, Record<string, string> | undefined>;

const pinned = pinnedPulumiVersion();
const [major, minor] = pinned.split(".");
const pkg = readJson("package.json");
const devRange = pkg.devDependencies?.["@pulumi/pulumi"];

describe(`the pinned Pulumi version (${pinned}, from tools/pulumi-cli/go.mod)`, () => {
  it("is the version of both pulumi modules go.mod requires", () => {
    expect(goModRequirement("github.com/pulumi/pulumi/sdk/v3")).toBe(pinned);
  });

  it("is never written in scripts/ensure-pulumi.sh, which reads it from go.mod", () => {
    const script = fs.readFileSync(ENSURE_PULUMI, "utf8");
    expect(script).toContain("tools/pulumi-cli");
    expect(script.split("\n").filter((line) => line.includes(pinned))).toEqual([]);
  });

  it(`is what package.json's @pulumi/pulumi dev dependency installs (~${major}.${minor}.x)`, () => {
    const tilde = /^~(\d+)\.(\d+)\.(\d+)$/.exec(devRange ?? "");
    expect({ devRange, major: tilde?.[1], minor: tilde?.[2] }).toEqual({ devRange, major, minor });
    expect(Number(tilde![3])).toBeLessThanOrEqual(Number(pinned.split(".")[2]));
  });

  it("is the @pulumi/pulumi range of every example that declares one", () => {
    const ranges = Object.fromEntries(
      [
        ...fs.readdirSync(path.join(repoRoot, "examples")).map((dir) => path.join("examples", dir)),
        ...fs.readdirSync(path.join(repoRoot, "examples/resources")).map((dir) => path.join("examples/resources", dir)),
      ]
        .map((dir) => path.join(dir, "package.json"))
        .filter((file) => fs.existsSync(path.join(repoRoot, file)))
        .map((file) => {
          const example = readJson(file);
          return [file, example.dependencies?.["@pulumi/pulumi"] ?? example.devDependencies?.["@pulumi/pulumi"]];
        })
        .filter(([, range]) => range !== undefined),
    );
    expect(Object.keys(ranges).length).toBeGreaterThan(0);
    expect(ranges).toEqual(Object.fromEntries(Object.keys(ranges).map((file) => [file, devRange])));
  });

  it("is the CLI version the CI example installs", () => {
    const workflows = fs.readdirSync(path.join(repoRoot, "examples/ci")).filter((file) => /\.ya?ml$/.test(file));
    const installed = workflows.flatMap((file) =>
      [...read(path.join("examples/ci", file)).matchAll(/pulumi-version:\s*["']?v?([^\s"']+)/g)].map((m) => ({ file, version: m[1] })),
    );
    expect(installed.length).toBeGreaterThan(0);
    expect(installed).toEqual(installed.map(({ file }) => ({ file, version: pinned })));
  });

  it("is the only CLI version (v…) the README and CONTRIBUTING.md name", () => {
    for (const doc of ["README.md", "CONTRIBUTING.md"].filter((file) => fs.existsSync(path.join(repoRoot, file)))) {
      const named = [...read(doc).matchAll(/\bv(\d+\.\d+\.\d+)\b/g)].map((m) => m[1]);
      expect({ doc, named: [...new Set(named)] }).toEqual({ doc, named: doc === "README.md" || named.length ? [pinned] : [] });
    }
  });
});

describe("the oldest supported Pulumi", () => {
  const minimum = minimumPulumiVersion();
  const short = minimum.replace(/\.0$/, "");

  it("is the lower bound of the @pulumi/pulumi peer dependency", () => {
    expect(pkg.peerDependencies?.["@pulumi/pulumi"]).toMatch(new RegExp(`^>=\\s*${minimum.replace(/\./g, "\\.")}\\s`));
  });

  it("is the one the README states (≥ x.y)", () => {
    const stated = [...read("README.md").matchAll(/(?:≥|>=)\s*v?(3\.\d+(?:\.\d+)?)/g)].map((m) => m[1].replace(/\.0$/, ""));
    expect(stated.length).toBeGreaterThan(0);
    expect([...new Set(stated)]).toEqual([short]);
  });
});
