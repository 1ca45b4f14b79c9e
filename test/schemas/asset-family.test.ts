// The compute, datasource (PVC, S3, Git, secret volume) and credential schemas against the 2.22
// contract: every property modelled, the document's examples and realistic objects accepted, zod and
// the document (ajv) agreeing on a table of cases, requests strict and responses lenient.
import { z } from "zod";
import {
  ACCESS_KEY_CREDENTIAL,
  AccessKeySpec,
  AccessKeySpecResponse,
  ASSET_KINDS,
  AssetContract,
  assetKindSchemas,
  assetResponseWithClusterInfo,
  ClaimInfo,
  ClusterInfo,
  ClusterResourceInfo,
  COMPUTE_ASSET,
  ComputeSpec,
  ComputeSpecResponse,
  CredentialUpdateMeta,
  CredentialUpdateRequest,
  DOCKER_REGISTRY_CREDENTIAL,
  DockerRegistrySpec,
  DockerRegistrySpecResponse,
  ExtendedResource,
  GENERIC_SECRET_CREDENTIAL,
  GenericSecretSpec,
  GenericSecretSpecResponse,
  GIT_ASSET,
  GitSpec,
  GitSpecResponse,
  GPU_REQUEST_TYPES,
  KeyValuePair,
  MIG_PROFILES,
  PASSWORD_CREDENTIAL,
  PasswordSpec,
  PasswordSpecResponse,
  PVC_ASSET,
  PVC_ATTR_KEY_PATTERN,
  PVC_VOLUME_MODES,
  PvcAccessModes,
  PvcAddedAttrValue,
  PvcSpec,
  PvcSpecResponse,
  PvcUpdateRequest,
  PvcUpdateSpec,
  QUANTITY_PATTERN,
  S3_ASSET,
  S3Spec,
  S3SpecResponse,
  SECRET_VOLUME_ASSET,
  SecretVolumeSpec,
  SecretVolumeSpecResponse,
} from "../../src/schemas";
import { contractAccepts, contractProperties, contractPropertySchemas, doc, keysOf, propertyExamples, resolve, schemas } from "./contract";

// ---- fixtures ---------------------------------------------------------------------------------------

const UUID = "5b3ad0f4-0a4c-4bd5-9f35-2c8a0e0b7c11";
const CLUSTER_ID = "71f69d83-ba66-4822-adf5-55ce55efd210";
const PROJECT_META = { name: "team-a-data", description: "Team A data", scope: "project", projectId: 1001 } as const;

/** The read-only part of AssetMeta, as a server fills it. */
const readOnlyMeta = {
  id: "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",
  tenantId: 1001,
  createdBy: "admin@run.ai",
  createdAt: "2025-01-01T00:00:00Z",
  updatedBy: "admin@run.ai",
  updatedAt: "2025-01-02T10:20:30.123Z",
  projectName: "team-a",
  updateCount: 0,
};

const computeSpec = {
  gpuDevicesRequest: 1,
  gpuRequestType: "portion",
  gpuPortionRequest: 0.5,
  gpuPortionLimit: 1,
  cpuCoreRequest: 0.5,
  cpuCoreLimit: 2,
  cpuMemoryRequest: "1G",
  cpuMemoryLimit: "4Gi",
  largeShmRequest: true,
  extendedResources: [{ resource: "hardware-vendor.example/foo", quantity: "2", exclude: false }],
} as const;
/** Every field of ComputeAssetSpec (the GPU fields of every request type, as the contract alone allows). */
const fullComputeSpec = {
  ...computeSpec,
  gpuMemoryRequest: "10M",
  gpuMemoryLimit: "20M",
  migProfile: "1g.5gb",
};

const pvcSpec = {
  path: "/data",
  existingPvc: false,
  claimName: "team-a-data",
  readOnly: false,
  ephemeral: false,
  dataSharing: true,
  claimInfo: {
    size: "10Gi",
    storageClass: "standard",
    accessModes: { readWriteOnce: false, readOnlyMany: false, readWriteMany: true },
    volumeMode: "Filesystem",
    addedAttrValues: [{ key: "dnsname", value: "my.dns.com" }],
  },
} as const;

const s3Spec = { bucket: "my-bucket", path: "/container/my-bucket", url: "https://s3.amazonaws.com", accessKeyAssetId: UUID };
const gitSpec = {
  repository: "https://github.com/my-git/my-repo",
  branch: "main",
  revision: "0a1b2c3",
  path: "/container/my-repository",
  passwordAssetId: UUID,
};
const secretVolumeSpec = { credentialAssetId: UUID, mountPath: "/etc/secret" };

const accessKeySpec = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const passwordSpec = { user: "ci", password: "hunter2" };
const dockerRegistrySpec = { user: "ci", password: "hunter2", url: "https://registry.example.com" };
const genericSecretSpec = {
  keyValuePairs: [
    { key: "TOKEN", value: "t0k3n" },
    { key: "EMPTY", value: "" },
  ],
};

const clusterInfo = { resources: [{ name: "password-credential-1" }] };

/** An asset as the server returns it (credentials: no usageTimes; secrets as the server chose to return them). */
function asset(kind: string, spec: unknown, extra: Record<string, unknown> = {}) {
  return {
    meta: { ...PROJECT_META, ...readOnlyMeta, kind, clusterId: CLUSTER_ID },
    spec,
    usedBy: null,
    status: { status: "No issues found", issues: [], message: "", url: "" },
    ...extra,
  };
}

// ---- the kinds --------------------------------------------------------------------------------------

interface KindRow {
  contract: AssetContract<any, any>;
  /** The contract's spec schema of a POST body, and of a response. */
  creationSpec: string;
  responseSpec: string;
  /** The contract's `<Kind>CreationRequest` and `<Kind>` (response). */
  creationRequest: string;
  response: string;
  /** A realistic spec to send, and the spec the server returns for it. */
  sent: Record<string, unknown>;
  returned: Record<string, unknown>;
}

