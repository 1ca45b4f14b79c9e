// The asset kinds beyond ConfigMap and environment: compute, PVC, NFS, S3, Git, host path, secret
// volume and the four credential kinds. Real HTTP against the emulator; every response is checked
// against the contract's response schemas (checkContract).
import { CONFIG_MAPS, ENVIRONMENTS, useEmulator, type EmulatorHarness } from "../support/emulator";
import {
  ACCESS_KEYS,
  COMPUTE,
  DOCKER_REGISTRIES,
  GENERIC_SECRETS,
  GIT,
  HOST_PATHS,
  NFS,
  PASSWORDS,
  PROJECT_META,
  PVCS,
  S3,
  SECRET_VOLUMES,
  UUID_RE,
  assetBody,
  environmentBody,
} from "./helpers";
import { SEED_ORGANISATION } from "../../src/emulator";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const PVC_DEFAULTS = { existingPvc: false, readOnly: false, ephemeral: false, dataSharing: false };

const t = useEmulator({ syncDelayMs: 0, checkContract: true });

/** Creates an asset and returns its id; anything but 202 fails the test. */
async function create(h: EmulatorHarness, base: string, body: unknown): Promise<string> {
  const res = await h.call("POST", base, { body });
  if (res.status !== 202) throw new Error(`POST ${base} → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.meta.id;
}

const accessKey = (h: EmulatorHarness, name = "key") =>
  create(h, ACCESS_KEYS, assetBody(name, { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "not-for-your-eyes" }));
const password = (h: EmulatorHarness, name = "pw") => create(h, PASSWORDS, assetBody(name, { user: "git", password: "hunter2" }));

interface KindCase {
  kind: string;
  base: string;
  /** A valid spec; `credentialId` is a live access key's id for the kinds that need one. */
  spec: (credentialId: string) => Record<string, unknown>;
  /** The spec as stored and returned: defaults filled in, secrets null. */
  stored: (spec: Record<string, unknown>) => Record<string, unknown>;
  /** A valid PUT body and the spec it leaves. */
  put: (credentialId: string, before: Record<string, unknown>) => { body: unknown; spec: Record<string, unknown> };
  /** Name after the PUT (credentials cannot be renamed). */
  renamed: string;
  reportsStatus: boolean;
  deleteStatus: 202 | 204;
  clusterInfo?: (id: string) => unknown;
}

const same = (spec: Record<string, unknown>) => spec;
const credentialPut = (_id: string, before: Record<string, unknown>) => ({
  body: { meta: { description: "rotated never" } },
  spec: before,
});
const secretClusterInfo = () => ({ resources: [{ name: "a" }] });

const CASES: KindCase[] = [
  {
    kind: "compute",
    base: COMPUTE,
    spec: () => ({ cpuCoreRequest: 0.5, cpuMemoryRequest: "1G", gpuDevicesRequest: 1, gpuRequestType: "portion", gpuPortionRequest: 0.5 }),
    stored: same,
    put: () => ({ body: { meta: { name: "b" }, spec: { cpuCoreRequest: 2 } }, spec: { cpuCoreRequest: 2 } }),
    renamed: "b",
    reportsStatus: false,
    deleteStatus: 202,
  },
  {
    kind: "pvc",
    base: PVCS,
    spec: () => ({ path: "/data", claimInfo: { size: "1G", storageClass: "standard" } }),
    stored: (spec) => ({ ...spec, ...PVC_DEFAULTS }),
    put: (_id, before) => ({ body: { meta: { name: "b" }, spec: { path: "/other" } }, spec: { ...before, path: "/other" } }),
    renamed: "b",
    reportsStatus: true,
    deleteStatus: 202,
    clusterInfo: (id) => ({ resources: [{ name: `pvc-a-${id.slice(0, 8)}` }] }),
  },
  {
    kind: "nfs",
    base: NFS,
    spec: () => ({ server: "nfs.example.com", path: "/exports/a", mountPath: "/mnt/a" }),
    stored: (spec) => ({ readOnly: true, ...spec }),
    put: () => ({
      body: { meta: { name: "b" }, spec: { server: "nfs2", path: "/e", mountPath: "/m", readOnly: false } },
      spec: { server: "nfs2", path: "/e", mountPath: "/m", readOnly: false },
    }),
    renamed: "b",
    reportsStatus: false,
    deleteStatus: 202,
  },
  {
    kind: "s3",
    base: S3,
    spec: (keyId) => ({ bucket: "my-bucket", path: "/mnt/bucket", url: "https://s3.example.com", accessKeyAssetId: keyId }),
    stored: same,
    put: () => ({ body: { meta: { name: "b" }, spec: { bucket: "other", path: "/b" } }, spec: { bucket: "other", path: "/b" } }),
    renamed: "b",
    reportsStatus: true,
    deleteStatus: 202,
  },
  {
    kind: "git",
    base: GIT,
    spec: () => ({ repository: "https://github.com/example/repo", branch: "main", path: "/mnt/repo" }),
    stored: same,
    put: () => ({
      body: { meta: { name: "b" }, spec: { repository: "https://example.com/r", path: "/r" } },
      spec: { repository: "https://example.com/r", path: "/r" },
    }),
    renamed: "b",
    reportsStatus: true,
    deleteStatus: 202,
  },
  {
    kind: "hostPath",
    base: HOST_PATHS,
    spec: () => ({ path: "/var/data", mountPath: "/data", mountPropagation: "None" }),
    stored: (spec) => ({ readOnly: true, ...spec }),
    put: () => ({
      body: { meta: { name: "b" }, spec: { path: "/x", mountPath: "/y" } },
      spec: { path: "/x", mountPath: "/y", readOnly: true },
    }),
    renamed: "b",
    reportsStatus: false,
    deleteStatus: 202,
  },
  {
    kind: "secret-volume",
    base: SECRET_VOLUMES,
    spec: (keyId) => ({ credentialAssetId: keyId, mountPath: "/etc/secret" }),
    stored: same,
    put: (keyId) => ({
      body: { meta: { name: "b" }, spec: { credentialAssetId: keyId, mountPath: "/other" } },
      spec: { credentialAssetId: keyId, mountPath: "/other" },
    }),
    renamed: "b",
    reportsStatus: true,
    deleteStatus: 202,
  },
  {
    kind: "accessKey",
    base: ACCESS_KEYS,
    spec: () => ({ accessKeyId: "AKIA1", secretAccessKey: "s3cr3t" }),
    stored: (spec) => ({ ...spec, secretAccessKey: null, keyId: 1 }),
    put: credentialPut,
    renamed: "a",
    reportsStatus: true,
    deleteStatus: 202,
    clusterInfo: secretClusterInfo,
  },
  {
    kind: "password",
    base: PASSWORDS,
    spec: () => ({ user: "me", password: "pa55" }),
    stored: (spec) => ({ ...spec, password: null, keyId: 1 }),
    put: credentialPut,
    renamed: "a",
    reportsStatus: true,
    deleteStatus: 202,
    clusterInfo: secretClusterInfo,
  },
  {
    kind: "dockerRegistry",
    base: DOCKER_REGISTRIES,
    spec: () => ({ user: "me", password: "pa55", url: "https://registry.example.com" }),
    stored: (spec) => ({ ...spec, password: null, keyId: 1 }),
    put: credentialPut,
    renamed: "a",
    reportsStatus: true,
    deleteStatus: 202,
    clusterInfo: secretClusterInfo,
  },
  {
    kind: "genericSecret",
    base: GENERIC_SECRETS,
    spec: () => ({
      keyValuePairs: [
        { key: "token", value: "t0k" },
        { key: "other", value: "" },
      ],
    }),
    stored: () => ({
      keyValuePairs: [
        { key: "token", value: null },
        { key: "other", value: null },
      ],
      keyId: 1,
    }),
    put: credentialPut,
    renamed: "a",
    reportsStatus: true,
    deleteStatus: 204,
    clusterInfo: secretClusterInfo,
  },
];

describe.each(CASES)("$kind assets", (c) => {
  test("create, get, list, update, delete", async () => {
    const keyId = await accessKey(t);
    const spec = c.spec(keyId);
    const created = await t.call("POST", c.base, { body: assetBody("a", spec) });
    expect(created.status).toBe(202);
    const id = created.body.meta.id;
    expect(created.body.meta).toMatchObject({ name: "a", kind: c.kind, scope: "project", projectId: 1001, autoDelete: false });
    expect(id).toMatch(UUID_RE);
    expect(created.body.spec).toEqual(c.stored(spec));
    if (c.clusterInfo) expect(created.body.clusterInfo).toEqual(c.clusterInfo(id));
    else expect(created.body).not.toHaveProperty("clusterInfo");

    const got = await t.call("GET", `${c.base}/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const list = await t.call("GET", `${c.base}?name=a`);
    expect(list.body.entries).toEqual([created.body]);

    const put = c.put(keyId, created.body.spec);
    const updated = await t.call("PUT", `${c.base}/${id}`, { body: put.body });
    expect(updated.status).toBe(202);
    expect(updated.body.spec).toEqual(put.spec);
    expect(updated.body.meta).toMatchObject({ id, name: c.renamed, updateCount: 1 });
    expect((await t.call("GET", `${c.base}/${id}`)).body).toEqual(updated.body);

    const deleted = await t.call("DELETE", `${c.base}/${id}`);
    expect(deleted.status).toBe(c.deleteStatus);
    if (c.deleteStatus === 204) expect(deleted.body).toBeUndefined();
    else expect(deleted.body).toEqual({ code: 202, message: `${c.kind} asset "${id}" deletion accepted` });
    expect((await t.call("GET", `${c.base}/${id}`)).status).toBe(404); // syncDelayMs 0: gone at once
    const again = await t.call("DELETE", `${c.base}/${id}`);
    expect(again.body).toEqual({ code: 404, message: `${c.kind} asset "${id}" not found` });
  });

  test(c.reportsStatus ? "reports a sync status with statusInfo=true" : "never reports a status", async () => {
    const id = await create(t, c.base, assetBody("a", c.spec(await accessKey(t))));
    const got = await t.call("GET", `${c.base}/${id}?statusInfo=true`);
    const listed = await t.call("GET", `${c.base}?name=a&statusInfo=true`);
    if (c.reportsStatus) {
      expect(got.body.status).toEqual({ status: "No issues found" });
      expect(listed.body.entries[0].status).toEqual({ status: "No issues found" });
    } else {
      expect(got.body).not.toHaveProperty("status");
      expect(listed.body.entries[0]).not.toHaveProperty("status");
      const forced = await t.admin("PUT", `/__emulator/assets/${id}/status`, { status: "Failed" });
      expect(forced.status).toBe(400);
    }
    expect((await t.call("GET", `${c.base}/${id}`)).body).not.toHaveProperty("status");
  });

  test("accepted in tenant, cluster, department and project scope, never system", async () => {
    const keyId = await accessKey(t);
    const metas = [
      { scope: "tenant" },
      { scope: "cluster", clusterId: SEED_ORGANISATION.clusterId },
      { scope: "department", departmentId: "101" },
      PROJECT_META,
    ];
    for (const meta of metas) await create(t, c.base, assetBody(`in-${meta.scope}`, c.spec(keyId), meta));
    const system = await t.call("POST", c.base, { body: assetBody("sys", c.spec(keyId), { scope: "system" }) });
    expect(system.body.message).toBe('meta.scope: "system" is internal-only');
  });
});

