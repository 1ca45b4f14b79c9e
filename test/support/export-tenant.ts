// A tenant built by hand through the emulator's API, as a team would have clicked it together
// before adopting Pulumi: two departments, four projects with quotas, an asset of every kind
// (credentials among them, and datasources that use them), two applications and access rules; and the
// guardrails: a department's training policy with a GPU limit, a project's workspace policy, an OIDC
// identity provider with its claim mappers (the seeded cluster is there already).
// Used by the runai-export e2e test.
import type { EmulatorHarness } from "./emulator";

const CLUSTER_ID = "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31";
const ASSET = "/api/v1/asset";

/** The values of the tenant's secrets: none may appear in an export's output. */
export const TENANT_SECRETS = [
  "exp-secret-access-key",
  "exp-git-password",
  "exp-docker-pass-value",
  "exp-token-value",
  "exp-sso-client-secret",
];

export interface ExportTenant {
  departments: Record<string, string>;
  projects: Record<string, string>;
  apps: Record<string, string>;
}

async function post(api: EmulatorHarness, path: string, body: unknown): Promise<Record<string, any>> {
  const created = await api.api("POST", path, body);
  if (created.status !== 201 && created.status !== 202)
    throw new Error(`POST ${path} → ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body;
}

const quota = (gpu: number, a100 = 0) => [
  { nodePool: { id: "1" }, gpu: { deserved: gpu } },
  ...(a100 > 0 ? [{ nodePool: { id: "2" }, gpu: { deserved: a100 } }] : []),
];

export async function buildExportTenant(api: EmulatorHarness): Promise<ExportTenant> {
  const departments: Record<string, string> = {};
  for (const [name, gpu, a100] of [
    ["exp-ml", 4, 1],
    ["exp-data", 2, 0],
  ] as const) {
    departments[name] = String(
      (
        await post(api, "/api/v1/org-unit/departments", {
          name,
          clusterId: CLUSTER_ID,
          description: `${name} team`,
          resources: quota(gpu, a100),
        })
      ).id,
    );
  }
  const projects: Record<string, string> = {};
  for (const [name, department, gpu, a100] of [
    ["exp-train", "exp-ml", 2, 1],
    ["exp-serve", "exp-ml", 1, 0],
    ["exp-etl", "exp-data", 1, 0],
    ["exp-lab", "exp-data", 1, 0],
  ] as const) {
    const body = {
      name,
      clusterId: CLUSTER_ID,
      parentId: departments[department],
      description: `${name} project`,
      resources: quota(gpu, a100),
    };
    projects[name] = String((await post(api, "/api/v1/org-unit/projects", body)).id);
  }
  const project = (name: string) => ({ scope: "project", projectId: Number(projects[name]) });
  const department = (name: string) => ({ scope: "department", departmentId: departments[name] });
  const assetId = async (path: string, body: unknown) => String((await post(api, `${ASSET}/${path}`, body)).meta.id);

  const accessKey = await assetId("credentials/access-key", {
    meta: { name: "exp-minio-key", scope: "tenant" },
    spec: { accessKeyId: "AKIAEXPORT", secretAccessKey: TENANT_SECRETS[0] },
  });
  const password = await assetId("credentials/password", {
    meta: { name: "exp-git-login", ...project("exp-train") },
    spec: { user: "ci-bot", password: TENANT_SECRETS[1] },
  });
  await assetId("credentials/docker-registry", {
    meta: { name: "exp-registry", ...department("exp-ml") },
    spec: { url: "https://registry.example.com", user: "puller", password: TENANT_SECRETS[2] },
  });
  const generic = await assetId("credentials/generic-secret", {
    meta: { name: "exp-api-token", ...project("exp-train") },
    spec: { keyValuePairs: [{ key: "token", value: TENANT_SECRETS[3] }] },
  });
  await assetId("datasource/config-map", {
    meta: { name: "exp-settings", ...project("exp-train") },
    spec: { configMap: "exp-settings", mountPath: "/etc/exp" },
  });
  await assetId("environment", {
    meta: { name: "exp-python", description: "python env", ...project("exp-serve") },
    spec: { image: "python:3.12", environmentVariables: [{ name: "MODE", value: "serve" }] },
  });
  await assetId("datasource/nfs", {
    meta: { name: "exp-nfs", ...project("exp-etl") },
    spec: { server: "nfs.example.com", path: "/exports", mountPath: "/data" },
  });
  await assetId("datasource/host-path", {
    meta: { name: "exp-scratch", ...department("exp-data") },
    spec: { path: "/mnt/ssd", mountPath: "/scratch" },
  });
  await assetId("compute", {
    meta: { name: "exp-half-gpu", ...project("exp-lab") },
    spec: { gpuDevicesRequest: 1, gpuRequestType: "portion", gpuPortionRequest: 0.5, cpuCoreRequest: 1, cpuMemoryRequest: "4Gi" },
  });
  await assetId("datasource/pvc", {
    meta: { name: "exp-claim", ...department("exp-ml") },
    spec: { path: "/pvc", claimInfo: { size: "10Gi", storageClass: "standard" } },
  });
  await assetId("datasource/s3", {
    meta: { name: "exp-datasets", scope: "tenant" },
    spec: { bucket: "datasets", path: "/s3", url: "https://minio.example.com", accessKeyAssetId: accessKey },
  });
  await assetId("datasource/git", {
    meta: { name: "exp-code", ...project("exp-train") },
    spec: { repository: "https://github.com/acme/train.git", branch: "main", path: "/code", passwordAssetId: password },
  });
  await assetId("datasource/secrets", {
    meta: { name: "exp-token-files", ...project("exp-train") },
    spec: { credentialAssetId: generic, mountPath: "/secrets" },
  });

  const apps: Record<string, string> = {};
  for (const name of ["exp-ci", "exp-bot"]) apps[name] = String((await post(api, "/api/v1/apps", { name })).id);
  const roles = (await api.api("GET", "/api/v1/authorization/roles")).body as { id: number; name: string }[];
  const role = (name: string) => roles.find((candidate) => candidate.name === name)!.id;
  const rule = (subjectType: string, subjectId: string, roleName: string, scopeType: string, scopeId: string) =>
    post(api, "/api/v1/authorization/access-rules", { subjectType, subjectId, roleId: role(roleName), scopeType, scopeId });
  await rule("app", "exp-ci", "ML engineer", "project", projects["exp-train"]);
  await rule("app", "exp-bot", "Viewer", "department", departments["exp-ml"]);
  await rule("user", "alice@example.com", "Viewer", "project", projects["exp-etl"]);

  const policy = async (type: string, meta: unknown, body: unknown) => {
    const put = await api.api("PUT", `/api/v2/policy/${type}`, { meta, policy: body });
    if (put.status !== 200) throw new Error(`PUT policy ${type} → ${put.status}: ${JSON.stringify(put.body)}`);
  };
  await policy(
    "trainings",
    { name: "exp-ml-trainings", ...department("exp-ml") },
    { rules: { compute: { gpuDevicesRequest: { max: 4 } } } },
  );
  await policy(
    "workspaces",
    { name: "exp-lab-workspaces", ...project("exp-lab") },
    { defaults: { compute: { cpuCoreRequest: 0.5 } }, rules: { compute: { gpuDevicesRequest: { max: 1 } } } },
  );
  await post(api, "/api/v1/idps", {
    name: "exp-sso",
    type: "oidc",
    oidcData: {
      clientId: "exp-runai",
      clientSecret: TENANT_SECRETS[4],
      discoverDocumentUrl: "https://sso.example.com/.well-known/openid-configuration",
      scopes: ["openid", "email"],
    },
  });
  const mappers = await api.api("PUT", "/api/v1/idps/exp-sso/mappers", { email: "mail", groups: "memberOf" });
  if (mappers.status !== 202) throw new Error(`PUT mappers → ${mappers.status}`);
  return { departments, projects, apps };
}