const KINDS: KindRow[] = [
  {
    contract: COMPUTE_ASSET,
    creationSpec: "ComputeAssetSpec",
    responseSpec: "ComputeAssetSpec",
    creationRequest: "ComputeCreationRequest",
    response: "ComputeAsset",
    sent: computeSpec,
    returned: computeSpec,
  },
  {
    contract: PVC_ASSET,
    creationSpec: "PVCAssetSpec",
    responseSpec: "PVCAssetSpec",
    creationRequest: "PVCCreationRequest",
    response: "PVCAsset",
    sent: pvcSpec,
    returned: pvcSpec,
  },
  {
    contract: S3_ASSET,
    creationSpec: "S3AssetSpec",
    responseSpec: "S3AssetSpec",
    creationRequest: "S3CreationRequest",
    response: "S3Asset",
    sent: s3Spec,
    returned: s3Spec,
  },
  {
    contract: GIT_ASSET,
    creationSpec: "GitAssetSpec",
    responseSpec: "GitAssetSpec",
    creationRequest: "GitCreationRequest",
    response: "GitAsset",
    sent: gitSpec,
    returned: gitSpec,
  },
  {
    contract: SECRET_VOLUME_ASSET,
    creationSpec: "SecretAssetSpec",
    responseSpec: "SecretAssetSpec",
    creationRequest: "SecretAssetCreationRequest",
    response: "SecretAsset",
    sent: secretVolumeSpec,
    returned: secretVolumeSpec,
  },
  {
    contract: ACCESS_KEY_CREDENTIAL,
    creationSpec: "AccessKeyCreationSpec",
    responseSpec: "AccessKeySpec",
    creationRequest: "AccessKeyCreationRequest",
    response: "AccessKey",
    sent: accessKeySpec,
    returned: { accessKeyId: accessKeySpec.accessKeyId, secretAccessKey: null, keyId: 1 },
  },
  {
    contract: PASSWORD_CREDENTIAL,
    creationSpec: "PasswordCreationSpec",
    responseSpec: "PasswordSpec",
    creationRequest: "PasswordCreationRequest",
    response: "Password",
    sent: passwordSpec,
    returned: { user: "ci", keyId: 1 },
  },
  {
    contract: DOCKER_REGISTRY_CREDENTIAL,
    creationSpec: "DockerRegistryCreationSpec",
    responseSpec: "DockerRegistrySpec",
    creationRequest: "DockerRegistryCreationRequest",
    response: "DockerRegistry",
    sent: dockerRegistrySpec,
    returned: { user: "ci", password: null, url: dockerRegistrySpec.url, keyId: 7 },
  },
  {
    contract: GENERIC_SECRET_CREDENTIAL,
    creationSpec: "GenericSecretCreationSpec",
    responseSpec: "GenericSecretSpec",
    creationRequest: "GenericSecretCreationRequest",
    response: "GenericSecret",
    sent: genericSecretSpec,
    returned: { keyValuePairs: [{ key: "TOKEN", value: null }, { key: "EMPTY" }], keyId: 1 },
  },
];
const kindRows = KINDS.map((row) => [row.contract.kind, row] as const);
const isCredential = (row: KindRow) => row.contract.path.startsWith("/api/v1/asset/credentials/");
const hasClusterInfo = (row: KindRow) => isCredential(row) || row.contract === PVC_ASSET;

// ---- completeness ----------------------------------------------------------------------------------

describe("every property of the contract is modelled", () => {
  test.each([
    ["ComputeAssetSpec", ComputeSpec],
    ["ComputeAssetSpec", ComputeSpecResponse],
    ["ExtendedResource", ExtendedResource],
    ["PVCAssetSpec", PvcSpec],
    ["PVCAssetSpec", PvcSpecResponse],
    ["PvcFieldsUpdatable", PvcUpdateSpec],
    ["ClaimInfo", ClaimInfo],
    ["PvcAccessModes", PvcAccessModes],
    ["PvcAddedAttrValue", PvcAddedAttrValue],
    ["S3AssetSpec", S3Spec],
    ["S3AssetSpec", S3SpecResponse],
    ["GitAssetSpec", GitSpec],
    ["GitAssetSpec", GitSpecResponse],
    ["SecretAssetSpec", SecretVolumeSpec],
    ["SecretAssetSpec", SecretVolumeSpecResponse],
    ["AccessKeyCreationSpec", AccessKeySpec],
    ["AccessKeySpec", AccessKeySpecResponse],
    ["PasswordCreationSpec", PasswordSpec],
    ["PasswordSpec", PasswordSpecResponse],
    ["DockerRegistryCreationSpec", DockerRegistrySpec],
    ["DockerRegistrySpec", DockerRegistrySpecResponse],
    ["GenericSecretCreationSpec", GenericSecretSpec],
    ["GenericSecretSpec", GenericSecretSpecResponse],
    ["KeyValuePair", KeyValuePair],
    ["CredentialUpdateRequest", CredentialUpdateMeta],
    ["AccessKeyUpdateRequest", CredentialUpdateRequest],
    ["PasswordUpdateRequest", CredentialUpdateRequest],
    ["DockerRegistryUpdateRequest", CredentialUpdateRequest],
    ["GenericSecretUpdateRequest", CredentialUpdateRequest],
    ["PVCUpdateRequest", PvcUpdateRequest],
    ["ClusterInfo1", ClusterInfo],
    ["ClusterResourceInfo", ClusterResourceInfo],
  ])("%s", (name, schema) => {
    expect(keysOf(schema as unknown as z.ZodObject)).toEqual(contractProperties(name));
  });

  test("the enums and patterns are the contract's", () => {
    const enumOf = (name: string) => (schemas[name] as unknown as { enum: string[] }).enum;
    expect(GPU_REQUEST_TYPES).toEqual(enumOf("GpuRequestType"));
    expect(MIG_PROFILES).toEqual(enumOf("MigProfile"));
    expect(PVC_VOLUME_MODES).toEqual(enumOf("PvcVolumeMode"));
    const patternOf = (s: unknown) => (resolve(s as object) as { pattern?: string }).pattern;
    const compute = contractPropertySchemas("ComputeAssetSpec");
    for (const field of ["gpuMemoryRequest", "gpuMemoryLimit", "cpuMemoryRequest", "cpuMemoryLimit"]) {
      expect(patternOf(compute[field])).toBe(QUANTITY_PATTERN.source);
    }
    expect(patternOf(contractPropertySchemas("ClaimInfo").size)).toBe(QUANTITY_PATTERN.source);
    expect(patternOf(contractPropertySchemas("PvcAddedAttrValue").key)).toBe(PVC_ATTR_KEY_PATTERN.source);
  });

  test.each(kindRows)("%s: kind and paths are the contract's", (_kind, { contract }) => {
    expect(ASSET_KINDS).toContain(contract.kind);
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    const operations = (path: string) =>
      Object.keys(paths[path])
        .filter((k) => k !== "parameters")
        .sort();
    expect(operations(contract.path)).toEqual(["get", "post"]);
    expect(operations(`${contract.path}/{AssetId}`)).toEqual(["delete", "get", "put"]);
  });

  test("every compute field is in the full fixture", () => {
    expect(Object.keys(fullComputeSpec).sort()).toEqual(contractProperties("ComputeAssetSpec"));
  });

  test("credentials declare their secret fields", () => {
    expect(ACCESS_KEY_CREDENTIAL.secretFields).toEqual(["secretAccessKey"]);
    expect(PASSWORD_CREDENTIAL.secretFields).toEqual(["password"]);
    expect(DOCKER_REGISTRY_CREDENTIAL.secretFields).toEqual(["password"]);
    expect(GENERIC_SECRET_CREDENTIAL.secretFields).toEqual(["keyValuePairs[].value"]);
  });
});

