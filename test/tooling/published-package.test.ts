// The package as npm publishes it: the packed package.json (what users' installs read) and the
// README as the npm page shows it, where a link to a file that is not in the package is dead.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "../..");
const REPOSITORY = "https://github.com/pulumi-runai/pulumi-runai";
/** The scripts npm runs when the package is installed (`prepare` too, for git and directory installs). */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-published-"));
let packedFiles: string[];
let packedManifest: { repository?: unknown; homepage?: unknown; bugs?: unknown; scripts?: Record<string, string> };

beforeAll(async () => {
  // --ignore-scripts: the file list and the manifest do not depend on the build (dist/ is listed by
  // `files` whether it was just rebuilt or not).
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], { cwd: repoRoot });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed.files.map((file) => file.path);
  const tarball = path.join(scratch, packed.filename);
  const manifest = await run("tar", ["-xzf", tarball, "-O", "package/package.json"]);
  packedManifest = JSON.parse(manifest.stdout) as typeof packedManifest;
}, 120_000);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

it("names the repository, its README as homepage and its issues for bugs", () => {
  expect({ repository: packedManifest.repository, homepage: packedManifest.homepage, bugs: packedManifest.bugs }).toEqual({
    repository: { type: "git", url: `git+${REPOSITORY}.git` },
    homepage: `${REPOSITORY}#readme`,
    bugs: { url: `${REPOSITORY}/issues` },
  });
});

it("runs no script when a user installs it", () => {
  expect(Object.keys(packedManifest.scripts ?? {}).filter((name) => INSTALL_SCRIPTS.includes(name))).toEqual([]);
});

it("links from its README only to files it ships, or to absolute URLs", () => {
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  const relative = targets.filter((target) => !target.startsWith("#") && !/^[a-z][a-z+.-]*:/i.test(target));
  expect(relative.length).toBeGreaterThan(0);
  expect(relative.filter((target) => !packedFiles.includes(target.split("#")[0]))).toEqual([]);
  const absolute = targets.filter((target) => target.startsWith(`${REPOSITORY}/`));
  expect(absolute.filter((target) => !/^https:\/\/github\.com\/pulumi-runai\/pulumi-runai\/(blob|tree)\/main\/[^#]+/.test(target))).toEqual(
    [],
  );
});

it("asks for `npm ci` when packed from a checkout without the dev dependencies", async () => {
  const checkout = fs.mkdtempSync(path.join(scratch, "checkout-"));
  fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(checkout, "package.json"));
  fs.mkdirSync(path.join(checkout, "scripts"));
  fs.copyFileSync(path.join(repoRoot, "scripts/require-dev-install.js"), path.join(checkout, "scripts/require-dev-install.js"));
  const failure = await run("npm", ["pack", "--dry-run"], { cwd: checkout }).then(
    () => null,
    (err: { code?: number; stderr?: string }) => err,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr).toContain(
    "pulumi-runai: packing builds dist/ with the dev dependencies, which are not installed here: run `npm ci` first\n",
  );
  expect(failure?.stderr).not.toContain("tsc: not found");
}, 60_000);