describe("mandatory fields and spec rules: 400 naming every problem", () => {
  const requiredUnlessSecret = (field: string) => `spec.${field}: is required when spec.existingSecretName is not set`;
  const cases: Array<[string, string, unknown, string]> = [
    ["pvc without path", PVCS, { claimInfo: { size: "1G" } }, "spec.path: is required"],
    ["pvc without claimInfo", PVCS, { path: "/d" }, "spec.claimInfo.size: is required when spec.existingPvc is not true"],
    [
      "pvc claimInfo without size",
      PVCS,
      { path: "/d", existingPvc: false, claimInfo: { storageClass: "standard" } },
      "spec.claimInfo.size: is required when spec.existingPvc is not true",
    ],
    [
      "pvc existingPvc with claimInfo",
      PVCS,
      { path: "/d", existingPvc: true, claimName: "c", claimInfo: { size: "1G" } },
      "spec.claimInfo: must not be set when spec.existingPvc is true",
    ],
    ["pvc empty", PVCS, {}, "spec.path: is required; spec.claimInfo.size: is required when spec.existingPvc is not true"],
    ["s3 empty", S3, {}, "spec.bucket: is required; spec.path: is required"],
    ["git empty", GIT, { branch: "main" }, "spec.repository: is required; spec.path: is required"],
    ["secret volume empty", SECRET_VOLUMES, {}, "spec.credentialAssetId: is required; spec.mountPath: is required"],
    ["nfs empty", NFS, {}, "spec.server: is required; spec.path: is required; spec.mountPath: is required"],
    ["access key empty", ACCESS_KEYS, {}, `${requiredUnlessSecret("accessKeyId")}; ${requiredUnlessSecret("secretAccessKey")}`],
    ["access key without secret", ACCESS_KEYS, { accessKeyId: "a" }, requiredUnlessSecret("secretAccessKey")],
    [
      "access key with both",
      ACCESS_KEYS,
      { existingSecretName: "s", accessKeyId: "a", secretAccessKey: "b" },
      "spec.existingSecretName: must not be set together with spec.accessKeyId, spec.secretAccessKey",
    ],
    [
      "access key with a secret name and one value",
      ACCESS_KEYS,
      { existingSecretName: "s", secretAccessKey: "b" },
      "spec.existingSecretName: must not be set together with spec.secretAccessKey",
    ],
    ["password empty", PASSWORDS, { password: null }, `${requiredUnlessSecret("user")}; ${requiredUnlessSecret("password")}`],
    [
      "password with both",
      PASSWORDS,
      { existingSecretName: "s", password: "p" },
      "spec.existingSecretName: must not be set together with spec.password",
    ],
    [
      "docker registry with user only",
      DOCKER_REGISTRIES,
      { user: "u" },
      `${requiredUnlessSecret("password")}; ${requiredUnlessSecret("url")}`,
    ],
    [
      "docker registry with both",
      DOCKER_REGISTRIES,
      { existingSecretName: "s", user: "u", url: "https://r" },
      "spec.existingSecretName: must not be set together with spec.user, spec.url",
    ],
    ["generic secret empty", GENERIC_SECRETS, {}, requiredUnlessSecret("keyValuePairs")],
    [
      "generic secret without pairs",
      GENERIC_SECRETS,
      { keyValuePairs: [] },
      "spec.keyValuePairs: must have at least one item when spec.existingSecretName is not set",
    ],
    [
      "generic secret pairs without key or value",
      GENERIC_SECRETS,
      { keyValuePairs: [{ key: "a" }, { value: "v" }, null] },
      "spec.keyValuePairs[0].value: is required; spec.keyValuePairs[1].key: is required; spec.keyValuePairs[2].key: is required; spec.keyValuePairs[2].value: is required",
    ],
    [
      "generic secret with both",
      GENERIC_SECRETS,
      { existingSecretName: "s", keyValuePairs: [{ key: "a", value: "b" }] },
      "spec.existingSecretName: must not be set together with spec.keyValuePairs",
    ],
    [
      "s3 with an unknown access key and missing fields",
      S3,
      { accessKeyAssetId: MISSING_ID },
      `spec.bucket: is required; spec.path: is required; spec.accessKeyAssetId: access key asset "${MISSING_ID}" does not exist`,
    ],
    [
      "git with an unknown password",
      GIT,
      { repository: "https://r", path: "/r", passwordAssetId: MISSING_ID },
      `spec.passwordAssetId: password asset "${MISSING_ID}" does not exist`,
    ],
    [
      "secret volume with an unknown credential",
      SECRET_VOLUMES,
      { credentialAssetId: MISSING_ID, mountPath: "/s" },
      `spec.credentialAssetId: credential asset "${MISSING_ID}" does not exist`,
    ],
    [
      "scope and spec problems together",
      S3,
      { bucket: "b" },
      'meta.projectId: required when meta.scope is "project"; spec.path: is required',
    ],
  ];

  test.each(cases)("%s", async (label, base, spec, message) => {
    const meta = label === "scope and spec problems together" ? { scope: "project" } : PROJECT_META;
    const res = await t.call("POST", base, { body: assetBody("a", spec, meta) });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
    expect((await t.call("GET", base)).body.entries).toEqual([]); // nothing was created
  });

  test("values that satisfy the rules: an existing PVC without claimInfo, credentials from an existing secret", async () => {
    const pvc = await t.call("POST", PVCS, { body: assetBody("p", { path: "/d", existingPvc: true, claimName: "my-claim" }) });
    expect(pvc.status).toBe(202);
    expect(pvc.body.clusterInfo).toEqual({ resources: [{ name: "my-claim" }] });
    for (const base of [ACCESS_KEYS, PASSWORDS, DOCKER_REGISTRIES, GENERIC_SECRETS]) {
      const res = await t.call("POST", base, { body: assetBody("from-secret", { existingSecretName: "cluster-secret" }) });
      expect(res.status).toBe(202);
    }
  });

  test("the contract's own rules still come first (schema errors, no rule checks)", async () => {
    const res = await t.call("POST", ACCESS_KEYS, { body: assetBody("a", { accessKeyId: "", secretAccessKey: 5 }) });
    expect(res.body).toEqual({
      code: 400,
      message: "spec.accessKeyId: must NOT have fewer than 1 characters; spec.secretAccessKey: must be string",
      details: "request body does not match schema AccessKeyCreationRequest",
    });
  });
});

