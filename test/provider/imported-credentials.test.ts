// An imported credential: Run:ai never returns its secret values, so neither the state nor the
// generated program holds them, and check asks for none; a credential the program created, or a
// new one, still needs its values.
import { checkInputs } from "../../src/provider/check";
import { kindFor } from "../../src/provider/registry";

const password = { meta: { name: "git-login", scope: "project", projectId: 1001 }, spec: { user: "ci-bot" } };
const generic = { meta: { name: "api-token", scope: "tenant" }, spec: { keyValuePairs: [{ key: "token" }] } };

it("asks an imported credential for no secret value the state does not hold either", () => {
  expect(checkInputs(kindFor("PasswordCredential"), password, password).failures).toEqual([]);
  expect(checkInputs(kindFor("GenericSecretCredential"), generic, generic).failures).toEqual([]);
});

it("still asks a new credential, one whose state holds its values, and one being replaced, for them", () => {
  expect(checkInputs(kindFor("PasswordCredential"), password).failures).toEqual([
    { property: "", reason: "spec.password: is required unless spec.existingSecretName is set" },
  ]);
  const created = { ...password, spec: { user: "ci-bot", password: "held" } };
  expect(checkInputs(kindFor("PasswordCredential"), password, created).failures).toEqual([
    { property: "", reason: "spec.password: is required unless spec.existingSecretName is set" },
  ]);
  // A new name replaces the credential: the new one needs its values.
  const renamed = { ...password, meta: { ...password.meta, name: "git-login-2" } };
  expect(checkInputs(kindFor("PasswordCredential"), renamed, password).failures).toEqual([
    { property: "", reason: "spec.password: is required unless spec.existingSecretName is set" },
  ]);
  expect(checkInputs(kindFor("GenericSecretCredential"), generic, {}).failures).toEqual([
    { property: "", reason: "spec.keyValuePairs[0].value: is required" },
  ]);
});
