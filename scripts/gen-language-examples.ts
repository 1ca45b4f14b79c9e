// Writes the Go and Python examples of every kind (examples/resources/<Kind>/go/, python/) and of
// the look-ups (examples/lookups/go/, python/): Pulumi's own translation of the YAML example beside them, `pulumi convert --from yaml --language go|python`,
// with the CLI scripts/ensure-pulumi.sh builds (Pulumi YAML's converter to PCL, then Pulumi's Go
// and Python program generators in our language hosts, tools/pulumi-cli/internal/codegenhost).
// Nothing in them is written by hand. Changed: the input's project name ends in the target language
// rather than "-yaml"; and in Go, look-ups the SDK renames are called by its names (goLookupNames).
// `--strict` binds the program against the schema's types (the lenient binder types every look-up
// result's field as optional, which the Go code then gets wrong). scripts/gen-docs.ts shows them on each kind's page and
// on the look-ups' page.
//
//   npm run gen:examples    rewrites them (after a YAML example, the schema or the version changed)
//   test/e2e/language-examples.test.ts fails when they are stale, and vets and compiles them
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { buildSchema } from "../src/plugin/schema";
import { RESOURCE_TYPES } from "../src/provider/registry";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..");
const examplesDir = path.join(root, "examples");

/** The examples with a YAML program to translate (examples/-relative folders): every kind's, and the look-ups'. */
export const YAML_EXAMPLES = [...RESOURCE_TYPES.map((type) => `resources/${type}`), "lookups"];

/** What `pulumi convert` writes that is kept, per target language (its .gitignore is not). */
export const LANGUAGE_FILES = {
  go: ["Pulumi.yaml", "go.mod", "main.go"],
  python: ["Pulumi.yaml", "requirements.txt", "__main__.py"],
} as const;
export type Language = keyof typeof LANGUAGE_FILES;
export const LANGUAGES = Object.keys(LANGUAGE_FILES) as Language[];

/** Conversions at once: each starts the runai plugin for its schema; the machine may have two cores. */
const PARALLEL = 3;

/** The YAML example with its project named for the language it becomes (`runai-example-department-go`). */
function renamed(yaml: string, example: string, language: Language): string {
  const text = yaml.replace(/^name: (\S+)-yaml$/m, `name: $1-${language}`);
  if (text === yaml) throw new Error(`examples/${example}/yaml/Pulumi.yaml: its name does not end in "-yaml"`);
  return text;
}

/**
 * The Go SDK names a look-up `LookupX` when the package has a resource `X` (`runai.LookupCluster`,
 * since `runai.GetCluster` would read a Cluster resource's state), but Pulumi's Go program
 * generator (v3.248.0, useLookupInvokeForm) misses that for tokens of the form `runai:index:getX`
 * and writes `runai.GetClusterOutput`, which does not compile: this renames those calls and types.
 */
export function goLookupNames(code: string): string {
  const schema = buildSchema("0.0.0");
  const renamed = Object.keys(schema.functions)
    .map((token) => token.replace(/^runai:index:get/, ""))
    .filter((name) => `runai:index:${name}` in schema.resources);
  if (renamed.length === 0) return code;
  return code.replace(new RegExp(`\\brunai\\.Get(${renamed.join("|")})(?=Output|Result|Args|\\()`, "g"), "runai.Lookup$1");
}

/** Where every example's `plugins:` entry finds this repository's plugin. */
const PLUGIN_PATH = "      path: ../node_modules/pulumi-runai/bin";

/**
 * The plugin's entry given the package's version, and that version taken out of the converted
 * Pulumi.yaml again (the converter copies it; nothing else it writes depends on it). With a
 * version the engine keeps the plugin's schema in PULUMI_HOME/schemas (this run's own): every
 * conversion reads it from there instead of starting the plugin (four times per conversion).
 */
