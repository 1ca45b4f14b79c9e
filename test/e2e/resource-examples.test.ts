// The example programs of the docs (examples/resources/<Kind>/, shown verbatim in
// docs/resources/<Kind>.md) run as a user runs them: every TypeScript example in one stack of the
// dynamic classes, every YAML example in one stack of the runai plugin, each against an emulator of
// its own and at the same time. Each must create its resources, change nothing on a second look,
// keep its secrets out of the state, and destroy cleanly.
import * as fs from "node:fs";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../src/provider/registry";
import { EmulatorHarness } from "../support/emulator";
import { repoRoot, TestStack } from "../support/pulumi-stack";

const examplesDir = path.join(repoRoot, "examples/resources");
const programs = path.join(__dirname, "programs");

/** A YAML program's top-level blocks (`config:`, `resources:`, …), each as its entries' names → text. */
function blocks(text: string): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  let block: Map<string, string> | undefined;
  let entry: string | undefined;
  for (const line of text.split("\n")) {
    const top = /^([A-Za-z]\w*):/.exec(line);
    if (top) {
      block = new Map();
      result.set(top[1], block);
      entry = undefined;
      continue;
    }
    const start = /^ {2}([^\s#][^:]*):/.exec(line);
    if (start && block) {
      entry = start[1];
      if (block.has(entry)) throw new Error(`${entry} is declared twice`);
      block.set(entry, "");
    }
    if (block && entry !== undefined && line.trim() !== "") block.set(entry, `${block.get(entry)}${line}\n`);
  }
  return result;
}

/** The config, resources and outputs of every kind's YAML example, as one program's blocks. */
function mergedYamlExamples(): string {
  const merged = new Map<string, Map<string, string>>([
    ["config", new Map()],
    ["resources", new Map()],
    ["outputs", new Map()],
  ]);
  for (const type of RESOURCE_TYPES) {
    const example = blocks(fs.readFileSync(path.join(examplesDir, type, "yaml/Pulumi.yaml"), "utf8"));
    for (const [name, target] of merged) {
      for (const [entry, text] of example.get(name) ?? []) {
        // The same setting may be declared by several examples (the cluster's id), alike.
        if (target.has(entry) && (name !== "config" || target.get(entry) !== text)) throw new Error(`${type}: ${name}.${entry} is taken`);
        target.set(entry, text);
      }
    }
  }
  return [...merged].map(([name, entries]) => `${name}:\n${[...entries.values()].join("")}`).join("");
}

/** The secret settings the examples of one language declare (in their Pulumi.yaml `config:`), each with a value. */
function secretSettings(file: string): Record<string, { value: string; secret: boolean }> {
  const settings = RESOURCE_TYPES.flatMap((type) => {
    const config = blocks(fs.readFileSync(path.join(examplesDir, type, file), "utf8")).get("config") ?? new Map<string, string>();
    return [...config].filter(([, text]) => /secret: true/.test(text)).map(([key]) => key);
  });
  return Object.fromEntries(settings.map((key) => [key, { value: `example-value-of-${key}`, secret: true }]));
}

/** Stack outputs that hold no value (an example exporting something Run:ai never filled in). */
function emptyOutputs(outputs: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(outputs).flatMap(([key, value]) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? emptyOutputs(value as Record<string, unknown>, `${prefix}${key}.`)
      : value === undefined || value === null || value === ""
        ? [`${prefix}${key}`]
        : [],
  );
}

/** up, every output filled in, a preview that changes nothing, the secrets only as ciphertext in state, then destroy. */
async function runExamples(
  stack: TestStack,
  typeOf: (kind: string) => string,
  secrets: Record<string, { value: string }>,
  exported: (outputs: Record<string, any>) => string[],
) {
  await stack.up();
  const outputs = await stack.outputs();
  expect(exported(outputs)).toEqual(expect.arrayContaining([...RESOURCE_TYPES]));
  expect(emptyOutputs(outputs)).toEqual([]);
  const state = await stack.exportState();
  const types = new Set((state.deployment.resources ?? []).map((resource) => resource.type));
  expect(RESOURCE_TYPES.filter((kind) => !types.has(typeOf(kind)))).toEqual([]);
  const text = JSON.stringify(state);
  expect(Object.values(secrets).filter(({ value }) => text.includes(value))).toEqual([]);
  await stack.preview({ expectNoChanges: true });
  await stack.destroy();
  expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
}

describe("the docs' example of every kind", () => {
  it.concurrent(
    "TypeScript: every examples/resources/<Kind>/index.ts in one stack goes up, changes nothing on preview and is destroyed",
    async () => {
      const emulator = await EmulatorHarness.start();
      const secrets = secretSettings("Pulumi.yaml");
      const stack = await TestStack.create({
        program: path.join(programs, "resource-examples"),
        config: { ...emulator.stackConfig(), ...secrets },
      });
      try {
        for (const type of RESOURCE_TYPES)
          fs.cpSync(path.join(examplesDir, type), path.join(stack.workDir, "examples", type), { recursive: true });
        // Each example's exports under its kind's name.
        await runExamples(
          stack,
          (kind) => `pulumi-nodejs:dynamic/runai:${kind}`,
          secrets,
          (outputs) =>
            Object.entries(outputs.examples)
              .filter(([, exports]) => Object.keys(exports as object).length > 0)
              .map(([kind]) => kind),
        );
      } finally {
        await stack.cleanup();
        await emulator.stop();
      }
    },
    600_000,
  );

  it.concurrent(
    "YAML: every examples/resources/<Kind>/yaml/Pulumi.yaml in one stack of the runai plugin goes up, changes nothing on preview and is destroyed",
    async () => {
      const emulator = await EmulatorHarness.start();
      const secrets = secretSettings("yaml/Pulumi.yaml");
      const stack = await TestStack.create({
        program: path.join(programs, "resource-examples-yaml"),
        config: { ...emulator.stackConfig(), ...secrets },
      });
      try {
        const base = fs.readFileSync(path.join(programs, "resource-examples-yaml/Pulumi.yaml"), "utf8");
        fs.writeFileSync(path.join(stack.workDir, "Pulumi.yaml"), base + mergedYamlExamples());
        // Each example's outputs start with its kind's name (configMapAssetId), or name what it is (projectNamespace).
        await runExamples(
          stack,
          (kind) => `runai:index:${kind}`,
          secrets,
          (outputs) =>
            RESOURCE_TYPES.filter((kind) => Object.keys(outputs).some((key) => key.toLowerCase().startsWith(kind.toLowerCase()))),
        );
      } finally {
        await stack.cleanup();
        await emulator.stop();
      }
    },
    600_000,
  );
});