// ---- accept ------------------------------------------------------------------------------------------

describe("accepts the contract's examples and realistic objects", () => {
  test("the document's examples", () => {
    const compute = propertyExamples("ComputeAssetSpec");
    expect(Object.keys(compute).length).toBeGreaterThanOrEqual(9);
    expect(contractAccepts("ComputeAssetSpec", compute)).toBe(true);
    expect(ComputeSpec.parse(compute)).toEqual(compute);
    for (const name of ["PVCAssetSpec", "ClaimInfo", "PvcAddedAttrValue", "S3AssetSpec", "GitAssetSpec", "KeyValuePair"]) {
      expect(contractAccepts(name, propertyExamples(name))).toBe(true);
    }
    expect(PvcSpec.parse(propertyExamples("PVCAssetSpec"))).toEqual({
      path: "/container/my-claim",
      claimName: "my-claim",
      ephemeral: false,
      dataSharing: false,
    });
    expect(ClaimInfo.parse(propertyExamples("ClaimInfo"))).toEqual({ size: "1G", storageClass: "my-storage-class" });
    expect(PvcAddedAttrValue.parse(propertyExamples("PvcAddedAttrValue"))).toEqual({ key: "dnsname", value: "my.dns.com" });
    expect(S3Spec.parse(propertyExamples("S3AssetSpec"))).toMatchObject({ bucket: "my-bucket" });
    expect(GitSpec.parse(propertyExamples("GitAssetSpec"))).toMatchObject({ branch: "main" });
    expect(KeyValuePair.parse(propertyExamples("KeyValuePair"))).toEqual({ key: "secret-key", value: "my-secret" });
    expect(ClusterResourceInfo.parse(propertyExamples("ClusterResourceInfo"))).toEqual({ name: "password-credential-1" });
    const credentialUpdate = (schemas.CredentialUpdateRequest as { example: unknown }).example;
    expect(CredentialUpdateMeta.parse(credentialUpdate)).toEqual({ description: "my-credentials" });
    expect(CredentialUpdateRequest.parse({ meta: credentialUpdate })).toEqual({ meta: { description: "my-credentials" } });
  });

  test("the document's example of an extended resource's quantity (a number) fails its own type, in both", () => {
    const example = propertyExamples("ExtendedResource");
    expect(example.quantity).toBe(2);
    expect(contractAccepts("ExtendedResource", example)).toBe(false);
    expect(ExtendedResource.safeParse(example).success).toBe(false);
    expect(ExtendedResource.parse({ ...example, quantity: "2" })).toMatchObject({ quantity: "2" });
  });

  test.each(kindRows)("%s: creation request, asset and list through assetKindSchemas", (_kind, row) => {
    const kind = assetKindSchemas(row.contract);
    const request = { meta: PROJECT_META, spec: row.sent };
    expect(kind.creationRequest.parse(request)).toEqual(request);
    expect(contractAccepts(row.creationRequest, request)).toBe(true);

    const extra = hasClusterInfo(row) ? { clusterInfo } : {};
    const returned = asset(row.contract.kind, row.returned, extra);
    expect(contractAccepts(row.response, returned)).toBe(true);
    expect(kind.asset.parse(returned).spec).toEqual(row.returned);
    expect(kind.list.parse({ entries: [returned, returned] }).entries).toHaveLength(2);
    // clusterInfo passes the lenient envelope untyped, and is typed by assetResponseWithClusterInfo.
    expect((kind.asset.parse(returned) as Record<string, unknown>).clusterInfo).toEqual(extra.clusterInfo);
    expect(assetResponseWithClusterInfo(row.contract.responseSpec).parse(returned).clusterInfo).toEqual(extra.clusterInfo);
  });

  test("every compute field, and every field null (enums aside: see the table below)", () => {
    expect(ComputeSpec.parse(fullComputeSpec)).toEqual(fullComputeSpec);
    expect(contractAccepts("ComputeAssetSpec", fullComputeSpec)).toBe(true);
    const nullsOf = (name: string, except: string[] = []) =>
      Object.fromEntries(
        contractProperties(name)
          .filter((n) => !except.includes(n))
          .map((n) => [n, null]),
      );
    const nullable: [string, z.ZodType, string[]][] = [
      ["ComputeAssetSpec", ComputeSpec, ["gpuRequestType", "migProfile"]],
      ["ExtendedResource", ExtendedResource, []],
      ["PVCAssetSpec", PvcSpec, []],
      ["ClaimInfo", ClaimInfo, ["volumeMode", "addedAttrValues"]],
      ["PvcAccessModes", PvcAccessModes, []],
      ["S3AssetSpec", S3Spec, []],
      ["GitAssetSpec", GitSpec, []],
      ["SecretAssetSpec", SecretVolumeSpec, []],
      ["AccessKeyCreationSpec", AccessKeySpec, []],
      ["PasswordCreationSpec", PasswordSpec, []],
      ["DockerRegistryCreationSpec", DockerRegistrySpec, []],
      ["GenericSecretCreationSpec", GenericSecretSpec, []],
      ["KeyValuePair", KeyValuePair, []],
      ["CredentialUpdateRequest", CredentialUpdateMeta, []],
    ];
    for (const [name, schema, except] of nullable) {
      const nulls = nullsOf(name, except);
      expect([name, contractAccepts(name, nulls)]).toEqual([name, true]);
      expect([name, schema.safeParse(nulls).success]).toEqual([name, true]);
    }
  });

  test("a PVC's PUT body carries only path", () => {
    const body = { meta: { name: "team-a-data", description: null }, spec: { path: "/data2" } };
    expect(PvcUpdateRequest.parse(body)).toEqual(body);
    expect(contractAccepts("PVCUpdateRequest", body)).toBe(true);
    expect(PvcUpdateRequest.safeParse({ ...body, spec: { path: "/data2", claimName: "x" } }).success).toBe(false);
  });
});