describe("references to other assets", () => {
  test("each reference must name a live asset of its kind, on create and on update", async () => {
    const keyId = await accessKey(t);
    const pwId = await password(t);
    // An id of another kind does not count.
    const wrongKind = await t.call("POST", GIT, { body: assetBody("g", { repository: "https://r", path: "/r", passwordAssetId: keyId }) });
    expect(wrongKind.body.message).toBe(`spec.passwordAssetId: password asset "${keyId}" does not exist`);
    const s3Id = await create(t, S3, assetBody("s", { bucket: "b", path: "/b", accessKeyAssetId: keyId }));
    const notCredential = await t.call("POST", SECRET_VOLUMES, { body: assetBody("v", { credentialAssetId: s3Id, mountPath: "/s" }) });
    expect(notCredential.body.message).toBe(`spec.credentialAssetId: credential asset "${s3Id}" does not exist`);
    await create(t, GIT, assetBody("g", { repository: "https://r", path: "/r", passwordAssetId: pwId }));

    const badUpdate = await t.call("PUT", `${S3}/${s3Id}`, {
      body: { meta: { name: "s" }, spec: { bucket: "b", path: "/b", accessKeyAssetId: pwId } },
    });
    expect(badUpdate.status).toBe(400);
    expect(badUpdate.body.message).toBe(`spec.accessKeyAssetId: access key asset "${pwId}" does not exist`);
    expect((await t.call("GET", `${S3}/${s3Id}`)).body.spec.accessKeyAssetId).toBe(keyId); // unchanged
  });

  test("a secret volume mounts any of the four credential kinds", async () => {
    const credentials = [
      await accessKey(t),
      await password(t),
      await create(t, DOCKER_REGISTRIES, assetBody("r", { existingSecretName: "regcred" })),
      await create(t, GENERIC_SECRETS, assetBody("g", { keyValuePairs: [{ key: "k", value: "v" }] })),
    ];
    for (const [i, credentialAssetId] of credentials.entries()) {
      await create(t, SECRET_VOLUMES, assetBody(`v${i}`, { credentialAssetId, mountPath: "/s" }));
    }
  });

  test("an asset whose deletion was accepted no longer counts as existing", async () => {
    const keyId = await accessKey(t);
    await t.forceStatus(keyId, { status: "Deletion failed" }); // keeps it in Deleting
    expect((await t.call("DELETE", `${ACCESS_KEYS}/${keyId}`)).status).toBe(202);
    expect((await t.call("GET", `${ACCESS_KEYS}/${keyId}?statusInfo=true`)).body.status.status).toBe("Deletion failed");
    const res = await t.call("POST", S3, { body: assetBody("s", { bucket: "b", path: "/b", accessKeyAssetId: keyId }) });
    expect(res.body.message).toBe(`spec.accessKeyAssetId: access key asset "${keyId}" does not exist`);
  });

  test("environment credential references are not checked", async () => {
    const env = await t.call("POST", ENVIRONMENTS, {
      body: environmentBody("e", PROJECT_META, {
        environmentVariables: [{ name: "TOKEN", credential: { assetId: MISSING_ID, key: "token" } }],
      }),
    });
    expect(env.status).toBe(202);
  });
});

