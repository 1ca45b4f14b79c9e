// The package as users install it: `npm pack`, then a user project that installs the tarball with
// npm (against the SDK version it pins, and ours), pnpm, Yarn classic, Yarn Berry, and as an
// ES-module TypeScript program; each runs up, a no-op preview and destroy against the emulator with
// exactly one copy of @pulumi/pulumi (the program's: the package only declares it as a peer).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { Slots } from "../support/async";
import { packedPackage } from "../support/packed";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const run = promisify(execFile);
const program = path.join(__dirname, "programs/packaged");
const TYPE = "pulumi-nodejs:dynamic/runai:ConfigMapAsset";
/** The SDK version this repository pins (its own tests run on it). */
const PINNED_SDK: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules/@pulumi/pulumi/package.json"), "utf8")).version;
/** An older SDK a user's repository may already pin. */
const OLDER_SDK = "3.247.0";
const REGISTRY = "https://registry.npmjs.org/";

interface InstallCase {
  /** How the user installs, e.g. "pnpm 9". */
  label: string;
  sdk: string;
  /** Extra package.json fields and dependencies. */
  manifest?: Record<string, unknown>;
  devDependencies?: Record<string, string>;
  /** Extra files of the user project (relative path → content). */
  files?: Record<string, string>;
  /** Pulumi.yaml runtime options. */
  runtimeOptions?: Record<string, unknown>;
  /** The install command line. */
  install: string[];
  env?: Record<string, string>;
}

// Packages already in the tools' caches are taken from there without asking the registry again (the
// registry still answers for anything missing): what is installed is the same, the wait is not.
const NPM_INSTALL = ["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"];

const CASES: InstallCase[] = [
  { label: `npm, @pulumi/pulumi ${OLDER_SDK}`, sdk: OLDER_SDK, install: NPM_INSTALL },
  { label: `npm, @pulumi/pulumi ${PINNED_SDK}`, sdk: PINNED_SDK, install: NPM_INSTALL },
  {
    label: "pnpm 9",
    sdk: PINNED_SDK,
    install: ["npx", "--yes", "--prefer-offline", "pnpm@9", "install", "--prefer-offline", `--registry=${REGISTRY}`],
  },
  {
    label: "Yarn classic",
    sdk: PINNED_SDK,
    install: ["npx", "--yes", "--prefer-offline", "yarn@1", "install", "--prefer-offline", `--registry=${REGISTRY}`, "--no-lockfile"],
  },
  {
    label: "Yarn Berry (nodeLinker: node-modules)",
    sdk: PINNED_SDK,
    files: {
      ".yarnrc.yml": `nodeLinker: node-modules\nnpmRegistryServer: "${REGISTRY.replace(/\/$/, "")}"\nenableImmutableInstalls: false\n`,
    },
    install: ["npx", "--yes", "--prefer-offline", "-p", "@yarnpkg/cli-dist@4", "yarn", "install"],
  },
  {
    label: "ES modules, TypeScript (module: nodenext, ts-node/esm)",
    sdk: PINNED_SDK,
    manifest: { type: "module" },
    devDependencies: { "ts-node": "^10.9.2", typescript: "~5.9", "@types/node": "^20" },
    files: {
      "tsconfig.json": JSON.stringify({
        compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, skipLibCheck: true },
        "ts-node": { transpileOnly: true },
      }),
    },
    runtimeOptions: { nodeargs: "--loader ts-node/esm --no-warnings" },
    install: NPM_INSTALL,
  },
];

const packed = packedPackage("pulumi-runai-pack-");

it("packs only what a user needs: dist, bin, api, docs, README, LICENSE, CHANGELOG", async () => {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: repoRoot });
  const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  const topLevel = [...new Set(files.map((file) => file.split("/")[0]))].sort();
  expect(topLevel).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "api", "bin", "dist", "docs", "package.json"]);
  // The reference pages and guides, not the hand-kept notes they are generated from.
  expect(files.filter((file) => file.startsWith("docs/notes/"))).toEqual([]);
  expect(files.filter((file) => /\.test\.|(^|\/)test\//.test(file))).toEqual([]);
});

// Installs are slow and mostly wait on the registry and the disk: they all start once the tarball
// exists, two at a time, and each case's engine run starts as soon as its own install is done (two
// at a time too, beside the installs still running). Each test awaits its case and checks what it saw.
interface CaseRun {
  sdkCopies: string[];
  /** `npm ls @pulumi/pulumi` of an npm install, and the one path it must list. */
  npmLs?: { listed: string[]; expected: string[] };
  up: string;
  outputs: Record<string, unknown>;
  destroy: string;
  leftAfterDestroy: unknown[];
}
const runs = new Map<InstallCase, Promise<CaseRun>>();
const stacks: TestStack[] = [];
const installSlots = new Slots(2);
const engineSlots = new Slots(2);

