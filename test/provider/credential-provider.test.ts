// Credential kinds through the generic adapter, method by method against the emulator: Run:ai never
// returns a secret, so the outputs carry the program's values (on create, update and refresh alike),
// a PUT changes the description only, and a taken name says what adoption would do to the values.
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { caught } from "../support/async";
import { EmulatorHarness } from "../support/emulator";
import { refusalLine } from "../support/not-managed";

const ACCESS_KEYS = "/api/v1/asset/credentials/access-key";
const accessKeys = providerFor("AccessKeyCredential") as Required<ReturnType<typeof providerFor>>;
const genericSecrets = providerFor("GenericSecretCredential") as Required<ReturnType<typeof providerFor>>;

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start();
});
afterAll(() => emulator?.stop());
beforeEach(() => {
  const values = emulator.adminSettings();
  for (const provider of [accessKeys, genericSecrets]) void provider.configure({ config: { get: (key: string) => values[key] } } as never);
});
afterEach(() => clearTokenCache());

const meta = (name: string) => ({ name, scope: "project", projectId: 1001, description: "first" });
const accessKey = (name: string, secretAccessKey = "key-secret-1") => ({
  meta: meta(name),
  spec: { accessKeyId: "AKIA1", secretAccessKey },
});

it("outputs the program's secret values, which Run:ai answers with null, on create, refresh and update", async () => {
  const inputs = accessKey("carried");
  const { id, outs } = await accessKeys.create(inputs);
  expect((await emulator.api("GET", `${ACCESS_KEYS}/${id}`)).body.spec.secretAccessKey).toBeNull();
  expect(outs.spec).toEqual({ accessKeyId: "AKIA1", secretAccessKey: "key-secret-1", keyId: 1 });
  expect(outs.clusterInfo).toEqual({ resources: [{ name: expect.any(String) }] });

  const read = await accessKeys.read(id, outs);
  expect(read.props?.spec).toEqual(outs.spec);

  // Only the description changes in place: the PUT carries it alone.
  const described = { ...inputs, meta: { ...inputs.meta, description: "second" } };
  const updated = await accessKeys.update(id, outs, described);
  expect(updated.outs?.meta).toMatchObject({ name: "carried", description: "second" });
  expect(updated.outs?.spec).toEqual(outs.spec);
  await accessKeys.delete(id, updated.outs ?? {});
});

it("pairs each generic secret value with its key", async () => {
  const inputs = {
    meta: meta("pairs"),
    spec: {
      keyValuePairs: [
        { key: "a", value: "value-a" },
        { key: "b", value: "value-b" },
      ],
    },
  };
  const { id, outs } = await genericSecrets.create(inputs);
  expect(outs.spec.keyValuePairs).toEqual(inputs.spec.keyValuePairs);
  expect((await genericSecrets.read(id, outs)).props?.spec.keyValuePairs).toEqual(inputs.spec.keyValuePairs);
  await genericSecrets.delete(id, outs);
});

it("refuses a taken name, saying that adoption keeps the values as they are", async () => {
  const existing = await emulator.api("POST", ACCESS_KEYS, accessKey("taken", "someone-elses-secret"));
  expect(existing.status).toBe(202);
  const error = (await caught(accessKeys.create(accessKey("taken")))) as Error;
  const { id, createdBy, createdAt } = existing.body.meta;
  expect(refusalLine(error.message)).toBe(
    `Access key credential "taken" already exists in project 1001 (id ${id}, created by ${createdBy} at ${createdAt}) and is not managed by this stack. ` +
      "Set adoptExisting: true to take it over with this program's values (its secret values stay as they are, since Run:ai can neither show nor change them), " +
      "or choose another meta.name.",
  );
  expect(error.message).not.toContain("key-secret-1");
  const adopted = await accessKeys.create({ ...accessKey("taken"), adoptExisting: true });
  expect(adopted.id).toBe(existing.body.meta.id);
});
