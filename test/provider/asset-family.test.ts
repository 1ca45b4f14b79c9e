// The asset family beyond ConfigMaps and environments (compute, PVC, S3, Git, secret volume and the
// four credentials), through their registry rows: every cross-field rule of the contract at check
// time with its exact message, which changes update in place and which replace, and that the
// server's defaults never read as a change.
import doc from "../../api/runai-2.22.openapi.json";
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { allKinds, kindFor } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";
import { BAD_INPUTS, KEY_ID, meta, SECRET, VALID, withSpec } from "../fixtures/bad-inputs";
import { assetCollections } from "../support/asset-kinds";

type Json = Record<string, any>;

const reasons = (type: string, news: Json) => checkInputs(kindFor(type), news).failures.map((f) => f.reason);
const diff = (type: string, olds: Json, news: Json) => diffInputs(kindFor(type), olds, news);

describe("valid inputs", () => {
  it.each(Object.keys(VALID))("%s passes check", (type) => {
    expect(reasons(type, VALID[type])).toEqual([]);
  });

  it("credentials may name an existing Kubernetes secret instead of the values", () => {
    const credentials = assetCollections().filter(({ path }) => path.startsWith("/api/v1/asset/credentials/"));
    expect(credentials).not.toEqual([]);
    for (const { type } of credentials) {
      expect(reasons(type, { meta, spec: { existingSecretName: "team-a-creds" } })).toEqual([]);
    }
  });
});

describe(`bad inputs fail at check with every reason, exactly (${BAD_INPUTS.length} cases)`, () => {
  it.each(BAD_INPUTS)("%s", (_case, type, news, expected) => {
    expect(reasons(type, news)).toEqual(expected);
  });

  it("never quote a secret value", () => {
    const text = BAD_INPUTS.map(([, type, news]) => JSON.stringify(checkInputs(kindFor(type), news).failures)).join("\n");
    expect(text).not.toContain(SECRET);
  });

  it("never fire on values still unknown during preview", () => {
    expect(
      reasons("ComputeAsset", { meta, spec: { gpuDevicesRequest: UNKNOWN, gpuRequestType: "memory", gpuMemoryRequest: "1G" } }),
    ).toEqual([]);
    expect(reasons("PvcAsset", { meta, spec: { path: "/data", existingPvc: UNKNOWN, claimInfo: { size: "1Gi" } } })).toEqual([]);
    expect(reasons("AccessKeyCredential", { meta, spec: { existingSecretName: UNKNOWN, accessKeyId: "AKIA" } })).toEqual([]);
    expect(reasons("S3Asset", { meta, spec: { bucket: UNKNOWN, path: "/s3", accessKeyAssetId: UNKNOWN } })).toEqual([]);
  });
});

/** What the server answers for the valid inputs: the same fields plus its own. */
function stateOf(type: string, inputs: Json = VALID[type], serverSpec: Json = {}): Json {
  return {
    meta: {
      ...inputs.meta,
      id: "8c1e2f3a-0000-4000-8000-000000000001",
      kind: "x",
      createdBy: "a",
      createdAt: "t",
      updatedBy: "a",
      updatedAt: "t",
      autoDelete: false,
    },
    spec: { ...inputs.spec, ...serverSpec },
    status: { status: "No issues found" },
  };
}
const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };
const IN_PLACE = { changes: true, replaces: [], deleteBeforeReplace: false };
const REPLACE_SAME_NAME = { changes: true, replaces: ["spec"], deleteBeforeReplace: true };

