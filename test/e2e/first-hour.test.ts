// A new user's first hour, as they live it: outside this repository, with nothing of its
// node_modules, the package installed from its packed packed.tarball the way the README says.
// 1. The README's install block, run line by line in an empty folder (the packed.tarball for
//    `pulumi-runai`, the emulator for the tenant), then its first program as index.ts: `pulumi up`
//    with type checking on (as Pulumi runs a program: no transpile-only), then destroy.
// 2. Every example copied out of the repository: its own package.json names the published package
//    and everything it needs, and `pulumi preview` passes against the emulator with zero writes.
import * as fs from "node:fs";
import * as path from "node:path";
import { Slots } from "../support/async";
import { EmulatorHarness } from "../support/emulator";
import { packedPackage } from "../support/packed";
import { repoRoot } from "../support/pulumi-stack";
import { shell, userEnv } from "../support/user-shell";
const version: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;

const packed = packedPackage("pulumi-runai-first-hour-");
/**
 * What the tests add to a user's `npm install`: no audit or funding notes, and packages already in
 * npm's cache taken from there without asking the registry again (anything missing still comes from it).
 */
const NPM_FLAGS = "--no-audit --no-fund --prefer-offline";

// The examples' install and previews share nothing with the README's project, so they start with the
// file, beside it, against an emulator of their own (its count of writes is theirs); their tests await them.
let examplesEmulator: EmulatorHarness;
let examples: Promise<ExamplesRun>;
beforeAll(async () => {
  examplesEmulator = await EmulatorHarness.start();
  examples = installAndPreviewExamples();
  examples.catch(() => undefined); // reported by the tests that await it
});
afterAll(async () => {
  await examples?.catch(() => undefined);
  await examplesEmulator?.stop();
});

/** The fenced code blocks of a language in a markdown text, in order. */
function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((match) => match[1]);
}

