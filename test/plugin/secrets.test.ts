// Secret wrappers as the engine sends them to a plugin: unwrapped at any depth with their places
// recorded, wrapped again at those places and at a kind's secret paths, `undefined` stripped.
import { parseSecretPath, unwrapSecrets, withSecrets, wrapSecret } from "../../src/plugin/secrets";

it("unwraps secrets at any depth and records where they were", () => {
  const wrapped = { spec: { password: wrapSecret("p"), pairs: [{ key: "a", value: wrapSecret("v") }] }, whole: wrapSecret({ a: 1 }) };
  const { value, paths } = unwrapSecrets(wrapped);
  expect(value).toEqual({ spec: { password: "p", pairs: [{ key: "a", value: "v" }] }, whole: { a: 1 } });
  expect(paths).toEqual([["spec", "password"], ["spec", "pairs", 0, "value"], ["whole"]]);
});

it("wraps at recorded paths and at kind paths (a[] for every element), skipping paths that lead nowhere", () => {
  const outs = {
    spec: {
      pairs: [
        { key: "a", value: "v1" },
        { key: "b", value: "v2" },
      ],
      user: "bob",
      gone: undefined,
    },
    secret: "s",
  };
  const paths = [parseSecretPath("spec.pairs[].value"), parseSecretPath("secret"), parseSecretPath("spec.password"), ["spec", "user"]];
  expect(withSecrets(outs, paths)).toEqual({
    spec: {
      pairs: [
        { key: "a", value: wrapSecret("v1") },
        { key: "b", value: wrapSecret("v2") },
      ],
      user: wrapSecret("bob"),
    },
    secret: wrapSecret("s"),
  });
});

it("never wraps twice", () => {
  expect(withSecrets({ a: wrapSecret("x") }, [["a"], ["a"]])).toEqual({ a: wrapSecret("x") });
});