const VERSION_LINE = `      version: ${(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version}`;
function withPluginVersion(yaml: string, example: string): string {
  if (yaml.split(`${PLUGIN_PATH}\n`).length !== 2)
    throw new Error(`examples/${example}/yaml/Pulumi.yaml: no single plugins: entry "${PLUGIN_PATH.trim()}"`);
  return yaml.replace(`${PLUGIN_PATH}\n`, `${PLUGIN_PATH}\n${VERSION_LINE}\n`);
}
function withoutPluginVersion(converted: string, example: string, language: Language): string {
  // The converter writes the entry's two fields in either order.
  const lines = converted.split("\n");
  const at = lines.indexOf(VERSION_LINE);
  if (at < 0 || lines.lastIndexOf(VERSION_LINE) !== at || ![lines[at - 1], lines[at + 1]].includes(PLUGIN_PATH))
    throw new Error(
      `pulumi convert of examples/${example}/yaml to ${language}: no plugin version beside "${PLUGIN_PATH.trim()}" in its Pulumi.yaml`,
    );
  return [...lines.slice(0, at), ...lines.slice(at + 1)].join("\n");
}

/** One YAML example converted to one language: the kept files' paths (examples/-relative) → text. */
async function convert(binDir: string, work: string, example: string, language: Language): Promise<[string, string][]> {
  const dir = path.join(work, `${example.replace(/\//g, "-")}-${language}`);
  const source = path.join(dir, "yaml");
  fs.mkdirSync(source, { recursive: true });
  const yaml = renamed(fs.readFileSync(path.join(examplesDir, example, "yaml/Pulumi.yaml"), "utf8"), example, language);
  fs.writeFileSync(path.join(source, "Pulumi.yaml"), withPluginVersion(yaml, example));
  // The example's `plugins:` path (../node_modules/pulumi-runai/bin) finds this repository's plugin.
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules/pulumi-runai"));
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("PULUMI_")));
  Object.assign(env, {
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_HOME: path.join(work, "home"),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    NO_COLOR: "1",
  });
  const out = path.join(dir, language);
  try {
    await run("pulumi", ["convert", "--from", "yaml", "--language", language, "--out", out, "--generate-only", "--strict"], {
      cwd: source,
      env,
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`pulumi convert of examples/${example}/yaml to ${language} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
  return LANGUAGE_FILES[language].map((file) => {
    const text = fs.readFileSync(path.join(out, file), "utf8");
    if (file === "Pulumi.yaml") return [`${example}/${language}/${file}`, withoutPluginVersion(text, example, language)];
    return [`${example}/${language}/${file}`, file.endsWith(".go") ? goLookupNames(text) : text];
  });
}

/** Every YAML example converted to every language: paths (examples/-relative) → text. */
export async function convertExamples(binDir: string, examples: readonly string[] = YAML_EXAMPLES): Promise<Map<string, string>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-convert-"));
  try {
    fs.mkdirSync(path.join(work, "home"));
    const jobs = examples.flatMap((example) => LANGUAGES.map((language) => ({ example, language })));
    const files: [string, string][] = [];
    for (let next = 0; next < jobs.length; next += PARALLEL) {
      const batch = jobs.slice(next, next + PARALLEL);
      for (const result of await Promise.all(batch.map(({ example, language }) => convert(binDir, work, example, language)))) {
        files.push(...result);
      }
    }
    return new Map(files.sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The Go and Python example files examples/ holds today beside a YAML example (examples/-relative). */
export function checkedInLanguageExamples(): string[] {
  const folders = ["lookups", ...fs.readdirSync(path.join(examplesDir, "resources")).map((type) => `resources/${type}`)];
  return folders.flatMap((example) =>
    LANGUAGES.flatMap((language) => {
      const dir = path.join(examplesDir, example, language);
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((file) => `${example}/${language}/${file}`) : [];
    }),
  );
}

if (require.main === module) {
  const binDir = execFileSync("bash", [path.join(root, "scripts/ensure-pulumi.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop()!;
  convertExamples(binDir).then(
    (files) => {
      for (const stale of checkedInLanguageExamples().filter((file) => !files.has(file))) fs.rmSync(path.join(examplesDir, stale));
      for (const [file, text] of files) {
        fs.mkdirSync(path.dirname(path.join(examplesDir, file)), { recursive: true });
        fs.writeFileSync(path.join(examplesDir, file), text);
      }
      console.log(`wrote ${files.size} files in examples/`);
    },
    (err: Error) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}
