// The zod schemas against the 2.22 contract: they accept the OpenAPI document's examples and realistic
// objects, reject wrong types, cover every property the document declares, and agree with the
// document itself (validated by ajv, the same referee the emulator uses) on a table of cases.
import { z } from "zod";
import {
  ApiError,
  Application,
  ApplicationCreationRequest,
  ApplicationList,
  ApplicationPatchRequest,
  ApplicationPostResponse,
  ApplicationSecretResponse,
  AssetCreationMeta,
  AssetMeta,
  assetKindSchemas,
  AssetUpdateMeta,
  CONFIG_MAP_ASSET,
  ENVIRONMENT_ASSET,
  ConfigMapSpec,
  Connection,
  EnvironmentSpec,
  EnvironmentVariable,
  ExternalToolInfo,
  HttpGetAction,
  InternalToolInfo,
  Probe,
  TokenRequest,
  TokenResponse,
  WorkloadSupportedTypes,
} from "../../src/schemas";
import { fullEnvironmentSpec } from "../fixtures/environment";
import { contractAccepts, contractProperties, doc, keysOf, schemas } from "./contract";

// Every request and response schema of a kind comes from its contract.
const configMapSchemas = assetKindSchemas(CONFIG_MAP_ASSET);
const environmentSchemas = assetKindSchemas(ENVIRONMENT_ASSET);
const ConfigMapAsset = configMapSchemas.asset;
const ConfigMapCreationRequest = configMapSchemas.creationRequest;
const ConfigMapListResponse = configMapSchemas.list;
const ConfigMapUpdateRequest = configMapSchemas.updateRequest;
const EnvironmentAsset = environmentSchemas.asset;
const EnvironmentCreationRequest = environmentSchemas.creationRequest;
const EnvironmentListResponse = environmentSchemas.list;
const EnvironmentUpdateRequest = environmentSchemas.updateRequest;

// ---- fixtures ---------------------------------------------------------------------------------------

const PROJECT_META = { name: "team-a-config", description: "Team A settings", scope: "project", projectId: 1001 } as const;

const configMapSpec = { configMap: "team-a-settings", mountPath: "/etc/team-a", subPath: "settings.yaml" };

/** The read-only part of AssetMeta, as a server fills it. */
const readOnlyMeta = {
  id: "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",
  kind: "environment",
  tenantId: 1001,
  createdBy: "admin@run.ai",
  createdAt: "2025-01-01T00:00:00Z",
  updatedBy: "admin@run.ai",
  updatedAt: "2025-01-02T10:20:30.123Z",
  projectName: "team-a",
  updateCount: 2,
};

const environmentAsset = {
  meta: {
    ...PROJECT_META,
    name: "jupyter",
    ...readOnlyMeta,
    autoDelete: false,
    workloadSupportedTypes: { workspace: true, training: false, inference: false, distributed: false, distFramework: "MPI" },
  },
  spec: fullEnvironmentSpec,
  usedBy: null,
  status: { status: "No issues found", issues: [], message: "", url: "" },
};

const configMapAsset = {
  meta: { ...PROJECT_META, ...readOnlyMeta, kind: "config-map", clusterId: "71f69d83-ba66-4822-adf5-55ce55efd210" },
  spec: configMapSpec,
  status: { status: "Issues found", issues: [{ scopeId: "1001", scopeType: "project", issue: "NotCreated" }] },
};

const appExample = schemas.Application as unknown as { example: unknown };
const appPostExample = schemas.ApplicationPostResponse as unknown as { example: unknown };
const tokenExamples = (
  doc.paths["/api/v1/token"].post.requestBody.content["application/json"] as unknown as {
    examples: Record<string, { value: unknown }>;
  }
).examples;
const errorExample = (doc.components.responses["500InternalServerError"].content["application/json"] as unknown as { example: unknown })
  .example;
const secretExample = (
  doc.paths["/api/v1/apps/{appId}/secret"].post.responses["200"].content["application/json"].schema as unknown as { example: unknown }
).example;

// ---- completeness ----------------------------------------------------------------------------------