async function install(installCase: InstallCase): Promise<TestStack> {
  const stack = await TestStack.create({
    program,
    ownNodeModules: true,
    config: { ...packed.emulator.stackConfig(), "packaged:assetName": assetName(installCase) },
  });
  stacks.push(stack);
  writeUserProject(stack.workDir, installCase);
  await run(installCase.install[0], installCase.install.slice(1), {
    cwd: stack.workDir,
    env: { ...cleanEnv(), ...installCase.env },
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stack;
}

async function upPreviewDestroy(stack: TestStack, installCase: InstallCase): Promise<CaseRun> {
  const sdkCopiesFound = sdkCopies(stack.workDir);
  let npmLs: CaseRun["npmLs"];
  if (installCase.install[0] === "npm") {
    const { stdout } = await run("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable"], { cwd: stack.workDir, env: cleanEnv() });
    npmLs = { listed: stdout.trim().split("\n"), expected: [fs.realpathSync(path.join(stack.workDir, "node_modules/@pulumi/pulumi"))] };
  }
  const up = (await stack.up()).stdout;
  const outputs = await stack.outputs();
  await stack.preview({ expectNoChanges: true });
  const destroy = (await stack.destroy()).stdout;
  return { sdkCopies: sdkCopiesFound, npmLs, up, outputs, destroy, leftAfterDestroy: await stack.resourcesOfType(TYPE) };
}

function caseRun(installCase: InstallCase): Promise<CaseRun> {
  let pending = runs.get(installCase);
  if (!pending) {
    pending = installSlots.run(() => install(installCase)).then((stack) => engineSlots.run(() => upPreviewDestroy(stack, installCase)));
    pending.catch(() => undefined); // reported by the test that awaits it
    runs.set(installCase, pending);
  }
  return pending;
}

const assetName = (installCase: InstallCase) => `packaged-${CASES.indexOf(installCase)}`;

describe("a user project installed", () => {
  beforeAll(() => {
    for (const installCase of CASES) void caseRun(installCase);
  });
  afterAll(async () => {
    await Promise.allSettled(runs.values());
    await Promise.all(stacks.map((stack) => stack.cleanup()));
  });

  it.each(CASES)(
    "with $label: one @pulumi/pulumi (the program's $sdk); up, preview --expect-no-changes, destroy",
    async (installCase) => {
      const seen = await caseRun(installCase);
      expect(seen.sdkCopies).toEqual([installCase.sdk]);
      if (installCase.install[0] === "npm") expect(seen.npmLs?.listed).toEqual(seen.npmLs?.expected);

      expect(seen.up).toContain("+ 2 created");
      expect(seen.outputs).toMatchObject({ mountPath: `/etc/${assetName(installCase)}` });
      expect(seen.destroy).toContain("- 2 deleted");
      expect(seen.leftAfterDestroy).toEqual([]);
    },
    900_000,
  );
});

function writeUserProject(dir: string, installCase: InstallCase): void {
  const manifest = {
    name: "user-infra",
    private: true,
    main: "index.ts",
    ...installCase.manifest,
    dependencies: { "@pulumi/pulumi": installCase.sdk, "pulumi-runai": `file:${packed.tarball}` },
    devDependencies: installCase.devDependencies ?? {},
  };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  for (const [file, content] of Object.entries(installCase.files ?? {})) fs.writeFileSync(path.join(dir, file), content);
  const options = { typescript: true, ...installCase.runtimeOptions };
  const yamlOptions = Object.entries(options)
    .map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`)
    .join("\n");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: packaged\nruntime:\n  name: nodejs\n  options:\n${yamlOptions}\n`);
}

/** The versions of every distinct @pulumi/pulumi on disk in the project (symlinks resolved). */
function sdkCopies(dir: string): string[] {
  const found = new Set<string>();
  const visit = (nodeModules: string, depth: number) => {
    if (depth > 8 || !fs.existsSync(nodeModules)) return;
    for (const entry of fs.readdirSync(nodeModules)) {
      const full = path.join(nodeModules, entry);
      if (entry.startsWith("@")) {
        for (const scoped of fs.readdirSync(full)) visitPackage(path.join(full, scoped), `${entry}/${scoped}`, depth);
      } else if (entry === ".pnpm") {
        for (const stored of fs.readdirSync(full)) visit(path.join(full, stored, "node_modules"), depth + 1);
      } else if (!entry.startsWith(".")) {
        visitPackage(full, entry, depth);
      }
    }
  };
  const visitPackage = (packageDir: string, name: string, depth: number) => {
    const real = fs.realpathSync(packageDir);
    if (name === "@pulumi/pulumi") found.add(real);
    visit(path.join(real, "node_modules"), depth + 1);
  };
  visit(path.join(dir, "node_modules"), 0);
  return [...found].map((real) => JSON.parse(fs.readFileSync(path.join(real, "package.json"), "utf8")).version as string);
}

/** The environment without npm's own per-run settings (set when the tests run under `npm test`). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}
