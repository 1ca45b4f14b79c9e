#!/usr/bin/env node
// npm run package:plugin: the runai resource provider plugin as a tarball for `pulumi plugin install
// resource runai <version> --file <tarball>`, for programs in any language:
//   pulumi-resource-runai-v<version>-linux-amd64.tar.gz
//     pulumi-resource-runai          the shell shim the engine runs (bin/pulumi-resource-runai)
//     package.json, dist/            the compiled package, dist/plugin/schema.json included
//     node_modules/                  the production dependencies and @pulumi/pulumi (the plugin's
//                                    gRPC server), copied from this checkout's node_modules
// No PulumiPlugin.yaml: with one, the engine would start the plugin through a Node language host
// and `plugin install` would run its dependency installation; the shim needs neither. Node.js ≥ 20
// must be on PATH where the plugin runs.
// Usage: node scripts/package-plugin.js [output directory] (default: the repository root).
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const outDir = path.resolve(process.argv[2] ?? root);
const tarball = path.join(outDir, `pulumi-resource-runai-v${pkg.version}-linux-amd64.tar.gz`);

for (const file of ["dist/plugin/main.js", "dist/plugin/schema.json"]) {
  if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run npm run build first`);
}

// Only the shim and package.json are written; dist/ and node_modules/ go into the archive from
// where they are (no copy of 70 MB first). Links are archived as the files they point to: the
// engine's plugin extractor accepts regular files and directories only.
const staging = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-resource-runai-"));
try {
  // The shim finds the package one level up from its own directory; at the tarball's root it is
  // the plugin directory itself, so it gets a copy that looks in its own directory.
  const shim = fs
    .readFileSync(path.join(root, "bin/pulumi-resource-runai"), "utf8")
    .replace('"$(dirname "$self")/.."', '"$(dirname "$self")"');
  if (!shim.includes('"$(dirname "$self")"')) throw new Error("bin/pulumi-resource-runai changed: update scripts/package-plugin.js");
  fs.writeFileSync(path.join(staging, "pulumi-resource-runai"), shim, { mode: 0o755 });
  fs.writeFileSync(path.join(staging, "package.json"), JSON.stringify({ ...pkg, scripts: {}, devDependencies: {} }, null, 2) + "\n");
  fs.mkdirSync(outDir, { recursive: true });
  const list = path.join(staging, "files");
  // A package nested in another's node_modules comes with its parent: listing it again would
  // archive it twice, the second time as hard links.
  const packages = productionPackages();
  const outermost = packages.filter((dir) => !packages.some((other) => dir.startsWith(other + path.sep)));
  fs.writeFileSync(list, ["dist", ...outermost].join("\n") + "\n");
  execFileSync("tar", [
    "-czf",
    tarball,
    "--dereference",
    "--hard-dereference",
    // Source maps are not needed to run; `.bin` links are commands for npm scripts, and as copies
    // they would be the same files archived twice (as hard links).
    "--exclude=*.map",
    "--exclude=.bin",
    "-C",
    staging,
    "pulumi-resource-runai",
    "package.json",
    "-C",
    root,
    "-T",
    list,
  ]);
  console.log(`wrote ${path.relative(process.cwd(), tarball) || tarball}`);
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}

/**
 * The node_modules directories (relative to the root) the plugin loads: the package's dependencies
 * and its peer @pulumi/pulumi, with everything they depend on, found as Node would resolve them.
 */
function productionPackages() {
  const found = new Set();
  const queue = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})].map((name) => ({ name, from: root }));
  while (queue.length > 0) {
    const { name, from } = queue.shift();
    const dir = resolvePackage(name, from);
    if (!dir) continue; // an optional dependency not installed on this platform
    const relative = path.relative(root, dir);
    if (found.has(relative)) continue;
    found.add(relative);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) queue.push({ name: dep, from: dir });
  }
  return [...found].sort();
}

function resolvePackage(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}