describe("every property of the contract is modelled", () => {
  test.each([
    ["EnvironmentAssetSpec", EnvironmentSpec],
    ["EnvironmentVariableOfAsset", EnvironmentVariable],
    ["Connection", Connection],
    ["InternalToolInfo", InternalToolInfo],
    ["ExternalToolInfo", ExternalToolInfo],
    ["Probe", Probe],
    ["ConfigMap", ConfigMapSpec],
    ["WorkloadSupportedTypes", WorkloadSupportedTypes],
    ["AssetCreationRequest", AssetCreationMeta],
    ["AssetUpdateRequest", AssetUpdateMeta],
    ["AssetMeta", AssetMeta],
    ["ApplicationCreationRequest", ApplicationCreationRequest],
    ["ApplicationPatchRequest", ApplicationPatchRequest],
    ["ApplicationPostResponse", ApplicationPostResponse],
    ["Application", Application],
  ])("%s", (name, schema) => {
    expect(keysOf(schema as unknown as z.ZodObject)).toEqual(contractProperties(name));
  });

  test("httpGet has path, port, host, scheme", () => {
    expect(keysOf(HttpGetAction)).toEqual(["host", "path", "port", "scheme"]);
  });

  test("the full environment fixture sets every spec field", () => {
    expect(Object.keys(fullEnvironmentSpec).sort()).toEqual(contractProperties("EnvironmentAssetSpec"));
  });
});

// ---- accept ------------------------------------------------------------------------------------------

describe("accepts the contract's examples and realistic objects", () => {
  test("the OpenAPI document's examples", () => {
    expect(Application.parse(appExample.example)).toMatchObject({ name: "app123", clientId: "app123", tenantId: 1234567890 });
    expect(ApplicationList.parse([appExample.example])).toHaveLength(1);
    expect(ApplicationPostResponse.parse(appPostExample.example)).toMatchObject({ secret: "asdasidjn9d" });
    expect(ApplicationCreationRequest.parse((schemas.ApplicationCreationRequest as unknown as { example: unknown }).example)).toEqual({
      name: "app-123",
    });
    expect(ApplicationPatchRequest.parse((schemas.ApplicationPatchRequest as unknown as { example: unknown }).example)).toEqual({
      enabled: true,
    });
    expect(ApplicationSecretResponse.parse(secretExample)).toEqual({ secret: "189ej2ijd92fj092k049fk0" });
    expect(ApiError.parse(errorExample)).toEqual({ code: 500, message: "Something went wrong." });
    for (const { value } of Object.values(tokenExamples)) expect(TokenRequest.safeParse(value).success).toBe(true);
  });

  test("a ConfigMap creation, update, asset and list", () => {
    expect(ConfigMapCreationRequest.parse({ meta: PROJECT_META, spec: configMapSpec })).toEqual({
      meta: PROJECT_META,
      spec: configMapSpec,
    });
    expect(
      ConfigMapUpdateRequest.parse({ meta: { name: "x", description: null }, spec: { configMap: "x", mountPath: "/x" } }),
    ).toBeTruthy();
    expect(ConfigMapAsset.parse(configMapAsset).meta.id).toBe(readOnlyMeta.id);
    expect(ConfigMapListResponse.parse({ entries: [configMapAsset] }).entries).toHaveLength(1);
  });

  test("an environment with every field, in requests and responses", () => {
    expect(EnvironmentSpec.parse(fullEnvironmentSpec)).toEqual(fullEnvironmentSpec);
    expect(
      EnvironmentCreationRequest.parse({
        meta: { ...PROJECT_META, workloadSupportedTypes: { distributed: true, distFramework: "PyTorch" } },
        spec: fullEnvironmentSpec,
      }),
    ).toBeTruthy();
    expect(EnvironmentUpdateRequest.parse({ meta: { name: "jupyter" }, spec: {} })).toEqual({ meta: { name: "jupyter" }, spec: {} });
    expect(EnvironmentAsset.parse(environmentAsset).spec).toEqual(fullEnvironmentSpec);
    expect(EnvironmentListResponse.parse({ entries: [environmentAsset, configMapAsset] }).entries).toHaveLength(2);
  });

  test("every nullable field accepts null (enums aside: see the table below)", () => {
    const nulls = {
      command: null,
      args: null,
      runAsUid: null,
      runAsGid: null,
      supplementalGroups: null,
      environmentVariables: null,
      image: null,
      workingDir: null,
      createHomeDir: null,
      probes: null,
      capabilities: null,
      runAsNonRoot: null,
      readOnlyRootFilesystem: null,
      tty: null,
      stdin: null,
      allowPrivilegeEscalation: null,
      hostIpc: null,
      hostNetwork: null,
    };
    expect(EnvironmentSpec.safeParse(nulls).success).toBe(true);
    expect(contractAccepts("EnvironmentAssetSpec", nulls)).toBe(true);
    expect(ConfigMapSpec.safeParse({ configMap: null, mountPath: null, subPath: null }).success).toBe(true);
  });

  test("token response: accessToken required, other fields optional", () => {
    expect(TokenResponse.parse({ accessToken: "a.b.c" })).toEqual({ accessToken: "a.b.c" });
    expect(TokenResponse.safeParse({ idToken: "x" }).success).toBe(false);
  });
});

