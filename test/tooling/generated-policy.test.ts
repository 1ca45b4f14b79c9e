// A workload policy's `defaults` and `rules` are checked against schemas generated from the contract
// (scripts/gen-policy-schemas.ts writes src/schemas/generated-policy.ts): the checked-in file must be
// what the generator writes from api/ today.
import * as fs from "node:fs";
import { GENERATED_POLICY, generatedPolicyFile } from "../../scripts/gen-policy-schemas";

it("src/schemas/generated-policy.ts is what `npm run gen:policy` writes from the contract", () => {
  const [want, got] = [generatedPolicyFile().split("\n"), fs.readFileSync(GENERATED_POLICY, "utf8").split("\n")];
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