// ---- zod and the OpenAPI document agree -------------------------------------------------------------

type Case = [label: string, contractSchema: string, zodSchema: z.ZodType, value: unknown, valid: boolean];
const creation = (contract: AssetContract<any, any>) => assetKindSchemas(contract).creationRequest;
const req = (spec: Record<string, unknown>) => ({ meta: PROJECT_META, spec });

const Compute = creation(COMPUTE_ASSET);
const compute = (s: Record<string, unknown>) => req({ ...computeSpec, ...s });
const ext = (e: unknown) => req({ extendedResources: [e] });
const Pvc = creation(PVC_ASSET);
const pvc = (s: Record<string, unknown>) => req({ ...pvcSpec, ...s });
const claim = (c: Record<string, unknown>) => req({ claimInfo: c });
const attr = (a: unknown) => claim({ addedAttrValues: [a] });
const S3 = creation(S3_ASSET);
const Git = creation(GIT_ASSET);
const Secret = creation(SECRET_VOLUME_ASSET);
const AccessKey = creation(ACCESS_KEY_CREDENTIAL);
const Password = creation(PASSWORD_CREDENTIAL);
const Docker = creation(DOCKER_REGISTRY_CREDENTIAL);
const Generic = creation(GENERIC_SECRET_CREDENTIAL);
const AccessKeyAsset = assetResponseWithClusterInfo(ACCESS_KEY_CREDENTIAL.responseSpec);
const GenericSecretAsset = assetKindSchemas(GENERIC_SECRET_CREDENTIAL).asset;
const PvcAsset = assetResponseWithClusterInfo(PVC_ASSET.responseSpec);
const accessKeyAsset = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  asset("accessKey", spec, { clusterInfo, ...extra });
const credentialUpdate = (meta: unknown) => ({ meta });