// ---- zod and the OpenAPI document agree -------------------------------------------------------------

type Case = [label: string, contractSchema: string, zodSchema: z.ZodType, value: unknown, valid: boolean];
const env = (spec: Record<string, unknown>) => ({ meta: PROJECT_META, spec });
const conn = (c: Record<string, unknown>) => env({ connections: [c] });
const probe = (p: Record<string, unknown>) => env({ probes: { readiness: p } });
const httpGet = (h: Record<string, unknown>) => probe({ handler: { httpGet: h } });
const internal = (i: Record<string, unknown>) =>
  conn({ name: "t", internalToolInfo: { toolType: "custom", connectionType: "NodePort", containerPort: 80, ...i } });
const E = "EnvironmentCreationRequest";
const C = "ConfigMapCreationRequest";

const cases: Case[] = [
  ["full environment", E, EnvironmentCreationRequest, env(fullEnvironmentSpec), true],
  // OpenAPI 3.0.3: `nullable` does not add null to an enum that does not list it.
  ["imagePullPolicy null", E, EnvironmentCreationRequest, env({ imagePullPolicy: null }), false],
  ["uidGidSource null", E, EnvironmentCreationRequest, env({ uidGidSource: null }), false],
  ["seccompProfileType null", E, EnvironmentCreationRequest, env({ seccompProfileType: null }), false],
  ["httpGet scheme null", E, EnvironmentCreationRequest, httpGet({ scheme: null }), false],
  ["servingPort protocol null", E, EnvironmentCreationRequest, internal({ servingPortInfo: { protocol: null } }), false],
  [
    "distFramework null",
    E,
    EnvironmentCreationRequest,
    { meta: { name: "x", scope: "tenant", workloadSupportedTypes: { distFramework: null } }, spec: {} },
    false,
  ],
  ["empty spec", E, EnvironmentCreationRequest, env({}), true],
  ["env var list with a null item", E, EnvironmentCreationRequest, env({ environmentVariables: [null] }), true],
  ["image not a string", E, EnvironmentCreationRequest, env({ image: 42 }), false],
  ["empty image", E, EnvironmentCreationRequest, env({ image: "" }), false],
  ["empty command", E, EnvironmentCreationRequest, env({ command: "" }), false],
  ["command as an array", E, EnvironmentCreationRequest, env({ command: ["python"] }), false],
  ["empty args", E, EnvironmentCreationRequest, env({ args: "" }), false],
  ["empty workingDir", E, EnvironmentCreationRequest, env({ workingDir: "" }), false],
  ["imagePullPolicy outside the enum", E, EnvironmentCreationRequest, env({ imagePullPolicy: "Sometimes" }), false],
  ["uidGidSource outside the enum", E, EnvironmentCreationRequest, env({ uidGidSource: "fromLdap" }), false],
  ["seccompProfileType outside the enum", E, EnvironmentCreationRequest, env({ seccompProfileType: "Default" }), false],
  ["unknown capability", E, EnvironmentCreationRequest, env({ capabilities: ["CAP_CHOWN"] }), false],
  ["runAsUid not an integer", E, EnvironmentCreationRequest, env({ runAsUid: 1.5 }), false],
  ["runAsGid as a string", E, EnvironmentCreationRequest, env({ runAsGid: "30" }), false],
  ["supplementalGroups as an array", E, EnvironmentCreationRequest, env({ supplementalGroups: [2, 3] }), false],
  ["empty supplementalGroups (reverts to the image's)", E, EnvironmentCreationRequest, env({ supplementalGroups: "" }), true],
  ["tty as a string", E, EnvironmentCreationRequest, env({ tty: "yes" }), false],
  ["hostNetwork as a number", E, EnvironmentCreationRequest, env({ hostNetwork: 1 }), false],
  ["connections null (not nullable)", E, EnvironmentCreationRequest, env({ connections: null }), false],
  ["overrideUidGidInWorkspace null (not nullable)", E, EnvironmentCreationRequest, env({ overrideUidGidInWorkspace: null }), false],
  [
    "connection without a name",
    E,
    EnvironmentCreationRequest,
    conn({ isExternal: true, externalToolInfo: { toolType: "wandb", externalUrl: "u" } }),
    false,
  ],
  ["connection with an empty name", E, EnvironmentCreationRequest, conn({ name: "" }), false],
  ["isExternal null", E, EnvironmentCreationRequest, conn({ name: "x", isExternal: null }), false],
  ["containerPort 0", E, EnvironmentCreationRequest, internal({ containerPort: 0 }), false],
  ["containerPort 65536", E, EnvironmentCreationRequest, internal({ containerPort: 65536 }), false],
  ["containerPort 65535", E, EnvironmentCreationRequest, internal({ containerPort: 65535 }), true],
  [
    "internal tool without containerPort",
    E,
    EnvironmentCreationRequest,
    conn({ name: "t", internalToolInfo: { toolType: "custom", connectionType: "NodePort" } }),
    false,
  ],
  ["internal toolType wandb", E, EnvironmentCreationRequest, internal({ toolType: "wandb" }), false],
  ["connectionType outside the enum", E, EnvironmentCreationRequest, internal({ connectionType: "Ingress" }), false],
  [
    "servingPort protocol outside the enum",
    E,
    EnvironmentCreationRequest,
    internal({ connectionType: "ServingPort", servingPortInfo: { protocol: "tcp" } }),
    false,
  ],
  ["isCustomPort null", E, EnvironmentCreationRequest, internal({ nodePortInfo: { isCustomPort: null } }), false],
  ["empty default externalUrl", E, EnvironmentCreationRequest, internal({ externalUrlInfo: { externalUrl: "" } }), false],
  [
    "external tool without externalUrl",
    E,
    EnvironmentCreationRequest,
    conn({ name: "w", isExternal: true, externalToolInfo: { toolType: "wandb" } }),
    false,
  ],
  [
    "external toolType jupyter",
    E,
    EnvironmentCreationRequest,
    conn({ name: "w", isExternal: true, externalToolInfo: { toolType: "jupyter-notebook", externalUrl: "u" } }),
    false,
  ],
  ["probe periodSeconds 0", E, EnvironmentCreationRequest, probe({ periodSeconds: 0 }), false],
  ["probe initialDelaySeconds 0", E, EnvironmentCreationRequest, probe({ initialDelaySeconds: 0 }), true],
  ["probe initialDelaySeconds -1", E, EnvironmentCreationRequest, probe({ initialDelaySeconds: -1 }), false],
  ["probe failureThreshold 0", E, EnvironmentCreationRequest, probe({ failureThreshold: 0 }), false],
  ["probe timeoutSeconds 0", E, EnvironmentCreationRequest, probe({ timeoutSeconds: 0 }), false],
  ["probe successThreshold 0", E, EnvironmentCreationRequest, probe({ successThreshold: 0 }), false],
  ["probe period above int32", E, EnvironmentCreationRequest, probe({ periodSeconds: 2 ** 31 }), false],
  ["httpGet path without a leading slash", E, EnvironmentCreationRequest, httpGet({ path: "healthz" }), false],
  ["httpGet path with a query", E, EnvironmentCreationRequest, httpGet({ path: "/health?x=1" }), false],
  ["httpGet empty path", E, EnvironmentCreationRequest, httpGet({ path: "" }), true],
  ["httpGet port 0", E, EnvironmentCreationRequest, httpGet({ port: 0 }), false],
  ["httpGet host not a hostname", E, EnvironmentCreationRequest, httpGet({ host: "http://x" }), false],
  ["httpGet scheme outside the enum", E, EnvironmentCreationRequest, httpGet({ scheme: "TCP" }), false],
  ["httpGet null (not nullable)", E, EnvironmentCreationRequest, probe({ handler: { httpGet: null } }), false],
  ["env var with an empty name", E, EnvironmentCreationRequest, env({ environmentVariables: [{ name: "", value: "x" }] }), false],
  ["env var value as a number", E, EnvironmentCreationRequest, env({ environmentVariables: [{ name: "A", value: 1 }] }), false],
  [
    "env var credential assetId not a uuid",
    E,
    EnvironmentCreationRequest,
    env({ environmentVariables: [{ name: "A", credential: { assetId: "nope", key: "k" } }] }),
    false,
  ],
  [
    "env var configMap empty key",
    E,
    EnvironmentCreationRequest,
    env({ environmentVariables: [{ name: "A", configMap: { name: "c", key: "" } }] }),
    false,
  ],
  [
    "env var podFieldRef empty path",
    E,
    EnvironmentCreationRequest,
    env({ environmentVariables: [{ name: "A", podFieldRef: { path: "" } }] }),
    false,
  ],
  ["env var exclude as a string", E, EnvironmentCreationRequest, env({ environmentVariables: [{ name: "A", exclude: "true" }] }), false],
  ["meta without a name", E, EnvironmentCreationRequest, { meta: { scope: "project", projectId: 1 }, spec: {} }, false],
  ["meta without a scope", E, EnvironmentCreationRequest, { meta: { name: "x" }, spec: {} }, false],
  ["scope outside the enum", E, EnvironmentCreationRequest, { meta: { name: "x", scope: "org" }, spec: {} }, false],
  [
    "description of 251 characters",
    E,
    EnvironmentCreationRequest,
    { meta: { name: "x", scope: "tenant", description: "d".repeat(251) }, spec: {} },
    false,
  ],
  [
    "description of 250 characters",
    E,
    EnvironmentCreationRequest,
    { meta: { name: "x", scope: "tenant", description: "d".repeat(250) }, spec: {} },
    true,
  ],
  ["empty description", E, EnvironmentCreationRequest, { meta: { name: "x", scope: "tenant", description: "" }, spec: {} }, false],
  ["projectId as a string", E, EnvironmentCreationRequest, { meta: { name: "x", scope: "project", projectId: "1" }, spec: {} }, false],
  [
    "departmentId as a number",
    E,
    EnvironmentCreationRequest,
    { meta: { name: "x", scope: "department", departmentId: 2 }, spec: {} },
    false,
  ],
  ["clusterId not a uuid", E, EnvironmentCreationRequest, { meta: { name: "x", scope: "cluster", clusterId: "c1" }, spec: {} }, false],
  [
    "distFramework outside the enum",
    E,
    EnvironmentCreationRequest,
    { meta: { name: "x", scope: "tenant", workloadSupportedTypes: { distFramework: "JAX" } }, spec: {} },
    false,
  ],
  ["spec missing", E, EnvironmentCreationRequest, { meta: PROJECT_META }, false],
  ["config map", C, ConfigMapCreationRequest, { meta: PROJECT_META, spec: configMapSpec }, true],
  ["config map, empty mountPath", C, ConfigMapCreationRequest, { meta: PROJECT_META, spec: { ...configMapSpec, mountPath: "" } }, false],
  [
    "config map, configMap as a number",
    C,
    ConfigMapCreationRequest,
    { meta: PROJECT_META, spec: { ...configMapSpec, configMap: 7 } },
    false,
  ],
  ["config map, empty subPath", C, ConfigMapCreationRequest, { meta: PROJECT_META, spec: { ...configMapSpec, subPath: "" } }, false],
  ["app name", "ApplicationCreationRequest", ApplicationCreationRequest, { name: "ci-bot_2" }, true],
  ["app name with capitals", "ApplicationCreationRequest", ApplicationCreationRequest, { name: "CI-bot" }, false],
  ["app name ending in a dash", "ApplicationCreationRequest", ApplicationCreationRequest, { name: "ci-" }, false],
  ["app name of one letter", "ApplicationCreationRequest", ApplicationCreationRequest, { name: "a" }, false],
  ["patch enabled as a string", "ApplicationPatchRequest", ApplicationPatchRequest, { enabled: "true" }, false],
  ["asset response", "EnvironmentAsset", EnvironmentAsset, environmentAsset, true],
  [
    "asset response without meta.id",
    "EnvironmentAsset",
    EnvironmentAsset,
    { ...environmentAsset, meta: { ...environmentAsset.meta, id: undefined } },
    false,
  ],
  [
    "asset response with a numeric name",
    "ConfigMapAsset",
    ConfigMapAsset,
    { ...configMapAsset, meta: { ...configMapAsset.meta, name: 5 } },
    false,
  ],
  ["asset response without spec", "ConfigMapAsset", ConfigMapAsset, { meta: configMapAsset.meta }, false],
  ["application without enabled", "Application", Application, { ...(appExample.example as object), enabled: undefined }, false],
  ["application with enabled as a string", "Application", Application, { ...(appExample.example as object), enabled: "yes" }, false],
  ["post response without secret", "ApplicationPostResponse", ApplicationPostResponse, { id: "i", name: "n" }, false],
  ["error without message", "Error", ApiError, { code: 400 }, false],
  ["error code 99", "Error", ApiError, { code: 99, message: "m" }, false],
];