describe("deleting a credential that an asset uses: 412 until the user is gone", () => {
  test.each([
    ["accessKey", ACCESS_KEYS, "s3", S3, (id: string) => ({ bucket: "b", path: "/b", accessKeyAssetId: id }), 202],
    ["password", PASSWORDS, "git", GIT, (id: string) => ({ repository: "https://r", path: "/r", passwordAssetId: id }), 202],
    ["genericSecret", GENERIC_SECRETS, "secret-volume", SECRET_VOLUMES, (id: string) => ({ credentialAssetId: id, mountPath: "/s" }), 204],
  ])("%s used by %s", async (kind, base, userKind, userBase, userSpec, deleteStatus) => {
    const credentialId = await create(t, base, assetBody("cred", { existingSecretName: "existing" }));
    const userId = await create(t, userBase, assetBody("user", userSpec(credentialId)));

    const refused = await t.call("DELETE", `${base}/${credentialId}`);
    expect(refused.status).toBe(412);
    expect(refused.body).toEqual({
      code: 412,
      message: `${kind} asset "${credentialId}" is used by ${userKind} asset "user" (${userId}); delete that first`,
    });
    expect((await t.call("GET", `${base}/${credentialId}`)).status).toBe(200); // still there

    expect((await t.call("DELETE", `${userBase}/${userId}`)).status).toBe(202);
    expect((await t.call("DELETE", `${base}/${credentialId}`)).status).toBe(deleteStatus);
  });

  test("an update that drops the reference releases the credential", async () => {
    const keyId = await accessKey(t);
    const s3Id = await create(t, S3, assetBody("s", { bucket: "b", path: "/b", accessKeyAssetId: keyId }));
    expect((await t.call("DELETE", `${ACCESS_KEYS}/${keyId}`)).status).toBe(412);
    await t.call("PUT", `${S3}/${s3Id}`, { body: { meta: { name: "s" }, spec: { bucket: "b", path: "/b" } } });
    expect((await t.call("DELETE", `${ACCESS_KEYS}/${keyId}`)).status).toBe(202);
  });

  test("a user whose deletion was accepted does not count", async () => {
    const keyId = await accessKey(t);
    const volumeId = await create(t, SECRET_VOLUMES, assetBody("v", { credentialAssetId: keyId, mountPath: "/s" }));
    await t.forceStatus(volumeId, { status: "Deletion failed" }); // stays Deleting
    expect((await t.call("DELETE", `${SECRET_VOLUMES}/${volumeId}`)).status).toBe(202);
    expect((await t.call("DELETE", `${ACCESS_KEYS}/${keyId}`)).status).toBe(202);
  });
});