const cases: Case[] = [
  // compute
  ["compute", "ComputeCreationRequest", Compute, req(computeSpec), true],
  ["compute, every field", "ComputeCreationRequest", Compute, req(fullComputeSpec), true],
  ["compute, empty spec", "ComputeCreationRequest", Compute, req({}), true],
  ["gpuPortionRequest 0 (minimum)", "ComputeCreationRequest", Compute, compute({ gpuPortionRequest: 0 }), true],
  ["gpuPortionRequest -0.1", "ComputeCreationRequest", Compute, compute({ gpuPortionRequest: -0.1 }), false],
  ["gpuPortionRequest 1.5 (0..1 is stated in text only)", "ComputeCreationRequest", Compute, compute({ gpuPortionRequest: 1.5 }), true],
  ["gpuPortionLimit -1", "ComputeCreationRequest", Compute, compute({ gpuPortionLimit: -1 }), false],
  ["gpuPortionRequest as a string", "ComputeCreationRequest", Compute, compute({ gpuPortionRequest: "0.5" }), false],
  ["gpuDevicesRequest 0 (minimum)", "ComputeCreationRequest", Compute, compute({ gpuDevicesRequest: 0 }), true],
  ["gpuDevicesRequest -1", "ComputeCreationRequest", Compute, compute({ gpuDevicesRequest: -1 }), false],
  ["gpuDevicesRequest 1.5 (int32)", "ComputeCreationRequest", Compute, compute({ gpuDevicesRequest: 1.5 }), false],
  ["gpuDevicesRequest above int32", "ComputeCreationRequest", Compute, compute({ gpuDevicesRequest: 2 ** 31 }), false],
  ["gpuRequestType outside the enum", "ComputeCreationRequest", Compute, compute({ gpuRequestType: "fraction" }), false],
  ["gpuRequestType null (nullable enum without null)", "ComputeCreationRequest", Compute, compute({ gpuRequestType: null }), false],
  ["migProfile 7g.80gb", "ComputeCreationRequest", Compute, compute({ migProfile: "7g.80gb" }), true],
  ["migProfile outside the enum", "ComputeCreationRequest", Compute, compute({ migProfile: "8g.80gb" }), false],
  ["migProfile null", "ComputeCreationRequest", Compute, compute({ migProfile: null }), false],
  ["gpuMemoryRequest 10Gi", "ComputeCreationRequest", Compute, compute({ gpuMemoryRequest: "10Gi" }), true],
  ["gpuMemoryRequest not a quantity", "ComputeCreationRequest", Compute, compute({ gpuMemoryRequest: "ten" }), false],
  ["gpuMemoryLimit empty", "ComputeCreationRequest", Compute, compute({ gpuMemoryLimit: "" }), false],
  ["cpuMemoryRequest 1.5e3", "ComputeCreationRequest", Compute, compute({ cpuMemoryRequest: "1.5e3" }), true],
  ["cpuMemoryLimit with a space", "ComputeCreationRequest", Compute, compute({ cpuMemoryLimit: "1 G" }), false],
  ["cpuCoreRequest 0 (minimum)", "ComputeCreationRequest", Compute, compute({ cpuCoreRequest: 0 }), true],
  ["cpuCoreLimit -0.5", "ComputeCreationRequest", Compute, compute({ cpuCoreLimit: -0.5 }), false],
  ["largeShmRequest as a string", "ComputeCreationRequest", Compute, compute({ largeShmRequest: "true" }), false],
  ["extendedResources null", "ComputeCreationRequest", Compute, req({ extendedResources: null }), true],
  ["extendedResources with a null item", "ComputeCreationRequest", Compute, ext(null), true],
  ["extended resource with an empty name", "ComputeCreationRequest", Compute, ext({ resource: "", quantity: "1" }), false],
  ["extended resource quantity as a number", "ComputeCreationRequest", Compute, ext({ resource: "r", quantity: 2 }), false],
  ["extended resource empty quantity", "ComputeCreationRequest", Compute, ext({ resource: "r", quantity: "" }), false],
  ["extended resource exclude only", "ComputeCreationRequest", Compute, ext({ resource: "r", exclude: true }), true],
  // PVC
  ["pvc", "PVCCreationRequest", Pvc, req(pvcSpec), true],
  ["pvc, existing claim", "PVCCreationRequest", Pvc, req({ path: "/data", existingPvc: true, claimName: "shared" }), true],
  ["claimName of 63 characters", "PVCCreationRequest", Pvc, pvc({ claimName: "c".repeat(63) }), true],
  ["claimName of 64 characters", "PVCCreationRequest", Pvc, pvc({ claimName: "c".repeat(64) }), false],
  ["empty claimName", "PVCCreationRequest", Pvc, pvc({ claimName: "" }), false],
  ["empty path", "PVCCreationRequest", Pvc, pvc({ path: "" }), false],
  ["existingPvc as a string", "PVCCreationRequest", Pvc, pvc({ existingPvc: "false" }), false],
  ["claimInfo null", "PVCCreationRequest", Pvc, pvc({ claimInfo: null }), true],
  ["size not a quantity", "PVCCreationRequest", Pvc, claim({ size: "big" }), false],
  ["empty storageClass", "PVCCreationRequest", Pvc, claim({ storageClass: "" }), false],
  ["volumeMode Block", "PVCCreationRequest", Pvc, claim({ volumeMode: "Block" }), true],
  ["volumeMode outside the enum", "PVCCreationRequest", Pvc, claim({ volumeMode: "Raw" }), false],
  ["volumeMode null (nullable enum without null)", "PVCCreationRequest", Pvc, claim({ volumeMode: null }), false],
  ["accessModes null", "PVCCreationRequest", Pvc, claim({ accessModes: null }), true],
  ["readOnlyMany as a string", "PVCCreationRequest", Pvc, claim({ accessModes: { readOnlyMany: "yes" } }), false],
  ["addedAttrValues empty", "PVCCreationRequest", Pvc, claim({ addedAttrValues: [] }), true],
  ["addedAttrValues null (not nullable)", "PVCCreationRequest", Pvc, claim({ addedAttrValues: null }), false],
  ["addedAttrValues with a null item", "PVCCreationRequest", Pvc, attr(null), false],
  ["attr key of one character", "PVCCreationRequest", Pvc, attr({ key: "a", value: "v" }), true],
  ["attr key with dots, dashes and underscores", "PVCCreationRequest", Pvc, attr({ key: "a.b-c_d", value: "v" }), true],
  ["attr key of 63 characters", "PVCCreationRequest", Pvc, attr({ key: "k".repeat(63) }), true],
  ["attr key of 64 characters", "PVCCreationRequest", Pvc, attr({ key: "k".repeat(64) }), false],
  ["attr key starting with a dash", "PVCCreationRequest", Pvc, attr({ key: "-dns", value: "v" }), false],
  ["attr key ending with a dot", "PVCCreationRequest", Pvc, attr({ key: "dns.", value: "v" }), false],
  ["attr key with a slash", "PVCCreationRequest", Pvc, attr({ key: "example.com/dns", value: "v" }), false],
  ["attr without a key", "PVCCreationRequest", Pvc, attr({ value: "v" }), false],
  ["attr key null", "PVCCreationRequest", Pvc, attr({ key: null, value: "v" }), false],
  ["attr value null (not nullable)", "PVCCreationRequest", Pvc, attr({ key: "k", value: null }), false],
  ["attr empty value", "PVCCreationRequest", Pvc, attr({ key: "k", value: "" }), true],
  ["pvc PUT", "PVCUpdateRequest", PvcUpdateRequest, { meta: { name: "x" }, spec: { path: "/y" } }, true],
  ["pvc PUT, empty path", "PVCUpdateRequest", PvcUpdateRequest, { meta: { name: "x" }, spec: { path: "" } }, false],
  ["pvc PUT without spec", "PVCUpdateRequest", PvcUpdateRequest, { meta: { name: "x" } }, false],
  ["pvc PUT without a name", "PVCUpdateRequest", PvcUpdateRequest, { meta: {}, spec: { path: "/y" } }, false],
  // S3
  ["s3", "S3CreationRequest", S3, req(s3Spec), true],
  ["s3 accessKeyAssetId not a uuid", "S3CreationRequest", S3, req({ ...s3Spec, accessKeyAssetId: "my-key" }), false],
  ["s3 accessKeyAssetId empty", "S3CreationRequest", S3, req({ ...s3Spec, accessKeyAssetId: "" }), false],
  ["s3 accessKeyAssetId null (public bucket)", "S3CreationRequest", S3, req({ ...s3Spec, accessKeyAssetId: null }), true],
  ["s3 uppercase uuid", "S3CreationRequest", S3, req({ ...s3Spec, accessKeyAssetId: UUID.toUpperCase() }), true],
  ["s3 empty bucket", "S3CreationRequest", S3, req({ ...s3Spec, bucket: "" }), false],
  ["s3 url as a number", "S3CreationRequest", S3, req({ ...s3Spec, url: 5 }), false],
  // Git
  ["git", "GitCreationRequest", Git, req(gitSpec), true],
  ["git passwordAssetId not a uuid", "GitCreationRequest", Git, req({ ...gitSpec, passwordAssetId: "abc" }), false],
  ["git uuid with a missing digit", "GitCreationRequest", Git, req({ ...gitSpec, passwordAssetId: UUID.slice(1) }), false],
  ["git empty branch", "GitCreationRequest", Git, req({ ...gitSpec, branch: "" }), false],
  ["git revision null", "GitCreationRequest", Git, req({ ...gitSpec, revision: null }), true],
  ["git repository as an object", "GitCreationRequest", Git, req({ ...gitSpec, repository: { url: "u" } }), false],
  // secret volume
  ["secret volume", "SecretAssetCreationRequest", Secret, req(secretVolumeSpec), true],
  [
    "secret volume, empty credentialAssetId",
    "SecretAssetCreationRequest",
    Secret,
    req({ ...secretVolumeSpec, credentialAssetId: "" }),
    false,
  ],
  ["secret volume, credentialAssetId not a uuid", "SecretAssetCreationRequest", Secret, req({ credentialAssetId: "cred-1" }), false],
  ["secret volume, empty mountPath", "SecretAssetCreationRequest", Secret, req({ ...secretVolumeSpec, mountPath: "" }), false],
  ["secret volume, both null", "SecretAssetCreationRequest", Secret, req({ credentialAssetId: null, mountPath: null }), true],
  // credentials: creation
  ["access key", "AccessKeyCreationRequest", AccessKey, req(accessKeySpec), true],
  ["access key from an existing secret", "AccessKeyCreationRequest", AccessKey, req({ existingSecretName: "s3-creds" }), true],
  ["access key, empty secretAccessKey", "AccessKeyCreationRequest", AccessKey, req({ ...accessKeySpec, secretAccessKey: "" }), false],
  ["access key, accessKeyId as a number", "AccessKeyCreationRequest", AccessKey, req({ accessKeyId: 5 }), false],
  ["access key, empty existingSecretName", "AccessKeyCreationRequest", AccessKey, req({ existingSecretName: "" }), false],
  ["access key without spec", "AccessKeyCreationRequest", AccessKey, { meta: PROJECT_META }, false],
  ["password", "PasswordCreationRequest", Password, req(passwordSpec), true],
  ["password, empty user", "PasswordCreationRequest", Password, req({ ...passwordSpec, user: "" }), false],
  ["password, empty password", "PasswordCreationRequest", Password, req({ ...passwordSpec, password: "" }), false],
  ["password, password null", "PasswordCreationRequest", Password, req({ user: "u", password: null }), true],
  ["docker registry", "DockerRegistryCreationRequest", Docker, req(dockerRegistrySpec), true],
  ["docker registry, empty url", "DockerRegistryCreationRequest", Docker, req({ ...dockerRegistrySpec, url: "" }), false],
  ["docker registry, password as a number", "DockerRegistryCreationRequest", Docker, req({ ...dockerRegistrySpec, password: 1234 }), false],
  [
    "docker registry, meta without a scope",
    "DockerRegistryCreationRequest",
    Docker,
    { meta: { name: "x" }, spec: dockerRegistrySpec },
    false,
  ],
  ["generic secret", "GenericSecretCreationRequest", Generic, req(genericSecretSpec), true],
  ["generic secret, keyValuePairs null", "GenericSecretCreationRequest", Generic, req({ keyValuePairs: null }), true],
  ["generic secret, a null pair", "GenericSecretCreationRequest", Generic, req({ keyValuePairs: [null] }), true],
  ["generic secret, empty key", "GenericSecretCreationRequest", Generic, req({ keyValuePairs: [{ key: "", value: "v" }] }), false],
  ["generic secret, value as a number", "GenericSecretCreationRequest", Generic, req({ keyValuePairs: [{ key: "k", value: 1 }] }), false],
  ["generic secret, pairs as a map", "GenericSecretCreationRequest", Generic, req({ keyValuePairs: { k: "v" } }), false],
  // credentials: update (description only)
  ["credential PUT", "AccessKeyUpdateRequest", CredentialUpdateRequest, credentialUpdate({ description: "rotated" }), true],
  [
    "credential PUT, description of 250 characters",
    "PasswordUpdateRequest",
    CredentialUpdateRequest,
    credentialUpdate({ description: "d".repeat(250) }),
    true,
  ],
  [
    "credential PUT, description of 251 characters",
    "PasswordUpdateRequest",
    CredentialUpdateRequest,
    credentialUpdate({ description: "d".repeat(251) }),
    false,
  ],
  [
    "credential PUT, empty description",
    "DockerRegistryUpdateRequest",
    CredentialUpdateRequest,
    credentialUpdate({ description: "" }),
    false,
  ],
  [
    "credential PUT, description null",
    "GenericSecretUpdateRequest",
    CredentialUpdateRequest,
    credentialUpdate({ description: null }),
    true,
  ],
  [
    "credential PUT, description as a number",
    "GenericSecretUpdateRequest",
    CredentialUpdateRequest,
    credentialUpdate({ description: 1 }),
    false,
  ],
  ["credential PUT without meta (not required)", "GenericSecretUpdateRequest", CredentialUpdateRequest, {}, true],
  // credentials: response
  ["access key response", "AccessKey", AccessKeyAsset, accessKeyAsset({ accessKeyId: "A", secretAccessKey: "S", keyId: 1 }), true],
  [
    "access key response, secret null",
    "AccessKey",
    AccessKeyAsset,
    accessKeyAsset({ accessKeyId: "A", secretAccessKey: null, keyId: 1 }),
    true,
  ],
  ["access key response, secret absent", "AccessKey", AccessKeyAsset, accessKeyAsset({ accessKeyId: "A", keyId: 1 }), true],
  ["access key response without keyId", "AccessKey", AccessKeyAsset, accessKeyAsset({ accessKeyId: "A" }), false],
  ["access key response, keyId 1.5", "AccessKey", AccessKeyAsset, accessKeyAsset({ keyId: 1.5 }), false],
  ["access key response, keyId above int32", "AccessKey", AccessKeyAsset, accessKeyAsset({ keyId: 2 ** 31 }), false],
  ["access key response, keyId null", "AccessKey", AccessKeyAsset, accessKeyAsset({ keyId: null }), false],
  ["access key response, clusterInfo null", "AccessKey", AccessKeyAsset, accessKeyAsset({ keyId: 1 }, { clusterInfo: null }), true],
  [
    "access key response, clusterInfo without resources",
    "AccessKey",
    AccessKeyAsset,
    accessKeyAsset({ keyId: 1 }, { clusterInfo: {} }),
    true,
  ],
  [
    "access key response, resources null",
    "AccessKey",
    AccessKeyAsset,
    accessKeyAsset({ keyId: 1 }, { clusterInfo: { resources: null } }),
    false,
  ],
  [
    "access key response, a null resource",
    "AccessKey",
    AccessKeyAsset,
    accessKeyAsset({ keyId: 1 }, { clusterInfo: { resources: [null] } }),
    true,
  ],
  [
    "access key response, resource name null",
    "AccessKey",
    AccessKeyAsset,
    accessKeyAsset({ keyId: 1 }, { clusterInfo: { resources: [{ name: null }] } }),
    true,
  ],
  [
    "access key response, resource name as a number",
    "AccessKey",
    AccessKeyAsset,
    accessKeyAsset({ keyId: 1 }, { clusterInfo: { resources: [{ name: 1 }] } }),
    false,
  ],
  [
    "generic secret response, values null or absent",
    "GenericSecret",
    GenericSecretAsset,
    asset("genericSecret", { keyValuePairs: [{ key: "A", value: null }, { key: "B" }], keyId: 3 }),
    true,
  ],
  [
    "generic secret response without keyId",
    "GenericSecret",
    GenericSecretAsset,
    asset("genericSecret", { keyValuePairs: [{ key: "A" }] }),
    false,
  ],
  [
    "pvc response with clusterInfo",
    "PVCAsset",
    PvcAsset,
    asset("pvc", pvcSpec, { clusterInfo: { resources: [{ name: "team-a-data-x1" }] } }),
    true,
  ],
  ["pvc response, claimName as a number", "PVCAsset", PvcAsset, asset("pvc", { ...pvcSpec, claimName: 5 }), false],
];