describe("zod agrees with the OpenAPI document", () => {
  test.each(cases)("%s", (_label, contractSchema, zodSchema, value, valid) => {
    // JSON round trip: `undefined` members disappear, as they would on the wire.
    const wire = JSON.parse(JSON.stringify(value));
    expect(contractAccepts(contractSchema, wire)).toBe(valid);
    expect(zodSchema.safeParse(wire).success).toBe(valid);
  });
});

// ---- strict requests, lenient responses ------------------------------------------------------------

describe("requests are strict, responses lenient", () => {
  test("a misspelt key in a request is an error naming it", () => {
    const result = EnvironmentSpec.safeParse({ imagePulPolicy: "Always" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["imagePulPolicy"] });
    expect(
      EnvironmentSpec.safeParse({
        connections: [{ name: "c", internalToolInfo: { toolType: "custom", connectionType: "NodePort", containerPort: 1, port: 2 } }],
      }).success,
    ).toBe(false);
    expect(AssetCreationMeta.safeParse({ ...PROJECT_META, private: true }).success).toBe(false);
  });

  test("unknown keys in a response are accepted and kept", () => {
    const asset = EnvironmentAsset.parse({
      ...environmentAsset,
      newTopLevel: 1,
      meta: { ...environmentAsset.meta, private: false, deletedAt: null },
      spec: { ...fullEnvironmentSpec, someFutureField: { a: 1 }, probes: { readiness: { handler: { httpGet: { path: "/", extra: 1 } } } } },
    }) as unknown as Record<string, Record<string, unknown>>;
    expect(asset.newTopLevel).toBe(1);
    expect(asset.meta.private).toBe(false);
    expect(asset.spec.someFutureField).toEqual({ a: 1 });
    expect(ConfigMapAsset.parse({ ...configMapAsset, spec: { ...configMapSpec, defaultMode: "0644" } }).spec).toEqual({
      ...configMapSpec,
      defaultMode: "0644",
    });
  });

  test("unknown enum values in a response are accepted (a newer server), in a request rejected", () => {
    const spec = {
      imagePullPolicy: "Sometimes",
      connections: [{ name: "x", internalToolInfo: { toolType: "new-tool", connectionType: "Ingress", containerPort: 1 } }],
    };
    expect(EnvironmentAsset.safeParse({ ...environmentAsset, spec }).success).toBe(true);
    expect(EnvironmentSpec.safeParse(spec).success).toBe(false);
    const status = EnvironmentAsset.parse({
      ...environmentAsset,
      status: { status: "Syncing" },
      meta: { ...environmentAsset.meta, kind: "ngcApiKey" },
    });
    expect(status.status?.status).toBe("Syncing");
  });

  test("null in an optional enum of a response reads as absent", () => {
    const asset = EnvironmentAsset.parse({
      ...environmentAsset,
      meta: { ...environmentAsset.meta, workloadSupportedTypes: { distFramework: null } },
      spec: { imagePullPolicy: null, uidGidSource: null, seccompProfileType: null },
    });
    expect(asset.spec.imagePullPolicy).toBeUndefined();
    expect(asset.meta.workloadSupportedTypes?.distFramework).toBeUndefined();
  });

  test("a null spec in a response reads as an empty spec", () => {
    expect(ConfigMapAsset.parse({ ...configMapAsset, spec: null }).spec).toEqual({});
  });

  test("a response still checks the fields we rely on", () => {
    expect(AssetMeta.safeParse({ ...environmentAsset.meta, scope: "org" }).success).toBe(false);
    expect(AssetMeta.safeParse({ ...environmentAsset.meta, projectId: "1001" }).success).toBe(false);
    expect(
      EnvironmentAsset.safeParse({
        ...environmentAsset,
        spec: { connections: [{ name: "x", internalToolInfo: { toolType: "custom", connectionType: "NodePort", containerPort: "80" } }] },
      }).success,
    ).toBe(false);
  });
});
