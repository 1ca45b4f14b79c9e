// The asset family beyond ConfigMaps and environments (compute, PVC, S3, Git, secret volume and the
// four credentials), through their registry rows: every cross-field rule of the contract at check
// time with its exact message, which changes update in place and which replace, and that the
// server's defaults never read as a change.
import doc from "../../api/runai-2.22.openapi.json";
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor, KINDS } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";

type Json = Record<string, any>;

const reasons = (type: string, news: Json) => checkInputs(kindFor(type), news).failures.map((f) => f.reason);
const diff = (type: string, olds: Json, news: Json) => diffInputs(kindFor(type), olds, news);

const meta = { name: "data", scope: "project", projectId: 1001 };
const KEY_ID = "3f1c8a52-6b0e-4c1d-9e7a-2d4b5c6a7e81";
const SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

/** Valid inputs per kind (what the examples and the lifecycle fixtures use). */
const VALID: Record<string, Json> = {
  ComputeAsset: { meta, spec: { gpuDevicesRequest: 1, gpuRequestType: "portion", gpuPortionRequest: 0.5, cpuMemoryRequest: "4Gi" } },
  PvcAsset: { meta, spec: { path: "/data", claimInfo: { size: "10Gi", storageClass: "standard" } } },
  S3Asset: { meta, spec: { bucket: "datasets", path: "/s3", url: "https://minio.example.com:9000", accessKeyAssetId: KEY_ID } },
  GitAsset: { meta, spec: { repository: "https://github.com/acme/train.git", branch: "main", path: "/code" } },
  SecretVolumeAsset: { meta, spec: { credentialAssetId: KEY_ID, mountPath: "/secrets" } },
  AccessKeyCredential: { meta, spec: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: SECRET } },
  PasswordCredential: { meta, spec: { user: "ci-bot", password: SECRET } },
  DockerRegistryCredential: { meta, spec: { url: "https://nvcr.io", user: "$oauthtoken", password: SECRET } },
  GenericSecretCredential: { meta, spec: { keyValuePairs: [{ key: "token", value: SECRET }] } },
};
const withSpec = (type: string, spec: Json) => ({ ...VALID[type], spec: { ...VALID[type].spec, ...spec } });

describe("valid inputs", () => {
  it.each(Object.keys(VALID))("%s passes check", (type) => {
    expect(reasons(type, VALID[type])).toEqual([]);
  });

  it("credentials may name an existing Kubernetes secret instead of the values", () => {
    for (const type of ["AccessKeyCredential", "PasswordCredential", "DockerRegistryCredential", "GenericSecretCredential"]) {
      expect(reasons(type, { meta, spec: { existingSecretName: "team-a-creds" } })).toEqual([]);
    }
  });
});