describe("with a sync delay", () => {
  const slow = useEmulator({ syncDelayMs: 60_000, checkContract: true });

  test("deleting an S3 asset and then its key right away works", async () => {
    const keyId = await accessKey(slow);
    const s3Id = await create(slow, S3, assetBody("s", { bucket: "b", path: "/b", accessKeyAssetId: keyId }));
    expect((await slow.call("DELETE", `${S3}/${s3Id}`)).status).toBe(202);
    expect((await slow.call("GET", `${S3}/${s3Id}?statusInfo=true`)).body.status).toEqual({ status: "Deleting" });
    expect((await slow.call("DELETE", `${ACCESS_KEYS}/${keyId}`)).status).toBe(202);
  });

  test("kinds without sync status are never pending; the others report Creating", async () => {
    const computeId = await create(slow, COMPUTE, assetBody("c", {}));
    expect((await slow.call("GET", `${COMPUTE}/${computeId}?statusInfo=true`)).body).not.toHaveProperty("status");
    const keyId = await accessKey(slow);
    expect((await slow.call("GET", `${ACCESS_KEYS}/${keyId}?statusInfo=true`)).body.status).toEqual({ status: "Creating" });
  });
});

describe("PUT shapes", () => {
  test("PVC: only spec.path changes (with name and description); the rest of the spec is kept", async () => {
    const created = await t.call("POST", PVCS, {
      body: assetBody("p", { path: "/d", claimName: "claim", readOnly: true, claimInfo: { size: "1G", accessModes: {} } }),
    });
    const id = created.body.meta.id;
    const res = await t.call("PUT", `${PVCS}/${id}`, {
      body: { meta: { name: "q", description: "d" }, spec: { path: "/new", claimName: "ignored", readOnly: false } },
    });
    expect(res.status).toBe(202);
    expect(res.body.meta).toMatchObject({ name: "q", description: "d" });
    expect(res.body.spec).toEqual({ ...created.body.spec, path: "/new" });
    expect(res.body.clusterInfo).toEqual({ resources: [{ name: "claim" }] });

    const noPath = await t.call("PUT", `${PVCS}/${id}`, { body: { meta: { name: "q" }, spec: {} } });
    expect(noPath.status).toBe(400);
    expect(noPath.body.message).toBe("spec.path: is required");
  });

  test("credentials: only the description changes; name and spec in the body are ignored; absent or null unsets it", async () => {
    const created = await t.call("POST", PASSWORDS, { body: assetBody("pw", { user: "u", password: "p" }) });
    const id = created.body.meta.id;
    const res = await t.call("PUT", `${PASSWORDS}/${id}`, {
      body: { meta: { name: "renamed", description: "about" }, spec: { user: "other", password: "new" } },
    });
    expect(res.status).toBe(202);
    expect(res.body.meta).toMatchObject({ name: "pw", description: "about", updateCount: 1 });
    expect(res.body.spec).toEqual({ user: "u", password: null, keyId: 1 });
    expect(res.body.clusterInfo).toEqual({ resources: [{ name: "pw" }] });

    const nulled = await t.call("PUT", `${PASSWORDS}/${id}`, { body: { meta: { description: null } } });
    expect(nulled.body.meta).not.toHaveProperty("description");
    await t.call("PUT", `${PASSWORDS}/${id}`, { body: { meta: { description: "again" } } });
    const absent = await t.call("PUT", `${PASSWORDS}/${id}`, { body: {} });
    expect(absent.status).toBe(202);
    expect(absent.body.meta).not.toHaveProperty("description");
    expect(absent.body.meta.updateCount).toBe(4);

    const tooLong = await t.call("PUT", `${PASSWORDS}/${id}`, { body: { meta: { description: "x".repeat(251) } } });
    expect(tooLong.body.message).toBe("meta.description: must NOT have more than 250 characters");
  });

  test("secret volume: the undeclared update spec is validated as SecretAssetSpec and replaced", async () => {
    const keyId = await accessKey(t);
    const id = await create(t, SECRET_VOLUMES, assetBody("v", { credentialAssetId: keyId, mountPath: "/s" }));
    const noSpec = await t.call("PUT", `${SECRET_VOLUMES}/${id}`, { body: { meta: { name: "v" } } });
    expect(noSpec.body.message).toBe("spec: is required");
    const badSpec = await t.call("PUT", `${SECRET_VOLUMES}/${id}`, {
      body: { meta: { name: "v" }, spec: { credentialAssetId: keyId, mountPath: 7 } },
    });
    expect(badSpec.body).toEqual({
      code: 400,
      message: "spec.mountPath: must be string",
      details: "does not match schema SecretAssetSpec",
    });
    const missing = await t.call("PUT", `${SECRET_VOLUMES}/${id}`, { body: { meta: { name: "v" }, spec: { mountPath: "/s" } } });
    expect(missing.body.message).toBe("spec.credentialAssetId: is required");
  });

  test("a credential being deleted cannot be updated (404)", async () => {
    const keyId = await accessKey(t);
    await t.forceStatus(keyId, { status: "Deletion failed" });
    await t.call("DELETE", `${ACCESS_KEYS}/${keyId}`);
    const res = await t.call("PUT", `${ACCESS_KEYS}/${keyId}`, { body: { meta: { description: "x" } } });
    expect(res.body).toEqual({ code: 404, message: `accessKey asset "${keyId}" is being deleted` });
  });
});

