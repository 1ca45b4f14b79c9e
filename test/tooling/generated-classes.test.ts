// The resource classes of both hosts are generated from the kind registry and the package schema
// (scripts/gen-classes.ts writes src/resources/generated-*classes.ts, src/plugin-resources/
// generated-*classes.ts and src/resources/generated-class-info.ts): the checked-in files must be
// what the generator writes today, so a new kind or a changed one that was not followed by
// `npm run gen:types` fails here instead of shipping classes that disagree with the provider.
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedClasses } from "../../scripts/gen-classes";
import { RESOURCE_TYPES } from "../../src/provider/registry";
import * as dynamicClasses from "../../src";
import * as pluginClasses from "../../src/plugin-resources";

const files = generatedClasses();

it.each([...files].map(([file, text]) => [path.relative(path.resolve(__dirname, "../.."), file), text]))(
  "%s is what `npm run gen:types` writes from the current registry and schemas",
  (file, expected) => {
    const actual = fs.readFileSync(path.resolve(__dirname, "../..", file), "utf8");
    // A readable failure: the first line that differs, not two long strings.
    const [want, got] = [expected.split("\n"), actual.split("\n")];
    const line = want.findIndex((text, index) => text !== got[index]);
    expect({
      firstDifferentLine: line === -1 && want.length === got.length ? null : line + 1,
      expected: want[line],
      actual: got[line],
    }).toEqual({ firstDifferentLine: null, expected: undefined, actual: undefined });
  },
);

it("exports one class per kind of the registry from both entry points, and no other class", () => {
  const classes = (entry: object) =>
    Object.entries(entry)
      .filter(([, value]) => typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value)))
      .map(([name]) => name)
      .filter((name) => name !== "Provider")
      .sort();
  expect(classes(dynamicClasses)).toEqual([...RESOURCE_TYPES].sort());
  expect(classes(pluginClasses)).toEqual([...RESOURCE_TYPES].sort());
});
