// The predefined Run:ai roles (GET /api/v1/authorization/roles): read-only, fixed ids. Permissions
// use the contract's ResourceType, ResourceTypeGroupId and Action enums; the access control
// (authorization.ts) reads them to decide what an application may do where an access rule gives it
// a role. The permission sets follow the Run:ai role descriptions; the exact real sets are
// UNCONFIRMED (the contract enumerates no roles).
import { SEED_AUTHOR, SEED_TIME } from "../state/seed";

export type Action = "create" | "read" | "update" | "delete" | "sync";
type GroupId = "organization" | "physical-resource" | "iam" | "dashboard" | "workload" | "workload-asset";

/** Every ResourceType of the contract, with its group and display name. */
const RESOURCE_TYPES: Record<string, [GroupId, string]> = {
  tenant: ["organization", "Account"],
  department: ["organization", "Departments"],
  project: ["organization", "Projects"],
  settings: ["organization", "Settings"],
  "security-settings": ["organization", "Security settings"],
  policies: ["organization", "Policies"],
  cluster: ["physical-resource", "Clusters"],
  "cluster-config": ["physical-resource", "Cluster configuration"],
  nodepools: ["physical-resource", "Node pools"],
  nodes: ["physical-resource", "Nodes"],
  "storage-class-configuration": ["physical-resource", "Storage class configuration"],
  users: ["iam", "Users"],
  groups: ["iam", "Groups"],
  apps: ["iam", "Applications"],
  "user-apps": ["iam", "User applications"],
  roles: ["iam", "Roles"],
  access_rules: ["iam", "Access rules"],
  "dashboards-overview": ["dashboard", "Overview dashboard"],
  "dashboards-analytics": ["dashboard", "Analytics dashboard"],
  "dashboards-consumption": ["dashboard", "Consumption dashboard"],
  jobs: ["workload", "Jobs"],
  workloads: ["workload", "Workloads"],
  workspaces: ["workload", "Workspaces"],
  trainings: ["workload", "Trainings"],
  inferences: ["workload", "Inferences"],
  "events-history": ["workload", "Events history"],
  "workload-properties": ["workload", "Workload properties"],
  environments: ["workload-asset", "Environments"],
  "compute-resources": ["workload-asset", "Compute resources"],
  templates: ["workload-asset", "Templates"],
  credentials: ["workload-asset", "Credentials"],
  datavolumes: ["workload-asset", "Data volumes"],
  "pvc-assets": ["workload-asset", "Data sources - PVC"],
  "git-assets": ["workload-asset", "Data sources - Git"],
  "host-path-assets": ["workload-asset", "Data sources - Host path"],
  "nfs-assets": ["workload-asset", "Data sources - NFS"],
  "s3-assets": ["workload-asset", "Data sources - S3"],
  "cm-volume-assets": ["workload-asset", "Data sources - ConfigMap"],
  "secret-volume-assets": ["workload-asset", "Data sources - Secret"],
};

export const RESOURCE_TYPE_NAMES: readonly string[] = Object.keys(RESOURCE_TYPES);

const CRUD: Action[] = ["create", "read", "update", "delete"];
const R: Action[] = ["read"];
const RU: Action[] = ["read", "update"];

const DATASOURCES = [
  "pvc-assets",
  "git-assets",
  "host-path-assets",
  "nfs-assets",
  "s3-assets",
  "cm-volume-assets",
  "secret-volume-assets",
  "datavolumes",
];
const ASSETS = ["environments", "compute-resources", "templates", "credentials", ...DATASOURCES];
const WORKLOADS = ["jobs", "workloads", "workspaces", "trainings", "inferences"];
const DASHBOARDS = ["dashboards-overview", "dashboards-analytics", "dashboards-consumption"];
/** What a role in a project needs to see where it works. */
const ORG_READ = ["department", "project", "cluster", "nodepools", "nodes"];

type Grants = Array<[readonly string[], Action[]]>;

interface RoleSeed {
  id: number;
  name: string;
  description: string;
  grants: Grants;
}