// [case, type, inputs, the exact reasons]
const BAD_INPUTS: [string, string, Json, string[]][] = [
  // compute: how GPUs are requested
  [
    "a portion without gpuRequestType",
    "ComputeAsset",
    { meta, spec: { gpuDevicesRequest: 1, gpuPortionRequest: 0.5 } },
    ['spec.gpuRequestType: is required when spec.gpuPortionRequest is set (set it to "portion")'],
  ],
  [
    'gpuRequestType "portion" without the portion',
    "ComputeAsset",
    { meta, spec: { gpuDevicesRequest: 1, gpuRequestType: "portion" } },
    ['spec.gpuPortionRequest: is required when spec.gpuRequestType is "portion"'],
  ],
  [
    'gpuRequestType "memory" without the memory',
    "ComputeAsset",
    { meta, spec: { gpuDevicesRequest: 1, gpuRequestType: "memory" } },
    ['spec.gpuMemoryRequest: is required when spec.gpuRequestType is "memory"'],
  ],
  [
    "memory fields with a portion request",
    "ComputeAsset",
    withSpec("ComputeAsset", { gpuMemoryRequest: "10G", gpuMemoryLimit: "20G" }),
    [
      'spec.gpuMemoryRequest: not allowed when spec.gpuRequestType is "portion"',
      'spec.gpuMemoryLimit: not allowed when spec.gpuRequestType is "portion"',
    ],
  ],
  [
    "a MIG profile with a memory request",
    "ComputeAsset",
    { meta, spec: { gpuDevicesRequest: 1, gpuRequestType: "memory", gpuMemoryRequest: "10G", migProfile: "1g.5gb" } },
    ['spec.migProfile: not allowed when spec.gpuRequestType is "memory"'],
  ],
  [
    "GPU memory per device for two devices",
    "ComputeAsset",
    { meta, spec: { gpuDevicesRequest: 2, gpuRequestType: "memory", gpuMemoryRequest: "10G" } },
    [
      'spec.gpuRequestType: must be "portion" when spec.gpuDevicesRequest is more than 1 (each device gets the same portion; memory and MIG profiles apply to one device)',
    ],
  ],
  [
    "a GPU request type with zero devices",
    "ComputeAsset",
    withSpec("ComputeAsset", { gpuDevicesRequest: 0 }),
    ["spec.gpuDevicesRequest: must be at least 1 when spec.gpuRequestType is set"],
  ],
  [
    "a portion above one GPU",
    "ComputeAsset",
    withSpec("ComputeAsset", { gpuPortionRequest: 1.5, gpuPortionLimit: 2 }),
    [
      "spec.gpuPortionRequest: must be at most 1 (a portion of each GPU; request more devices for more)",
      "spec.gpuPortionLimit: must be at most 1 (a portion of each GPU; request more devices for more)",
    ],
  ],
  [
    "a portion limit below the request",
    "ComputeAsset",
    withSpec("ComputeAsset", { gpuPortionLimit: 0.25 }),
    ["spec.gpuPortionLimit: must be at least spec.gpuPortionRequest (0.5)"],
  ],
  [
    "a GPU memory limit below the request (in other units)",
    "ComputeAsset",
    { meta, spec: { gpuDevicesRequest: 1, gpuRequestType: "memory", gpuMemoryRequest: "2Gi", gpuMemoryLimit: "2000M" } },
    ['spec.gpuMemoryLimit: must be at least spec.gpuMemoryRequest ("2Gi")'],
  ],
  [
    "a CPU limit below the request",
    "ComputeAsset",
    { meta, spec: { cpuCoreRequest: 2, cpuCoreLimit: 0.5 } },
    ["spec.cpuCoreLimit: must be at least spec.cpuCoreRequest (2)"],
  ],
  [
    "a CPU memory limit below the request",
    "ComputeAsset",
    { meta, spec: { cpuMemoryRequest: "8Gi", cpuMemoryLimit: "4Gi" } },
    ['spec.cpuMemoryLimit: must be at least spec.cpuMemoryRequest ("8Gi")'],
  ],
  [
    "a memory size that is no quantity",
    "ComputeAsset",
    { meta, spec: { cpuMemoryRequest: "lots" } },
    ["spec.cpuMemoryRequest: must match /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/"],
  ],
  [
    "extended resources without a name, without a quantity, and twice",
    "ComputeAsset",
    {
      meta,
      spec: {
        extendedResources: [
          { quantity: "1" },
          { resource: "hugepages-2Mi" },
          { resource: "example.com/fpga", quantity: "1" },
          { resource: "example.com/fpga", quantity: "2" },
        ],
      },
    },
    [
      "spec.extendedResources[0].resource: is required",
      "spec.extendedResources[1].quantity: is required unless exclude is true",
      'spec.extendedResources[3].resource: "example.com/fpga" is listed twice; list each resource once',
    ],
  ],
  [
    "a negative CPU request and an unknown request type",
    "ComputeAsset",
    { meta, spec: { cpuCoreRequest: -1, gpuRequestType: "half" } },
    ['spec.gpuRequestType: must be one of "portion", "memory", "migProfile"', "spec.cpuCoreRequest: must be at least 0"],
  ],
  // PVC: an existing claim or a new one
  [
    "a PVC without its mount path or a size",
    "PvcAsset",
    { meta, spec: {} },
    ["spec.path: is required", 'spec.claimInfo.size: is required unless spec.existingPvc is true (the size of the new claim, e.g. "10Gi")'],
  ],
  [
    "an existing claim with claim details and no name",
    "PvcAsset",
    { meta, spec: { path: "/data", existingPvc: true, claimInfo: { size: "1Gi" } } },
    [
      "spec.claimInfo: must not be set when spec.existingPvc is true (the claim exists already)",
      "spec.claimName: is required when spec.existingPvc is true (the name of the existing claim)",
    ],
  ],
  [
    "a claim name Kubernetes refuses and a relative path",
    "PvcAsset",
    withSpec("PvcAsset", { claimName: "Team_Data", path: "data" }),
    [
      'spec.path: must be an absolute path (start with "/"), got "data"',
      'spec.claimName: must be a Kubernetes name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
    ],
  ],
  [
    "every access mode turned off",
    "PvcAsset",
    withSpec("PvcAsset", { claimInfo: { size: "1Gi", accessModes: { readWriteOnce: false } } }),
    ["spec.claimInfo.accessModes: must enable at least one of readWriteOnce (the default), readOnlyMany or readWriteMany"],
  ],
  [
    "an annotation twice and a bad volume mode",
    "PvcAsset",
    withSpec("PvcAsset", {
      claimInfo: {
        size: "1Gi",
        volumeMode: "Raw",
        addedAttrValues: [
          { key: "team", value: "a" },
          { key: "team", value: "b" },
        ],
      },
    }),
    [
      'spec.claimInfo.volumeMode: must be one of "Filesystem", "Block"',
      'spec.claimInfo.addedAttrValues[1].key: "team" is listed twice; keys must be unique',
    ],
  ],
  // S3 and Git
  [
    "an S3 bucket given as a URL, a relative path and an endpoint that is no URL",
    "S3Asset",
    withSpec("S3Asset", { bucket: "s3://datasets/raw", path: "s3", url: "minio:9000" }),
    [
      'spec.path: must be an absolute path (start with "/"), got "s3"',
      'spec.bucket: must be a bucket name (3 to 63 lowercase letters, digits, "." and "-"), not a URL or a path; the endpoint goes in spec.url',
      'spec.url: must be an http:// or https:// URL of the S3 endpoint, e.g. "https://minio.example.com:9000" (AWS S3 when absent)',
    ],
  ],
  [
    "an S3 asset without bucket and path, with a key id that is no UUID",
    "S3Asset",
    { meta, spec: { accessKeyAssetId: "my-key" } },
    ["spec.accessKeyAssetId: must be a UUID", "spec.bucket: is required", "spec.path: is required"],
  ],
  [
    "a Git repository that is no URL",
    "GitAsset",
    withSpec("GitAsset", { repository: "acme/train" }),
    ['spec.repository: must be a repository URL ("https://…", "ssh://…" or "git@host:path")'],
  ],
  [
    "a Git asset without repository or path",
    "GitAsset",
    { meta, spec: { branch: "main" } },
    ["spec.repository: is required", "spec.path: is required"],
  ],
  [
    "a secret volume without credential and with a relative mount path",
    "SecretVolumeAsset",
    { meta, spec: { mountPath: "secrets" } },
    ["spec.credentialAssetId: is required", 'spec.mountPath: must be an absolute path (start with "/"), got "secrets"'],
  ],
  // credentials: the values or an existing secret, never both
  [
    "an access key with neither values nor an existing secret",
    "AccessKeyCredential",
    { meta, spec: {} },
    [
      "spec.accessKeyId: is required unless spec.existingSecretName is set",
      "spec.secretAccessKey: is required unless spec.existingSecretName is set",
    ],
  ],
  [
    "an access key with both values and an existing secret",
    "AccessKeyCredential",
    withSpec("AccessKeyCredential", { existingSecretName: "aws-creds" }),
    [
      "spec.existingSecretName: must not be set together with spec.accessKeyId, spec.secretAccessKey: take the values either from an existing Kubernetes secret or from the program",
    ],
  ],
  [
    "a password without the user",
    "PasswordCredential",
    { meta, spec: { password: SECRET } },
    ["spec.user: is required unless spec.existingSecretName is set"],
  ],
  [
    "an existing secret name Kubernetes refuses",
    "PasswordCredential",
    { meta, spec: { existingSecretName: "Git_Creds" } },
    [
      'spec.existingSecretName: must be a Kubernetes secret name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
    ],
  ],
  [
    "a registry login without its URL",
    "DockerRegistryCredential",
    { meta, spec: { user: "bot", password: SECRET } },
    ["spec.url: is required unless spec.existingSecretName is set"],
  ],
  [
    "a registry password together with an existing secret",
    "DockerRegistryCredential",
    { meta, spec: { existingSecretName: "pull-secret", password: SECRET } },
    [
      "spec.existingSecretName: must not be set together with spec.password: take the values either from an existing Kubernetes secret or from the program",
    ],
  ],
  [
    "a generic secret with no pairs",
    "GenericSecretCredential",
    { meta, spec: { keyValuePairs: [] } },
    ["spec.keyValuePairs: must hold at least one pair unless spec.existingSecretName is set"],
  ],
  [
    "a generic secret without pairs or an existing secret",
    "GenericSecretCredential",
    { meta, spec: {} },
    ["spec.keyValuePairs: is required unless spec.existingSecretName is set"],
  ],
  [
    "generic secret pairs without key or value, a bad key and a key twice",
    "GenericSecretCredential",
    {
      meta,
      spec: { keyValuePairs: [{ value: SECRET }, { key: "api token", value: SECRET }, { key: "token" }, { key: "token", value: SECRET }] },
    },
    [
      "spec.keyValuePairs[0].key: is required",
      'spec.keyValuePairs[1].key: must consist of letters, digits, "-", "_" and "." (a Kubernetes secret key)',
      "spec.keyValuePairs[2].value: is required",
      'spec.keyValuePairs[3].key: "token" is listed twice; keys must be unique',
    ],
  ],
  [
    "a misspelt credential field",
    "AccessKeyCredential",
    withSpec("AccessKeyCredential", { secretKey: SECRET }),
    ['spec: unknown field "secretKey"'],
  ],
  [
    "a credential in the system scope",
    "GenericSecretCredential",
    { ...VALID.GenericSecretCredential, meta: { name: "x", scope: "system" } },
    ['meta.scope: "system" is reserved for Run:ai itself; use "tenant", "cluster", "department" or "project"'],
  ],
];

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
    const SPEC_SCHEMAS: Record<string, string> = {
      ConfigMapAsset: "ConfigMapAssetSpec",
      EnvironmentAsset: "EnvironmentAssetSpec",
      NfsAsset: "NFSAssetSpec",
      HostPathAsset: "HostPathSpec",
      ComputeAsset: "ComputeAssetSpec",
      PvcAsset: "PVCAssetSpec",
      S3Asset: "S3AssetSpec",
      GitAsset: "GitAssetSpec",
      SecretVolumeAsset: "SecretAssetSpec",
      AccessKeyCredential: "AccessKeyCreationSpec",
      PasswordCredential: "PasswordCreationSpec",
      DockerRegistryCredential: "DockerRegistryCreationSpec",
      GenericSecretCredential: "GenericSecretCreationSpec",
    };
    const assetKinds = KINDS.filter((kind) => kind.type !== "Application").map((kind) => kind.type);
    expect(Object.keys(SPEC_SCHEMAS).sort()).toEqual([...assetKinds].sort());
    for (const [type, schemaName] of Object.entries(SPEC_SCHEMAS)) {
      const declared = contractDefaults(schemas, schemas[schemaName]) ?? {};
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