describe("the contract's defaults are filled in, stored and returned", () => {
  test("NFS and host path readOnly default to true, on create and on update; explicit values stay", async () => {
    const nfs = await t.call("POST", NFS, { body: assetBody("n", { server: "s", path: "/p", mountPath: "/m" }) });
    expect(nfs.body.spec.readOnly).toBe(true);
    expect((await t.call("GET", `${NFS}/${nfs.body.meta.id}`)).body.spec.readOnly).toBe(true);
    const put = await t.call("PUT", `${NFS}/${nfs.body.meta.id}`, {
      body: { meta: { name: "n" }, spec: { server: "s", path: "/p", mountPath: "/m" } },
    });
    expect(put.body.spec.readOnly).toBe(true);
    const explicit = await t.call("POST", NFS, { body: assetBody("w", { server: "s", path: "/p", mountPath: "/m", readOnly: false }) });
    expect(explicit.body.spec.readOnly).toBe(false);
    const nulled = await t.call("POST", NFS, { body: assetBody("x", { server: "s", path: "/p", mountPath: "/m", readOnly: null }) });
    expect(nulled.body.spec.readOnly).toBeNull();
    const hostPath = await t.call("POST", HOST_PATHS, { body: assetBody("h", { path: "/p", mountPath: "/m" }) });
    expect(hostPath.body.spec.readOnly).toBe(true);
  });

  test("PVC flags default to false; access modes get their defaults when the object is present", async () => {
    const withModes = await t.call("POST", PVCS, { body: assetBody("p", { path: "/d", claimInfo: { size: "1G", accessModes: {} } }) });
    expect(withModes.body.spec).toEqual({
      path: "/d",
      ...PVC_DEFAULTS,
      claimInfo: { size: "1G", accessModes: { readWriteOnce: true, readOnlyMany: false, readWriteMany: false } },
    });
    const withoutModes = await t.call("POST", PVCS, { body: assetBody("q", { path: "/d", claimInfo: { size: "1G" } }) });
    expect(withoutModes.body.spec.claimInfo).toEqual({ size: "1G" });
  });

  test("an environment connection gets isExternal false; meta.autoDelete false", async () => {
    const res = await t.call("POST", ENVIRONMENTS, {
      body: environmentBody("e", PROJECT_META, {
        connections: [
          {
            name: "nb",
            internalToolInfo: { toolType: "jupyter-notebook", connectionType: "NodePort", containerPort: 8888, nodePortInfo: {} },
          },
        ],
      }),
    });
    expect(res.status).toBe(202);
    expect(res.body.meta.autoDelete).toBe(false);
    expect(res.body.spec.connections[0]).toMatchObject({ isExternal: false, internalToolInfo: { nodePortInfo: { isCustomPort: false } } });
    expect((await t.call("GET", `${ENVIRONMENTS}/${res.body.meta.id}`)).body.spec.connections[0].isExternal).toBe(false);
  });

  test("the state dump holds the filled-in body", async () => {
    await t.call("POST", CONFIG_MAPS, {
      body: { meta: { name: "c", scope: "project", projectId: 1001 }, spec: { configMap: "c", mountPath: "/m" } },
    });
    await t.call("POST", NFS, { body: assetBody("n", { server: "s", path: "/p", mountPath: "/m" }) });
    const state = (await t.admin("GET", "/__emulator/state")).body;
    expect(state.assets.map((a: any) => [a.kind, a.meta.autoDelete, a.spec.readOnly])).toEqual([
      ["config-map", false, undefined],
      ["nfs", false, true],
    ]);
  });
});
