// Writes the Go and Python examples of every kind (examples/resources/<Kind>/go/, python/): Pulumi's
// own translation of the kind's YAML example, `pulumi convert --from yaml --language go|python`,
// with the CLI scripts/ensure-pulumi.sh builds (Pulumi YAML's converter to PCL, then Pulumi's Go
// and Python program generators in our language hosts, tools/pulumi-cli/internal/codegenhost).
// Nothing in them is written by hand; the one change is to the input: the project's name ends in
// the target language rather than "-yaml". scripts/gen-docs.ts shows them on each kind's page.
//
//   npm run gen:examples    rewrites them (after a YAML example, the schema or the version changed)
//   test/e2e/language-examples.test.ts fails when they are stale, and vets and compiles them
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { RESOURCE_TYPES } from "../src/provider/registry";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..");
const examplesDir = path.join(root, "examples/resources");

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
function renamed(yaml: string, type: string, language: Language): string {
  const text = yaml.replace(/^name: (\S+)-yaml$/m, `name: $1-${language}`);
  if (text === yaml) throw new Error(`examples/resources/${type}/yaml/Pulumi.yaml: its name does not end in "-yaml"`);
  return text;
}

/** One kind's YAML example converted to one language: the kept files' paths (examples/resources/-relative) → text. */
async function convert(binDir: string, work: string, type: string, language: Language): Promise<[string, string][]> {
  const dir = path.join(work, `${type}-${language}`);
  const source = path.join(dir, "yaml");
  fs.mkdirSync(source, { recursive: true });
  fs.writeFileSync(
    path.join(source, "Pulumi.yaml"),
    renamed(fs.readFileSync(path.join(examplesDir, type, "yaml/Pulumi.yaml"), "utf8"), type, language),
  );
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
    await run("pulumi", ["convert", "--from", "yaml", "--language", language, "--out", out, "--generate-only"], { cwd: source, env });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`pulumi convert of examples/resources/${type}/yaml to ${language} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
  return LANGUAGE_FILES[language].map((file) => [`${type}/${language}/${file}`, fs.readFileSync(path.join(out, file), "utf8")]);
}

/** Every kind's YAML example converted to every language: paths (examples/resources/-relative) → text. */
export async function convertExamples(binDir: string, types: readonly string[] = RESOURCE_TYPES): Promise<Map<string, string>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-convert-"));
  try {
    fs.mkdirSync(path.join(work, "home"));
    const jobs = types.flatMap((type) => LANGUAGES.map((language) => ({ type, language })));
    const files: [string, string][] = [];
    for (let next = 0; next < jobs.length; next += PARALLEL) {
      const batch = jobs.slice(next, next + PARALLEL);
      for (const result of await Promise.all(batch.map(({ type, language }) => convert(binDir, work, type, language)))) {
        files.push(...result);
      }
    }
    return new Map(files.sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The Go and Python example files examples/resources/ holds today (examples/resources/-relative). */
export function checkedInLanguageExamples(): string[] {
  return fs.readdirSync(examplesDir).flatMap((type) =>
    LANGUAGES.flatMap((language) => {
      const dir = path.join(examplesDir, type, language);
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((file) => `${type}/${language}/${file}`) : [];
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
      console.log(`wrote ${files.size} files in examples/resources/`);
    },
    (err: Error) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}
