// Secret wrappers as the engine sends them to a plugin: unwrapped at any depth with their places
// recorded, wrapped again at those places and at a kind's secret paths, `undefined` stripped.
import { parseSecretPath, unwrapSecrets, withSecrets, wrapSecret } from "../../src/plugin/secrets";

it("unwraps secrets at any depth and records where they were", () => {
  const wrapped = { spec: { password: wrapSecret("p"), pairs: [{ key: "a", value: wrapSecret("v") }] }, whole: wrapSecret({ a: 1 }) };
  const { value, paths } = unwrapSecrets(wrapped);
  expect(value).toEqual({ spec: { password: "p", pairs: [{ key: "a", value: "v" }] }, whole: { a: 1 } });
  expect(paths).toEqual([["spec", "password"], ["spec", "pairs", 0, "value"], ["whole"]]);
});

it("copies only the parts that held a secret, and never changes what it was given", () => {
  const untouched = { image: "python:3.12", env: [{ name: "A", value: "1" }] };
  const wrapped = { spec: untouched, meta: { name: "n", token: wrapSecret("t") }, list: [1, wrapSecret(2)] };
  const { value } = unwrapSecrets(wrapped);
  expect(value).toEqual({ spec: untouched, meta: { name: "n", token: "t" }, list: [1, 2] });
  expect(value.spec).toBe(untouched); // no secret inside: not copied
  expect(wrapped.meta.token).toEqual(wrapSecret("t"));
  expect(wrapped.list[1]).toEqual(wrapSecret(2));
  const plain = { a: { b: [1, 2] } };
  expect(unwrapSecrets(plain)).toEqual({ value: plain, paths: [] });
  expect(unwrapSecrets(plain).value).toBe(plain);
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
