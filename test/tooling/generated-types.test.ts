// The resource classes' argument and output types are derived from the package schema
// (scripts/gen-types.ts writes src/resources/generated-types.ts): the checked-in file must be what
// the generator writes today, so a schema or kind change that was not followed by
// `npm run gen:types` fails here instead of shipping types that disagree with the provider.
import * as fs from "node:fs";
import { generatedTypes } from "../../scripts/gen-types";

it.each([...generatedTypes()])("%s is what `npm run gen:types` writes from the current schemas", (file, expected) => {
  const actual = fs.readFileSync(file, "utf8");
  // A readable failure: the first line that differs, not two 2,000-line strings.
  const [want, got] = [expected.split("\n"), actual.split("\n")];
  const line = want.findIndex((text, index) => text !== got[index]);
  expect({
    firstDifferentLine: line === -1 && want.length === got.length ? null : line + 1,
    expected: want[line],
    actual: got[line],
  }).toEqual({
    firstDifferentLine: null,
    expected: undefined,
    actual: undefined,
  });
});
