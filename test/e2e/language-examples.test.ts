// The Go and Python examples of the docs (examples/resources/<Kind>/go/, python/, shown in
// docs/resources/<Kind>.md, and examples/lookups/go/, python/, in docs/lookups.md) are Pulumi's own
// translation of the YAML example beside them: what
// `pulumi convert --from yaml` writes today with the CLI this repository builds, as committed.
// The Go ones pass `go vet` against the Go SDK `pulumi package gen-sdk` generates (one module for
// all of them), and the Python ones byte-compile and use only names the generated Python SDK has.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { checkedInLanguageExamples, convertExamples, YAML_EXAMPLES } from "../../scripts/gen-language-examples";
import { pulumiBinDir, repoRoot } from "../support/pulumi-stack";

const run = promisify(execFile);
const examplesDir = path.join(repoRoot, "examples");

/** A folder name for an example in one module or directory of them all (resources-Department, lookups). */
const flat = (example: string) => example.replace(/\//g, "-");
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };

// Made here, not in beforeAll: concurrent tests start before the hooks run.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-runai-language-examples-"));
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** `pulumi package gen-sdk` of this repository's plugin for one language, into <work>/sdk/<language>. */
async function generateSdk(language: string): Promise<string> {
  const env = {
    ...process.env,
    PATH: `${pulumiBinDir()}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_HOME: path.join(work, `home-${language}`),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  const plugin = path.join(repoRoot, "bin/pulumi-resource-runai");
  await run("pulumi", ["package", "gen-sdk", plugin, "--language", language, "--out", path.join(work, "sdk")], { env });
  return path.join(work, "sdk", language);
}

it.concurrent(
  "the committed Go and Python examples are what pulumi convert --from yaml makes of the YAML ones today (npm run gen:examples)",
  async () => {
    const fresh = await convertExamples(pulumiBinDir());
    const committed = checkedInLanguageExamples().sort((a, b) => a.localeCompare(b));
    expect(committed).toEqual([...fresh.keys()]);
    const stale = [...fresh].filter(([file, text]) => fs.readFileSync(path.join(examplesDir, file), "utf8") !== text);
    expect(stale.map(([file]) => file)).toEqual([]);
  },
  900_000,
);

it.concurrent(
  "go vet accepts every Go example against the generated Go SDK, in one module",
  async () => {
    const sdk = await generateSdk("go");
    const module = path.join(work, "go-examples");
    for (const example of YAML_EXAMPLES) {
      fs.mkdirSync(path.join(module, flat(example)), { recursive: true });
      fs.copyFileSync(path.join(examplesDir, example, "go/main.go"), path.join(module, flat(example), "main.go"));
    }
    // The Pulumi Go SDK the CLI is built from (in the module cache), pinned by that module's go.sum;
    // the examples' own go.mod asks for the runai SDK at the package's version, here the generated one.
    const cli = path.join(repoRoot, "tools/pulumi-cli");
    const pulumiSdk = /github\.com\/pulumi\/pulumi\/sdk\/v3 (v\S+)/.exec(fs.readFileSync(path.join(cli, "go.mod"), "utf8"))![1];
    fs.writeFileSync(
      path.join(module, "go.mod"),
      [
        "module runai-examples",
        "",
        "go 1.25",
        "",
        `require github.com/pulumi/pulumi/sdk/v3 ${pulumiSdk}`,
        "",
        `require github.com/pulumi-runai/pulumi-runai/sdk/go v${version}`,
        "",
        `replace github.com/pulumi-runai/pulumi-runai/sdk/go => ${sdk}`,
        "",
      ].join("\n"),
    );
    fs.copyFileSync(path.join(cli, "go.sum"), path.join(module, "go.sum"));
    // -trimpath keeps the generated SDK's compiled packages in the Go build cache from one temp
    // folder to the next (test/e2e/go-program.test.ts builds the same SDK the same way).
    const env = { ...process.env, GOFLAGS: "-mod=mod -trimpath", GOSUMDB: "off", GOTOOLCHAIN: "local" };
    const vet = await run("go", ["vet", "./..."], { cwd: module, env });
    expect(vet.stdout + vet.stderr).toBe("");
  },
  900_000,
);

it.concurrent(
  "python3 -m compileall accepts every Python example, which uses only names the generated Python SDK exports",
  async () => {
    const sdk = await generateSdk("python");
    const copies = path.join(work, "python-examples");
    for (const example of YAML_EXAMPLES) {
      fs.mkdirSync(path.join(copies, flat(example)), { recursive: true });
      fs.copyFileSync(path.join(examplesDir, example, "python/__main__.py"), path.join(copies, flat(example), "__main__.py"));
    }
    await run("python3", ["-m", "compileall", "-q", copies]);
    const names = await run("python3", [path.join(repoRoot, "test/support/python-sdk-names.py"), path.join(sdk, "pulumi_runai"), copies]);
    expect(names.stdout).toMatch(new RegExp(`^${YAML_EXAMPLES.length} programs checked, \\d+ names of pulumi_runai used, 0 unknown\\n$`));
  },
  900_000,
);
