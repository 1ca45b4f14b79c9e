// docs/ is derived from the package schema, the hand-kept notes (docs/notes/) and the example
// programs (examples/resources/<Kind>/): scripts/gen-docs.ts writes it. The checked-in pages must be
// what the generator writes today, every kind of the registry must have its page, its note and its
// TypeScript and YAML examples, and every field a page lists must say what it is.
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { checkedInDocs, DOCS_DIR, EXAMPLE_FILES, EXAMPLES_DIR, generatedDocs, NOTES_DIR } from "../../scripts/gen-docs";
import { LOOKUP_RESULTS } from "../../scripts/gen-types";
import { allKinds, RESOURCE_TYPES } from "../../src/provider/registry";

const { files, undescribed } = generatedDocs();

/** The first line that differs between two texts (null when they are equal), for a readable failure. */
function firstDifference(expected: string, actual: string) {
  const [want, got] = [expected.split("\n"), actual.split("\n")];
  const line = want.findIndex((text, index) => text !== got[index]);
  if (line === -1 && want.length === got.length) return null;
  const at = line === -1 ? want.length : line;
  return { line: at + 1, expected: want[at], actual: got[at] };
}

it("docs/ holds exactly the pages `npm run gen:docs` writes, as it writes them", () => {
  expect(checkedInDocs().sort()).toEqual([...files.keys()].sort());
  const stale = [...files].map(([file, text]) => ({
    file,
    difference: firstDifference(text, fs.readFileSync(path.join(DOCS_DIR, file), "utf8")),
  }));
  expect(stale.filter(({ difference }) => difference !== null)).toEqual([]);
});

it("has a page, a note and a TypeScript and a YAML example for every kind of the registry, and nothing for kinds it does not serve", () => {
  const missing = RESOURCE_TYPES.flatMap((type) =>
    [
      path.join(DOCS_DIR, "resources", `${type}.md`),
      path.join(NOTES_DIR, `${type}.md`),
      ...EXAMPLE_FILES.map((file) => path.join(EXAMPLES_DIR, type, file)),
    ].filter((file) => !fs.existsSync(file)),
  );
  expect(missing.map((file) => path.relative(path.resolve(__dirname, "../.."), file))).toEqual([]);
  expect(fs.readdirSync(EXAMPLES_DIR).sort()).toEqual([...RESOURCE_TYPES].sort());
  expect(
    fs
      .readdirSync(NOTES_DIR)
      .filter((file) => file.endsWith(".md") && !["index.md", "installation-configuration.md"].includes(file))
      .sort(),
  ).toEqual(RESOURCE_TYPES.map((type) => `${type}.md`).sort());
});

it("describes every input, output and nested field of every kind, and every field of the look-ups' answers", () => {
  expect(undescribed).toEqual([]);
});

type Json = { description?: string; properties?: Record<string, Json>; items?: Json; anyOf?: Json[]; additionalProperties?: unknown };

/** The dotted paths of the properties of a JSON Schema (zod's) that carry no description, on them or on what they wrap. */
function undescribedIn(schema: Json, path: string): string[] {
  const branches = (schema.anyOf ?? []).filter((branch) => (branch as { type?: string }).type !== "null");
  const inner = branches.length === 1 ? branches[0] : schema;
  const nested = [
    ...Object.entries(inner.properties ?? {}).flatMap(([key, field]) => [
      ...(field.description || (field.anyOf ?? []).some((branch) => branch.description) ? [] : [`${path}${key}`]),
      ...undescribedIn(field, `${path}${key}.`),
    ]),
    ...(inner.items ? undescribedIn(inner.items, path.replace(/\.$/, "[].")) : []),
  ];
  return nested;
}

it("has that description on the zod schema itself: every field of every kind's input schema and of the look-ups' answers", () => {
  const missing = [
    ...allKinds().flatMap((kind) =>
      undescribedIn(z.toJSONSchema(kind.inputSchema, { io: "input", unrepresentable: "any" }) as Json, `${kind.type}.`),
    ),
    ...LOOKUP_RESULTS.flatMap(([name, result]) =>
      undescribedIn(z.toJSONSchema(result, { io: "output", unrepresentable: "any" }) as Json, `${name}.`),
    ),
  ];
  expect(missing).toEqual([]);
});

it("shows each kind's examples verbatim, and the settings with their environment variables and defaults", () => {
  for (const type of RESOURCE_TYPES) {
    const page = files.get(`resources/${type}.md`)!;
    expect(page).toContain(fs.readFileSync(path.join(EXAMPLES_DIR, type, "index.ts"), "utf8").trim());
    expect(page).toContain(fs.readFileSync(path.join(EXAMPLES_DIR, type, "yaml/Pulumi.yaml"), "utf8").trim());
    expect(page).toContain(`pulumi import runai:index:${type} <name> <id>`);
  }
  const settings = files.get("installation-configuration.md")!;
  expect(settings).toContain(
    "| `runai:timeoutSeconds` | `RUNAI_TIMEOUT_SECONDS` | number | `300` |  | How long to wait for sync or deletion, in seconds. |",
  );
  expect(settings).toContain("| `runai:clientSecret` | `RUNAI_CLIENT_SECRET` | string |  | yes |");
});