describe("the README's install and first program, in an empty folder", () => {
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const install = readme.slice(readme.indexOf("## Install"));
  const [installBlock] = codeBlocks(install, "sh");
  const [firstProgram] = codeBlocks(install, "ts");

  it("installs, compiles with type checking, goes up and comes down", async () => {
    // What a user changes: the published name becomes the packed.tarball, the placeholders the emulator's values.
    const script = installBlock
      .replace("npm install pulumi-runai ", `npm install ${NPM_FLAGS} ${packed.tarball} `)
      .replace("npm install --save-dev ", `npm install ${NPM_FLAGS} --save-dev `)
      .replace("https://<tenant>.run.ai", packed.emulator.url)
      .replace("<application client id>", "runai-admin")
      .replace("<application secret>", "runai-admin-secret");
    expect(script).toContain(packed.tarball); // the README still installs the package by that line
    const home = path.join(packed.scratch, "readme-user");
    fs.mkdirSync(home);
    const env = userEnv(home);
    await shell(script, home, env);
    const project = path.join(home, "runai-infra");
    expect(JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8")).dependencies["pulumi-runai"]).toMatch(/^file:/);

    fs.writeFileSync(path.join(project, "index.ts"), firstProgram);
    const writesBefore = await packed.emulator.writeCount();
    const up = await shell("pulumi up --yes --non-interactive", project, env);
    expect(up).toContain("+ 2 created");
    expect(up).toMatch(/trainingConfigId\s*: "[0-9a-f-]{36}"/);
    expect(await packed.emulator.writeCount()).toBe(writesBefore + 1);
    const destroy = await shell("pulumi destroy --yes --non-interactive", project, env);
    expect(destroy).toContain("- 2 deleted");
  }, 900_000);
});

/** The examples a user runs with `pulumi`, and the stack config each one needs beyond the tenant's. */
interface Example {
  dir: string;
  config?: Record<string, string>;
  secrets?: Record<string, string>;
  /** An example whose stack must be up first (in the same backend). */
  after?: string;
  /**
   * Pulumi YAML finds the runai plugin at a path relative to the project (node_modules/pulumi-runai/bin),
   * not through Node's resolution from a parent folder: the example's node_modules links to the shared
   * install, which holds what its own package.json asks for (it is part of the union).
   */
  linkedInstall?: boolean;
}

// examples/cluster-stack is not among them: it needs the Kubernetes provider plugin and writes at
// `up`, and test/e2e/cluster-stack.test.ts runs it the same way (copied out, the packed tarball).
const EXAMPLES: Example[] = [
  { dir: "quickstart" },
  { dir: "cluster-exports" },
  // Reads the cluster stack's outputs: previewed after cluster-exports is up in the same backend.
  { dir: "team-assets", config: { clusterStack: "organization/runai-cluster/dev" }, after: "cluster-exports" },
  { dir: "team-onboarding" },
  {
    dir: "data-pipeline",
    config: { s3AccessKeyId: "AKIAEXAMPLE" },
    secrets: { s3SecretAccessKey: "example-secret", gitPassword: "example-token" },
  },
  { dir: "environment-inference" },
  { dir: "environment-jupyter" },
  { dir: "environment-pytorch" },
  { dir: "yaml-quickstart", secrets: { registryPassword: "example-password" }, linkedInstall: true },
];

interface ExamplesRun {
  /** Each example's preview output, by directory. */
  previews: Map<string, Promise<string>>;
  writesBefore: number;
}

async function installAndPreviewExamples(): Promise<ExamplesRun> {
  // One install for all of them, in the folder that holds their copies (Node resolves packages from
  // a parent folder): the union of what their own package.json files ask for, this package as the packed.tarball.
  const examplesRoot = path.join(packed.scratch, "examples");
  fs.mkdirSync(examplesRoot);
  const env = userEnv(examplesRoot);
  const dependencies: Record<string, string> = {};
  for (const { dir, linkedInstall } of EXAMPLES) {
    const copy = path.join(examplesRoot, dir);
    fs.cpSync(path.join(repoRoot, "examples", dir), copy, { recursive: true });
    Object.assign(dependencies, ...manifestDependencies(copy));
    if (linkedInstall) fs.symlinkSync(path.join(examplesRoot, "node_modules"), path.join(copy, "node_modules"), "dir");
  }
  // Naming the packed.tarball installs it in place of the published version.
  dependencies["pulumi-runai"] = `file:${packed.tarball}`;
  fs.writeFileSync(path.join(examplesRoot, "package.json"), JSON.stringify({ name: "examples", private: true, dependencies }));
  await shell(`npm install ${NPM_FLAGS}`, examplesRoot, env);
  // The previews mostly wait on the engine: three at a time, each test awaits its own.
  const writesBefore = await examplesEmulator.writeCount();
  const slots = new Slots(3);
  const previews = new Map<string, Promise<string>>();
  for (const example of EXAMPLES) {
    previews.set(
      example.dir,
      (async () => {
        if (example.after) {
          await previews.get(example.after);
          await slots.run(() => shell("pulumi up --yes --non-interactive --stack dev", path.join(examplesRoot, example.after!), env));
        }
        return slots.run(() => preview(example));
      })(),
    );
  }
  for (const pending of previews.values()) pending.catch(() => undefined); // reported by the test that awaits it
  return { previews, writesBefore };

  /** A new `dev` stack of the example with the tenant's settings and its own, then `pulumi preview`. */
  async function preview(example: Example): Promise<string> {
    const cwd = path.join(examplesRoot, example.dir);
    const settings = [
      `--plaintext runai:url=${examplesEmulator.url}`,
      "--plaintext runai:clientId=runai-admin",
      "--secret runai:clientSecret=runai-admin-secret",
      ...Object.entries(example.config ?? {}).map(([key, value]) => `--plaintext ${key}=${value}`),
      ...Object.entries(example.secrets ?? {}).map(([key, value]) => `--secret ${key}=${value}`),
    ].join(" ");
    await shell(`pulumi stack init dev --non-interactive && pulumi config set-all ${settings}`, cwd, env);
    return shell("pulumi preview --non-interactive --stack dev", cwd, env);
  }
}

describe("every example, copied out of the repository", () => {
  it.each(EXAMPLES.map((example) => example.dir))("examples/%s names the published package and what it needs", (dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "examples", dir, "package.json"), "utf8"));
    const all = { ...manifest.dependencies, ...manifest.devDependencies };
    expect(all["@pulumi/pulumi"]).toBeDefined();
    if (dir !== "cluster-exports") expect(all["pulumi-runai"]).toBe(`^${version}`);
    if (dir !== "yaml-quickstart")
      expect({ typescript: all.typescript, node: all["@types/node"] }).toEqual({ typescript: "~5.9", node: "^20" });
  });

  it.each(EXAMPLES.map((example) => example.dir))(
    "examples/%s: pulumi preview passes with its own package.json, and writes nothing",
    async (dir) => {
      const { previews, writesBefore } = await examples;
      expect(await previews.get(dir)).toMatch(/Resources:\n\s+\+ \d+ to create/);
      // Previews write nothing (and neither does cluster-exports' `up`, which creates no Run:ai object).
      expect(await examplesEmulator.writeCount()).toBe(writesBefore);
    },
    600_000,
  );
});

/** What an example's own package.json asks to install. */
function manifestDependencies(dir: string): Record<string, string>[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  return [manifest.dependencies ?? {}, manifest.devDependencies ?? {}];
}
