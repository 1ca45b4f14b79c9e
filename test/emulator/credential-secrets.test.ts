// Credential secret values go in with a POST and never come out: not in any response (create, get,
// list, update, errors), not in a log line, not in the state file nor the admin state dump.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EmulatorHarness } from "../support/emulator";
import { ACCESS_KEYS, DOCKER_REGISTRIES, GENERIC_SECRETS, PASSWORDS, assetBody } from "./helpers";

const SECRETS = {
  secretAccessKey: "SECRET-access-key-4f1c9a",
  password: "SECRET-password-8b2d7e",
  registryPassword: "SECRET-registry-3e6f0b",
  genericValue: "SECRET-generic-value-5a9c1d",
  otherGenericValue: "SECRET-generic-other-7d4e2f",
};

const KINDS: Array<{ base: string; spec: Record<string, unknown>; expected: Record<string, unknown> }> = [
  {
    base: ACCESS_KEYS,
    spec: { accessKeyId: "AKIA-visible", secretAccessKey: SECRETS.secretAccessKey },
    expected: { accessKeyId: "AKIA-visible", secretAccessKey: null, keyId: 1 },
  },
  {
    base: PASSWORDS,
    spec: { user: "visible-user", password: SECRETS.password },
    expected: { user: "visible-user", password: null, keyId: 1 },
  },
  {
    base: DOCKER_REGISTRIES,
    spec: { user: "visible-user", password: SECRETS.registryPassword, url: "https://registry.example.com" },
    expected: { user: "visible-user", password: null, url: "https://registry.example.com", keyId: 1 },
  },
  {
    base: GENERIC_SECRETS,
    spec: {
      keyValuePairs: [
        { key: "visible-key", value: SECRETS.genericValue },
        { key: "other-key", value: SECRETS.otherGenericValue },
      ],
    },
    expected: {
      keyValuePairs: [
        { key: "visible-key", value: null },
        { key: "other-key", value: null },
      ],
      keyId: 1,
    },
  },
];

let dir: string;
let h: EmulatorHarness;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "runai-emulator-secrets-"));
  h = await EmulatorHarness.start({ syncDelayMs: 0, checkContract: true, stateFile: path.join(dir, "state.json") });
});
afterAll(async () => {
  await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const expectNoSecret = (where: string, text: string) => {
  for (const secret of Object.values(SECRETS)) {
    if (text.includes(secret)) throw new Error(`${where} contains the secret value ${secret}`);
  }
};

test("secret values appear in no response, log line, state file or state dump", async () => {
  const responses: unknown[] = [];
  const call = async (method: string, urlPath: string, body?: unknown) => {
    const res = await h.call(method, urlPath, { body });
    responses.push({ status: res.status, body: res.body, headers: [...res.headers.entries()] });
    return res;
  };

  for (const { base, spec, expected } of KINDS) {
    // Rejected bodies first: a rule failure, a scope failure and a schema failure, each with the secrets in it.
    const withSecretName = await call("POST", base, assetBody("bad", { ...spec, existingSecretName: "existing" }));
    expect(withSecretName.status).toBe(400);
    const noProject = await call("POST", base, assetBody("bad", spec, { scope: "project" }));
    expect(noProject.status).toBe(400);
    const badType = await call("POST", base, assetBody("bad", { ...spec, existingSecretName: 7 }));
    expect(badType.status).toBe(400);

    const created = await call("POST", base, assetBody("cred", spec));
    expect(created.status).toBe(202);
    expect(created.body.spec).toEqual(expected);
    expect(created.body.clusterInfo).toEqual({ resources: [{ name: "cred" }] });
    const id = created.body.meta.id;
    expect((await call("GET", `${base}/${id}?statusInfo=true&usageInfo=true`)).body.spec).toEqual(expected);
    expect((await call("GET", `${base}?statusInfo=true`)).body.entries[0].spec).toEqual(expected);
    const updated = await call("PUT", `${base}/${id}`, { meta: { description: "d" }, spec });
    expect(updated.body.spec).toEqual(expected);
  }

  await h.stop(); // waits for any state-file write (stop() is idempotent: afterAll calls it again)
  expectNoSecret("a response", JSON.stringify(responses));
  expect(h.logs.length).toBeGreaterThan(KINDS.length * 7);
  expectNoSecret("the log", h.logs.join("\n"));
  const stateFile = fs.readFileSync(path.join(dir, "state.json"), "utf8");
  expect(stateFile).toContain("AKIA-visible"); // the file does hold the credentials, without their secrets
  expectNoSecret("the state file", stateFile);
});

test("the admin state dump holds no secret either", async () => {
  const other = await EmulatorHarness.start({ syncDelayMs: 0 });
  try {
    for (const { base, spec } of KINDS) expect((await other.call("POST", base, { body: assetBody("c", spec) })).status).toBe(202);
    const dump = await other.admin("GET", "/__emulator/state");
    expect(dump.body.assets).toHaveLength(KINDS.length);
    expectNoSecret("the state dump", JSON.stringify(dump.body));
  } finally {
    await other.stop();
  }
});