/** The predefined roles, ids fixed (examples and tests may hard-code them). */
const ROLE_SEEDS: readonly RoleSeed[] = [
  {
    id: 1,
    name: "System administrator",
    description: "Manages every resource of the tenant, including access control and settings.",
    grants: [[RESOURCE_TYPE_NAMES, CRUD]],
  },
  {
    id: 2,
    name: "Department administrator",
    description: "Manages departments' projects, workloads, assets and access rules.",
    grants: [
      [["department"], RU],
      [["project"], CRUD],
      [["cluster", "nodepools", "nodes", "roles", "users", "groups", "apps", "events-history", "workload-properties"], R],
      [["access_rules", "policies"], CRUD],
      [[...WORKLOADS, ...ASSETS], CRUD],
      [DASHBOARDS, R],
    ],
  },
  {
    id: 3,
    name: "Editor",
    description: "Manages projects, workloads and assets; views the organisation.",
    grants: [
      [["department", "cluster", "nodepools", "nodes", "roles", "events-history", "workload-properties"], R],
      [["project"], CRUD],
      [[...WORKLOADS, ...ASSETS, "policies"], CRUD],
      [DASHBOARDS, R],
    ],
  },
  {
    id: 4,
    name: "Research manager",
    description: "Manages the assets of research teams and follows their workloads.",
    grants: [
      [[...ORG_READ, ...WORKLOADS, "events-history"], R],
      [ASSETS, CRUD],
      [DASHBOARDS, R],
    ],
  },
  {
    id: 5,
    name: "L1 researcher",
    description: "Runs workloads and manages the assets they use.",
    grants: [
      [[...ORG_READ, "events-history", "workload-properties", "dashboards-overview"], R],
      [WORKLOADS, CRUD],
      [ASSETS.filter((a) => a !== "credentials"), CRUD],
      [["credentials"], R],
    ],
  },
  {
    id: 6,
    name: "L2 researcher",
    description: "Runs workloads with the existing assets.",
    grants: [
      [[...ORG_READ, ...ASSETS, "events-history", "workload-properties"], R],
      [WORKLOADS, CRUD],
    ],
  },
  {
    id: 7,
    name: "ML engineer",
    description: "Deploys inference workloads and manages every kind of asset.",
    grants: [
      [[...ORG_READ, "workloads", "events-history", "workload-properties", "dashboards-overview"], R],
      [["inferences"], CRUD],
      [ASSETS, CRUD],
    ],
  },
  {
    id: 8,
    name: "Viewer",
    description: "Views every resource; changes nothing.",
    grants: [[RESOURCE_TYPE_NAMES, R]],
  },
  {
    id: 9,
    name: "Environment administrator",
    description: "Manages environments.",
    grants: [
      [["department", "project", "cluster"], R],
      [["environments"], CRUD],
    ],
  },
  {
    id: 10,
    name: "Data source administrator",
    description: "Manages data sources of every kind.",
    grants: [
      [["department", "project", "cluster", "nodepools", "credentials"], R],
      [DATASOURCES, CRUD],
    ],
  },
  {
    id: 11,
    name: "Compute resource administrator",
    description: "Manages compute resources.",
    grants: [
      [["department", "project", "cluster", "nodepools"], R],
      [["compute-resources"], CRUD],
    ],
  },
  {
    id: 12,
    name: "Credentials administrator",
    description: "Manages credentials.",
    grants: [
      [["department", "project", "cluster"], R],
      [["credentials"], CRUD],
    ],
  },
];

export interface Permission {
  resourceType: string;
  displayName: string;
  groupId: GroupId;
  actions: Action[];
}

export interface Role {
  id: number;
  name: string;
  description: string;
  permissions: Permission[];
  /** resourceType → allowed actions, for the access control. */
  allowed: ReadonlyMap<string, ReadonlySet<Action>>;
}

function buildRole(seed: RoleSeed): Role {
  const allowed = new Map<string, Set<Action>>();
  for (const [types, actions] of seed.grants) {
    for (const type of types) {
      if (!(type in RESOURCE_TYPES)) throw new Error(`role "${seed.name}" names resource type "${type}", which the table lacks`);
      const set = allowed.get(type) ?? new Set<Action>();
      for (const action of actions) set.add(action);
      allowed.set(type, set);
    }
  }
  const order: Action[] = ["create", "read", "update", "delete", "sync"];
  const permissions = RESOURCE_TYPE_NAMES.filter((type) => allowed.has(type)).map((type) => ({
    resourceType: type,
    displayName: RESOURCE_TYPES[type][1],
    groupId: RESOURCE_TYPES[type][0],
    actions: order.filter((a) => allowed.get(type)!.has(a)),
  }));
  return { id: seed.id, name: seed.name, description: seed.description, permissions, allowed };
}

export const ROLES: readonly Role[] = ROLE_SEEDS.map(buildRole);
const BY_ID = new Map(ROLES.map((r) => [r.id, r]));

export function role(id: number): Role | undefined {
  return BY_ID.get(id);
}

/** The contract's Role1 shape. */
export function roleToWire(r: Role): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    permissions: r.permissions,
    enabled: true,
    kubernetesPermissions: { predefinedRole: null },
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
    deletedAt: null,
    createdBy: SEED_AUTHOR,
    custom: false,
    effectiveEnabled: true,
  };
}
