// The fixed seed: the organisation (tenant, cluster, departments, projects), the cluster's node
// pools and the admin client. Fixed on purpose: examples and tests hard-code these ids, so they must
// never change between runs. The predefined roles are in roles.ts.
import type { DepartmentRecord, JsonObject, Organisation, ProjectRecord, ResourcesEntry } from "../types";

export const SEED_ORGANISATION: Organisation = Object.freeze({
  tenantId: 1,
  clusterId: "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31",
  departments: [
    { id: "101", name: "research" },
    { id: "102", name: "platform" },
  ],
  projects: [
    { id: 1001, name: "team-a", departmentId: "101" },
    { id: 1002, name: "team-b", departmentId: "101" },
    { id: 1003, name: "team-c", departmentId: "102" },
  ],
}) as Organisation;

export const DEFAULT_ADMIN_CLIENT_ID = "runai-admin";
export const DEFAULT_ADMIN_CLIENT_SECRET = "runai-admin-secret";

/** Creation time and author of everything seeded. */
export const SEED_TIME = "2024-01-01T00:00:00.000Z";
export const SEED_AUTHOR = "system";

/** The tenant's name: access rules' scopeName and the first element of their scopePath. */
export const TENANT_NAME = "runai";

/** The one cluster (DisplayedCluster), connected, version 2.22.0. */
export const SEED_CLUSTER = Object.freeze({
  uuid: SEED_ORGANISATION.clusterId,
  tenantId: SEED_ORGANISATION.tenantId,
  name: "research-cluster",
  createdAt: SEED_TIME,
  domain: "research-cluster.example.com",
  version: "2.22.0",
});

export interface NodePoolSeed {
  id: string;
  name: string;
  isDefault: boolean;
  labelKey: string;
  labelValue: string;
  nodes: string[];
}

/** The cluster's node pools: "default" (every cluster has one) and "a100". */
export const SEED_NODE_POOLS: readonly NodePoolSeed[] = Object.freeze([
  { id: "1", name: "default", isDefault: true, labelKey: "run.ai/node-pool", labelValue: "default", nodes: ["node-1", "node-2"] },
  { id: "2", name: "a100", isDefault: false, labelKey: "run.ai/node-pool", labelValue: "a100", nodes: ["node-a100-1"] },
]);

/** The first ids handed out to new departments, projects, access rules and node pools (then +1 each, never reused until reset). */
export const FIRST_NEW_IDS = Object.freeze({ department: 103, project: 1004, accessRule: 1, nodePool: 3 });

/** Deep copy, so callers can never mutate the seed. */
export function copyOrganisation(org: Organisation = SEED_ORGANISATION): Organisation {
  return JSON.parse(JSON.stringify(org)) as Organisation;
}

const DEPARTMENT_GPUS: Record<string, number> = { "101": 8, "102": 4 };
const PROJECT_GPUS: Record<number, number> = { 1001: 4, 1002: 4, 1003: 2 };

function defaultPoolQuota(gpus: number): ResourcesEntry[] {
  return [{ nodePool: { id: "1", name: "default" }, gpu: { deserved: gpus } as JsonObject & { deserved: number } }];
}

/** The seeded departments as full records (fresh copies). */
export function seedDepartments(): DepartmentRecord[] {
  return SEED_ORGANISATION.departments.map((d) => ({
    id: d.id,
    name: d.name,
    clusterId: SEED_ORGANISATION.clusterId,
    schedulingRules: null,
    defaultNodePools: null,
    resources: defaultPoolQuota(DEPARTMENT_GPUS[d.id]),
    createdAt: SEED_TIME,
    createdBy: SEED_AUTHOR,
    updatedAt: SEED_TIME,
    updatedBy: SEED_AUTHOR,
  }));
}

/** The seeded projects as full records (fresh copies), Ready, in namespaces runai-<name>. */
export function seedProjects(): ProjectRecord[] {
  return SEED_ORGANISATION.projects.map((p) => ({
    id: String(p.id),
    name: p.name,
    clusterId: SEED_ORGANISATION.clusterId,
    parentId: p.departmentId,
    schedulingRules: null,
    defaultNodePools: null,
    resources: defaultPoolQuota(PROJECT_GPUS[p.id]),
    requestedNamespace: null,
    namespace: `runai-${p.name}`,
    enforceRunaiScheduler: true,
    createdAt: SEED_TIME,
    createdBy: SEED_AUTHOR,
    updatedAt: SEED_TIME,
    updatedBy: SEED_AUTHOR,
    pendingPhase: null,
    pendingUntil: 0,
    deleteAt: null,
    forcedPhase: null,
  }));
}
