// The program-side check behind the plain-text credentials warning (src/resources/plaintext-secrets.ts):
// which runai:* credential settings the stack config holds without `--secret`, read from the
// variables the language host hands the program. The warning itself is checked by e2e/plaintext-secrets.
import { plaintextSecretSettings } from "../../src/resources/plaintext-secrets";

const env = (config: Record<string, string>, secretKeys?: string[]) => ({
  PULUMI_CONFIG: JSON.stringify(config),
  ...(secretKeys ? { PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys) } : {}),
});

describe("credential settings stored as plain text", () => {
  it("names runai:clientSecret and runai:token when they are not among the secret keys", () => {
    expect(plaintextSecretSettings(env({ "runai:url": "u", "runai:clientSecret": "s", "runai:token": "t" }, []))).toEqual([
      "runai:clientSecret",
      "runai:token",
    ]);
    expect(plaintextSecretSettings(env({ "runai:clientSecret": "s", "runai:token": "t" }, ["runai:token"]))).toEqual([
      "runai:clientSecret",
    ]);
  });

  it("names nothing when they are secrets, or not set, or other settings are plain", () => {
    expect(plaintextSecretSettings(env({ "runai:clientSecret": "s" }, ["runai:clientSecret"]))).toEqual([]);
    expect(plaintextSecretSettings(env({ "runai:url": "u", "runai:clientId": "c", "app:clientSecret": "x" }, []))).toEqual([]);
  });

  it("reads the old `runai:config:clientSecret` spelling of keys", () => {
    expect(plaintextSecretSettings(env({ "runai:config:clientSecret": "s" }, []))).toEqual(["runai:clientSecret"]);
    expect(plaintextSecretSettings(env({ "runai:config:clientSecret": "s" }, ["runai:config:clientSecret"]))).toEqual([]);
  });

  it("names nothing when the host did not say which keys are secret, or said it unreadably", () => {
    expect(plaintextSecretSettings(env({ "runai:clientSecret": "s" }))).toEqual([]);
    expect(plaintextSecretSettings({ PULUMI_CONFIG: '{"runai:clientSecret":"s"}', PULUMI_CONFIG_SECRET_KEYS: "not json" })).toEqual([]);
    expect(plaintextSecretSettings({})).toEqual([]);
  });
});