describe("what updates in place and what replaces", () => {
  it("PVC: only the mount path (and name, description) in place; any claim change replaces", () => {
    const type = "PvcAsset";
    expect(diff(type, stateOf(type), withSpec(type, { path: "/data-v2" }))).toEqual(IN_PLACE);
    expect(diff(type, stateOf(type), { ...VALID[type], meta: { ...meta, description: "new" } })).toEqual(IN_PLACE);
    expect(diff(type, stateOf(type), withSpec(type, { claimInfo: { size: "20Gi", storageClass: "standard" } }))).toEqual(REPLACE_SAME_NAME);
    expect(diff(type, stateOf(type), withSpec(type, { readOnly: true }))).toEqual(REPLACE_SAME_NAME);
  });

  it("S3 and Git: the referenced credential's id replaces (also while it is unknown), the rest is in place", () => {
    expect(diff("S3Asset", stateOf("S3Asset"), withSpec("S3Asset", { bucket: "datasets-v2" }))).toEqual(IN_PLACE);
    expect(diff("S3Asset", stateOf("S3Asset"), withSpec("S3Asset", { accessKeyAssetId: UNKNOWN }))).toEqual(REPLACE_SAME_NAME);
    // The engine asks whether a dependent of a replaced object must go too by passing its whole input as unknown.
    expect(diff("S3Asset", stateOf("S3Asset"), { ...VALID.S3Asset, spec: UNKNOWN })).toEqual(REPLACE_SAME_NAME);
    const git = withSpec("GitAsset", { passwordAssetId: KEY_ID });
    expect(diff("GitAsset", stateOf("GitAsset", git), withSpec("GitAsset", { passwordAssetId: UNKNOWN }))).toEqual(REPLACE_SAME_NAME);
    expect(diff("GitAsset", stateOf("GitAsset", git), { ...git, spec: { ...git.spec, revision: "abc123" } })).toEqual(IN_PLACE);
  });

  it("secret volume: any spec change replaces", () => {
    expect(diff("SecretVolumeAsset", stateOf("SecretVolumeAsset"), withSpec("SecretVolumeAsset", { mountPath: "/other" }))).toEqual(
      REPLACE_SAME_NAME,
    );
  });

  it("credentials: only the description in place; a new name, value or rotated secret replaces", () => {
    const type = "AccessKeyCredential";
    const state = stateOf(type);
    expect(diff(type, state, VALID[type])).toEqual(NO_CHANGE);
    expect(diff(type, state, { ...VALID[type], meta: { ...meta, description: "rotated quarterly" } })).toEqual(IN_PLACE);
    expect(diff(type, state, withSpec(type, { secretAccessKey: "rotated" }))).toEqual(REPLACE_SAME_NAME);
    expect(diff(type, state, { ...VALID[type], meta: { ...meta, name: "data-v2" } })).toEqual({
      changes: true,
      replaces: ["meta"],
      deleteBeforeReplace: false,
    });
    const generic = "GenericSecretCredential";
    expect(diff(generic, stateOf(generic), withSpec(generic, { keyValuePairs: [{ key: "token", value: "rotated" }] }))).toEqual(
      REPLACE_SAME_NAME,
    );
  });
});

describe("server defaults never read as a change", () => {
  it("a PVC read back with every default the contract declares", () => {
    const serverSpec = {
      existingPvc: false,
      readOnly: false,
      ephemeral: false,
      dataSharing: false,
      claimInfo: {
        size: "10Gi",
        storageClass: "standard",
        accessModes: { readWriteOnce: true, readOnlyMany: false, readWriteMany: false },
      },
    };
    expect(diff("PvcAsset", stateOf("PvcAsset", VALID.PvcAsset, serverSpec), VALID.PvcAsset)).toEqual(NO_CHANGE);
  });

  it("every row's defaults hold every default the contract declares for its spec", () => {
    const schemas = doc.components.schemas as Record<string, Json>;
    // The spec schema each asset kind's POST takes, from the document.
    const specSchemaOf = (collection: string) => {
      const request = (doc.paths as Record<string, Json>)[collection]?.post?.requestBody?.content?.["application/json"]?.schema;
      return schemas[request?.$ref?.split("/").pop()]?.properties?.spec?.$ref?.split("/").pop() as string | undefined;
    };
    const SPEC_SCHEMAS = Object.fromEntries(assetCollections().map(({ type, path }) => [type, specSchemaOf(path)]));
    for (const [type, schemaName] of Object.entries(SPEC_SCHEMAS))
      expect({ type, schemaName }).toEqual({ type, schemaName: expect.any(String) });
    const assetKinds = allKinds()
      .filter((kind) => kind.type.endsWith("Asset") || kind.type.endsWith("Credential"))
      .map((kind) => kind.type);
    expect(Object.keys(SPEC_SCHEMAS).sort()).toEqual([...assetKinds].sort());
    for (const [type, schemaName] of Object.entries(SPEC_SCHEMAS)) {
      const declared = contractDefaults(schemas, schemas[schemaName!]) ?? {};
      // Reading the declared defaults back must not be a change from a spec that leaves them out.
      const kind = kindFor(type);
      const fields = [...kind.updatable, ...kind.creationOnly].filter((rule) => rule.path === "spec" || rule.path.startsWith("spec."));
      for (const rule of fields) {
        const key = rule.path === "spec" ? undefined : rule.path.slice("spec.".length);
        const value = key === undefined ? declared : declared[key];
        if (value === undefined) continue;
        const olds = { spec: key === undefined ? value : { [key]: value } };
        expect({ type, path: rule.path, changes: diffInputs(kind, olds as Json, { spec: {} }).changes }).toEqual({
          type,
          path: rule.path,
          changes: false,
        });
      }
    }
  });
});

/** Every `default` a schema declares, in the schema's shape (list items' defaults at the list's key). */
function contractDefaults(schemas: Record<string, Json>, schema: Json | undefined, seen: string[] = []): any {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() as string;
    return seen.includes(name) ? undefined : contractDefaults(schemas, schemas[name], [...seen, name]);
  }
  if (schema.default !== undefined && schema.type !== "object") return schema.default;
  const out: Json = {};
  for (const part of schema.allOf ?? []) Object.assign(out, contractDefaults(schemas, part, seen) ?? {});
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const value = contractDefaults(schemas, property as Json, seen);
    if (value !== undefined) out[key] = value;
  }
  if (schema.items) return contractDefaults(schemas, schema.items, seen);
  return Object.keys(out).length > 0 ? out : undefined;
}