describe("zod agrees with the OpenAPI document", () => {
  test.each(cases)("%s", (_label, contractSchema, zodSchema, value, valid) => {
    // JSON round trip: `undefined` members disappear, as they would on the wire.
    const wire = JSON.parse(JSON.stringify(value));
    expect(contractAccepts(contractSchema, wire)).toBe(valid);
    expect(zodSchema.safeParse(wire).success).toBe(valid);
  });

  test("at least four cases per kind", () => {
    for (const name of ["Compute", "PVC", "S3", "Git", "SecretAsset", "AccessKey", "Password", "DockerRegistry", "GenericSecret"]) {
      expect([name, cases.filter(([, contractSchema]) => contractSchema.startsWith(name)).length >= 4]).toEqual([name, true]);
    }
  });
});

// ---- strict requests, lenient responses ------------------------------------------------------------

describe("requests are strict, responses lenient", () => {
  test.each([
    ["compute", ComputeSpec, { gpuPortionRequst: 0.5 }, "gpuPortionRequst"],
    ["compute extended resource", ComputeSpec, { extendedResources: [{ resource: "r", qty: "1" }] }, "qty"],
    ["pvc", PvcSpec, { claimname: "x" }, "claimname"],
    ["pvc claimInfo", PvcSpec, { claimInfo: { acessModes: {} } }, "acessModes"],
    ["pvc access modes", PvcSpec, { claimInfo: { accessModes: { readWriteOnly: true } } }, "readWriteOnly"],
    ["pvc added attribute", PvcSpec, { claimInfo: { addedAttrValues: [{ key: "k", val: "v" }] } }, "val"],
    ["pvc PUT spec", PvcUpdateSpec, { path: "/x", readOnly: true }, "readOnly"],
    ["s3", S3Spec, { accessKeyId: UUID }, "accessKeyId"],
    ["git", GitSpec, { credentialId: UUID }, "credentialId"],
    ["secret volume", SecretVolumeSpec, { defaultMode: "0644" }, "defaultMode"],
    ["access key", AccessKeySpec, { secretKey: "s" }, "secretKey"],
    ["password", PasswordSpec, { username: "u" }, "username"],
    ["docker registry", DockerRegistrySpec, { server: "r" }, "server"],
    ["generic secret", GenericSecretSpec, { keyValuePairs: [{ name: "k", value: "v" }] }, "name"],
    ["credential PUT meta", CredentialUpdateMeta, { name: "renamed" }, "name"],
    ["credential PUT", CredentialUpdateRequest, { meta: { description: "d" }, spec: {} }, "spec"],
  ])("a misspelt or foreign key in a %s request is an error naming it", (_label, schema, value, key) => {
    const result = (schema as z.ZodType).safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: [key] });
  });

  test("a credential request spec does not take keyId (it is the server's)", () => {
    expect(AccessKeySpec.safeParse({ ...accessKeySpec, keyId: 1 }).success).toBe(false);
  });

  test("unknown keys in a response are accepted and kept", () => {
    const git = assetKindSchemas(GIT_ASSET).asset.parse(asset("git", { ...gitSpec, credentialId: UUID }));
    expect((git.spec as Record<string, unknown>).credentialId).toBe(UUID);
    const secret = assetKindSchemas(SECRET_VOLUME_ASSET).asset.parse(asset("secret-volume", { ...secretVolumeSpec, defaultMode: 420 }));
    expect((secret.spec as Record<string, unknown>).defaultMode).toBe(420);
    const pvc = PvcAsset.parse(
      asset(
        "pvc",
        { ...pvcSpec, claimInfo: { ...pvcSpec.claimInfo, dataSource: { kind: "x" } } },
        { clusterInfo: { resources: [{ name: "n", kind: "PersistentVolumeClaim" }], more: 1 } },
      ),
    );
    expect((pvc.spec.claimInfo as Record<string, unknown>).dataSource).toEqual({ kind: "x" });
    expect(pvc.clusterInfo).toEqual({ resources: [{ name: "n", kind: "PersistentVolumeClaim" }], more: 1 });
    const key = AccessKeySpecResponse.parse({ accessKeyId: "A", keyId: 1, rotatedAt: "2025-01-01" });
    expect((key as Record<string, unknown>).rotatedAt).toBe("2025-01-01");
    const compute = ComputeSpecResponse.parse({
      ...computeSpec,
      gpuMemoryRequest: "1Gi",
      extendedResources: [{ resource: "r", unit: "x" }],
    });
    expect(compute.extendedResources?.[0]).toEqual({ resource: "r", unit: "x" });
  });

  test("unknown enum values in a response are accepted (a newer server), in a request rejected", () => {
    expect(ComputeSpecResponse.safeParse({ gpuRequestType: "shares", migProfile: "1g.12gb" }).success).toBe(true);
    expect(ComputeSpec.safeParse({ gpuRequestType: "shares" }).success).toBe(false);
    expect(PvcSpecResponse.safeParse({ claimInfo: { volumeMode: "Raw" } }).success).toBe(true);
    expect(PvcSpec.safeParse({ claimInfo: { volumeMode: "Raw" } }).success).toBe(false);
  });

  test("null in an optional enum of a response reads as absent", () => {
    const compute = ComputeSpecResponse.parse({ gpuRequestType: null, migProfile: null, gpuDevicesRequest: 0 });
    expect(compute).toEqual({ gpuDevicesRequest: 0 });
    expect(PvcSpecResponse.parse({ claimInfo: { volumeMode: null } }).claimInfo?.volumeMode).toBeUndefined();
  });

  test("response secrets: any string, null or absent (the server may mask, blank or drop them)", () => {
    for (const secretAccessKey of ["S", "", "******", null, undefined]) {
      expect(AccessKeySpecResponse.safeParse({ accessKeyId: "A", secretAccessKey, keyId: 1 }).success).toBe(true);
    }
    for (const password of ["", null, undefined]) {
      expect(PasswordSpecResponse.safeParse({ user: "u", password, keyId: 1 }).success).toBe(true);
      expect(DockerRegistrySpecResponse.safeParse({ user: "u", password, url: "r", keyId: 1 }).success).toBe(true);
    }
    expect(GenericSecretSpecResponse.safeParse({ keyValuePairs: [{ key: "k", value: null }, { key: "j" }], keyId: 1 }).success).toBe(true);
    // The contract itself says minLength 1: an empty secret is a deliberate leniency of ours.
    expect(contractAccepts("AccessKeySpec", { secretAccessKey: "", keyId: 1 })).toBe(false);
    // The fields we rely on are still checked.
    expect(AccessKeySpecResponse.safeParse({ accessKeyId: 5, keyId: 1 }).success).toBe(false);
    expect(PasswordSpecResponse.safeParse({ user: "u" }).success).toBe(false);
  });

  test("a null spec in a response reads as an empty spec (credentials: keyId is then missing)", () => {
    for (const contract of [COMPUTE_ASSET, PVC_ASSET, S3_ASSET, GIT_ASSET, SECRET_VOLUME_ASSET]) {
      expect(assetKindSchemas(contract as AssetContract<any, any>).asset.parse(asset(contract.kind, null)).spec).toEqual({});
    }
    expect(assetKindSchemas(PASSWORD_CREDENTIAL).asset.safeParse(asset("password", null)).success).toBe(false);
  });
});
