// The org-unit (departments, projects, quotas), access (access rules, roles) and cluster (clusters,
// node pools) schemas against the 2.22 contract: every property modelled (nested objects included),
// the document's examples and realistic objects accepted, zod and the document (ajv) agreeing on a
// table of cases, requests strict and responses lenient.
//
// The referee is ajv on the document with one repair: four properties carry `nullable: true` beside a
// `$ref` (DataUpdatableFields.nodeTypes, DataUpdatableDepartmentFields.nodeTypes,
// ProjectEffective.nodeTypes, DepartmentForList.totalResources). OpenAPI 3.0.3 ignores the siblings
// of a `$ref`, but ajv refuses to compile `nullable` without `type`, so those are dropped here.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { z } from "zod";
import rawDoc from "../../api/runai-2.22.openapi.json";
import {
  ACCESS_RULE_PHASES,
  ACCESS_RULE_SCOPE_TYPES,
  AccessRule,
  AccessRuleById,
  AccessRuleCreationRequest,
  AccessRuleList,
  AccessRuleStatus,
  AggregatedResources,
  CLUSTER_PLATFORM_TYPES,
  CLUSTER_STATES,
  Cluster,
  ClusterDependencyStatus,
  ClusterList,
  ClusterStatus,
  Department,
  DepartmentCreationRequest,
  DepartmentForList,
  DepartmentList,
  DepartmentProjectChild,
  DepartmentProjectParent,
  DepartmentUpdateRequest,
  GPU_NETWORK_ACCELERATION_DETECTIONS,
  GpuQuota,
  GpuResourceOptimization,
  MEMORY_UNITS,
  MemoryQuota,
  NODE_POOL_PHASES,
  NodePool,
  NodePoolList,
  NodeTypesPerWorkload,
  NodeTypesPerWorkloadResponse,
  OvertimeData,
  OvertimeDataResponse,
  OvertimeRangeDataResponse,
  PERMISSION_ACTIONS,
  Permission,
  PLACEMENT_STRATEGIES,
  PROJECT_PHASES,
  Project,
  ProjectCreationRequest,
  ProjectEffective,
  ProjectList,
  ProjectStatus,
  ProjectUpdateRequest,
  QuotaResource,
  QuotaResourceResponse,
  QuotaStatus,
  QuotaStatusNodePool,
  QuotaStatusResource,
  RESOURCE_TYPE_GROUP_IDS,
  RESOURCE_TYPES,
  ResourceQuota,
  Role,
  RoleList,
  SchedulingRules,
  SchedulingRulesResponse,
  SUBJECT_TYPES,
  TotalResources,
} from "../../src/schemas";

// ---- the referee ------------------------------------------------------------------------------------

type JsonSchema = {
  $ref?: string;
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: string[];
  example?: unknown;
  nullable?: boolean;
};

const doc = JSON.parse(JSON.stringify(rawDoc)) as typeof rawDoc;
const repaired: string[] = [];
(function dropNullableBesideRef(node: unknown, at: string) {
  if (!node || typeof node !== "object") return;
  const o = node as Record<string, unknown>;
  if (typeof o.$ref === "string" && "nullable" in o) {
    delete o.nullable;
    repaired.push(at);
  }
  for (const [key, value] of Object.entries(o)) dropNullableBesideRef(value, `${at}/${key}`);
})(doc, "#");

const schemas = doc.components.schemas as unknown as Record<string, JsonSchema>;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "org", components: doc.components });

function contractAccepts(schemaName: string, value: unknown): boolean {
  const validate = ajv.getSchema(`org#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  const ok = validate(value) as boolean;
  if (process.env.ORG_TEST_DEBUG && !ok) console.log(schemaName, JSON.stringify(validate.errors));
  return ok;
}
const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? resolve(schemas[s.$ref.replace("#/components/schemas/", "")]) : s);

/** A contract schema with `$ref`s followed and `allOf` merged (properties, items, additionalProperties). */
function merged(s: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  const visit = (x: JsonSchema) => {
    const r = resolve(x);
    if (r.properties) out.properties = { ...out.properties, ...r.properties };
    if (r.items) out.items = r.items;
    if (r.additionalProperties !== undefined) out.additionalProperties = r.additionalProperties;
    if (r.enum) out.enum = r.enum;
    (r.allOf ?? []).forEach(visit);
  };
  visit(s);
  return out;
}
const contractProperties = (name: string) => Object.keys(merged(schemas[name]).properties ?? {}).sort();
const propertyExamples = (name: string) => {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(merged(schemas[name]).properties ?? {})) {
    const example = s.example ?? resolve(s).example;
    if (example !== undefined) out[key] = example;
  }
  return out;
};

// ---- zod introspection ------------------------------------------------------------------------------

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable/pipes (a preprocess's target, a transform's source). */
function core(s: z.ZodType): z.ZodType {
  const def = defOf(s);
  if (def.type === "optional" || def.type === "nullable") return core(def.innerType!);
  if (def.type === "pipe") return core(defOf(def.in!).type === "transform" ? def.out! : def.in!);
  return s;
}
const shapeOf = (s: z.ZodType) => (core(s) as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
const keysOf = (s: z.ZodType) => Object.keys(shapeOf(s)).sort();

/**
 * Every place where the zod schema and the contract schema disagree on property names, walking
 * nested objects, array items and map values (recursive schemas to a fixed depth).
 */
function propertyMismatches(contract: JsonSchema, schema: z.ZodType, at = "", depth = 0): string[] {
  if (depth > 6) return [];
  const c = merged(contract);
  const zs = core(schema);
  const type = defOf(zs).type;
  if (c.properties) {
    if (type !== "object") return [`${at || "(root)"}: zod ${type}, contract object`];
    const zodKeys = keysOf(zs);
    const contractKeys = Object.keys(c.properties).sort();
    if (JSON.stringify(zodKeys) !== JSON.stringify(contractKeys)) {
      return [`${at || "(root)"}: zod [${zodKeys.join(",")}] contract [${contractKeys.join(",")}]`];
    }
    return contractKeys.flatMap((key) => propertyMismatches(c.properties![key], shapeOf(zs)[key], `${at}.${key}`, depth + 1));
  }
  if (c.items && type === "array") return propertyMismatches(c.items, defOf(zs).element!, `${at}[]`, depth + 1);
  if (typeof c.additionalProperties === "object" && type === "record") {
    return propertyMismatches(c.additionalProperties, defOf(zs).valueType!, `${at}{}`, depth + 1);
  }
  return [];
}

// ---- fixtures ---------------------------------------------------------------------------------------

const CLUSTER_ID = "71f69d83-ba66-4822-adf5-55ce55efd210";
const DEPARTMENT_UUID = "53a9228e-a722-420d-a102-9dc90da2efca";
const T0 = "2025-01-01T00:00:00Z";
const T1 = "2025-01-02T10:20:30.123Z";

const quota = {
  nodePool: { id: "22", name: "default" },
  gpu: { deserved: 2, limit: -1, overQuotaWeight: 2 },
  cpu: { deserved: 4000, limit: null, overQuotaWeight: null },
  memory: { deserved: 16000, limit: null, overQuotaWeight: null, units: "MB" },
  priority: "Normal",
};
const schedulingRules = {
  interactiveJobTimeLimitSeconds: 3600,
  interactiveJobMaxIdleDurationSeconds: 1800,
  interactiveJobPreemptIdleDurationSeconds: 900,
  trainingJobMaxIdleDurationSeconds: 7200,
  trainingJobTimeLimitSeconds: 86400,
};
const nodeTypes = { training: ["a100"], workspace: ["t4"], names: { a100: "A100 nodes", t4: "T4 nodes" } };
const updatable = { description: "Team A", schedulingRules, defaultNodePools: ["default", "a100"], nodeTypes };

const projectCreation = {
  ...updatable,
  name: "team-a",
  clusterId: CLUSTER_ID,
  requestedNamespace: "runai-team-a",
  enforceRunaiScheduler: true,
  parentId: "1",
  resources: [quota],
};
const projectUpdate = { ...updatable, enforceRunaiScheduler: false, resources: [quota] };
const departmentCreation = { ...updatable, name: "research", clusterId: CLUSTER_ID, resources: [quota] };
const departmentUpdate = { ...updatable, resources: [quota] };

const usage = { gpu: 1, cpu: 2000, memory: 8000 };
const quotaStatus = { allocated: usage, allocatedNonPreemptible: usage, requested: usage };
const rangeData = { averageGpuAllocation: 1.5, averageGpuUtilization: 40, averageGpuMemoryUtilization: null, updatedAt: T1 };
const overtimeData = {
  range24hData: rangeData,
  range7dData: rangeData,
  range30dData: { averageGpuAllocation: 0, averageGpuUtilization: 0 },
};
const totalResources = { gpuQuota: 2, cpuQuota: 4000, memoryQuota: 16000 };

/** A project as the server returns it: every property of `Project` set. */
const project = {
  ...updatable,
  id: "33",
  name: "team-a",
  clusterId: CLUSTER_ID,
  parentId: "1",
  requestedNamespace: "runai-team-a",
  enforceRunaiScheduler: true,
  status: {
    namespace: "runai-team-a",
    phase: "Ready",
    phaseMessage: "Project is ready",
    lastUpdatedTime: T1,
    nodePoolQuotaStatuses: [{ ...quotaStatus, nodePoolName: "default", nodePoolId: "22" }],
    quotaStatus,
    additionalStatusData: { anything: [1, 2] },
  },
  totalResources,
  createdAt: T0,
  updatedAt: T1,
  createdBy: "admin@run.ai",
  updatedBy: "admin@run.ai",
  parent: { id: DEPARTMENT_UUID, name: "research", parent: null },
  effective: { schedulingRules, defaultNodePools: ["default"], nodeTypes },
  overtimeData,
  resources: [quota],
};

/** A department as the server returns it: every property of `Department` set. */
const department = {
  ...updatable,
  name: "research",
  clusterId: CLUSTER_ID,
  overtimeData,
  id: "1",
  createdAt: T0,
  updatedAt: T1,
  createdBy: "admin@run.ai",
  updatedBy: "admin@run.ai",
  children: [{ id: "9f55253e-11ed-47c7-acef-fc4054768dbc", name: "team-a", children: [] }],
  projectsAggregatedResources: [
    {
      nodePool: { id: "22", name: "default" },
      gpu: { deserved: 2 },
      cpu: { deserved: null },
      memory: { deserved: 16000, units: "MB" },
    },
  ],
  status: { nodePoolQuotaStatuses: [{ nodePoolName: "default", nodePoolId: "22" }], quotaStatus },
  totalResources,
  resources: [quota],
};
const { projectsAggregatedResources: _aggregated, ...departmentForList } = { ...department, status: { quotaStatus } };

const accessRuleFields = { subjectId: "ci-bot", subjectType: "app", roleId: 3, scopeId: "33", scopeType: "project", clusterId: CLUSTER_ID };
/** An access rule as get returns it: every property of `AccessRuleById` set. */
const accessRule = {
  ...accessRuleFields,
  roleName: "L1 researcher",
  scopeName: "team-a",
  id: 32,
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
  tenantId: 1001,
  createdBy: "admin@run.ai",
  status: { phase: "Ready", message: "", details: "Ready: [71f69d83-ba66-4822-adf5-55ce55efd210]" },
  scopePath: "runai/production-cluster/research/team-a",
};

/** A role: every property of `Role1` set. */
const role = {
  name: "L1 researcher",
  description: "Runs workloads in its projects",
  permissions: [{ resourceType: "workspaces", displayName: "Workspaces", groupId: "workload", actions: ["create", "read", "delete"] }],
  enabled: true,
  kubernetesPermissions: { predefinedRole: null },
  id: 3,
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
  createdBy: "system",
  custom: false,
  effectiveEnabled: true,
};

const dependency = { available: true, reason: "", components: { "nvidia-gpu-operator": { available: true } } };
/** A cluster: every property of `DisplayedCluster` set. */
const cluster = {
  uuid: CLUSTER_ID,
  tenantId: 1001,
  name: "production",
  createdAt: T0,
  domain: "https://cluster.example.com",
  version: "2.22.0",
  status: {
    state: "Connected",
    conditions: [{ lastTransitionTime: T0, message: "", observedGeneration: 3, reason: "Reconciled", status: "True", type: "Available" }],
    operands: { scheduler: { lastTransitionTime: T0, ready: true, reasons: [], unreadyThresholdCrossed: false } },
    platform: { type: "vanilla", kubeVersion: "v1.30.2" },
    config: { workloadOwnershipProtection: false, subdomainEnabled: null },
    dependencies: { required: { gpu: dependency }, optional: {} },
  },
  updatedAt: T1,
  deletedAt: null,
  lastLiveness: T1,
  deleteRequestedAt: null,
};

const optimization = {
  swapEnabled: true,
  cpuSwapMemorySize: "100G",
  reservedGpuMemoryForSwapOperations: "2G",
  nodeLevelSchedulerEnabled: false,
};
const poolSettings = {
  overProvisioningRatio: 1,
  placementStrategy: { cpu: "spread", gpu: "binpack" },
  gpuNetworkAccelerationLabelKey: "nvidia.com/gpu.network",
  gpuNetworkAccelerationDetection: "Auto",
  gpuResourceOptimization: optimization,
};
/** A node pool: every property of `Nodepool` set. */
const nodePool = {
  ...poolSettings,
  name: "a100",
  labelKey: "node-type",
  labelValue: "a100",
  clusterId: CLUSTER_ID,
  phase: "Ready",
  phaseMessage: "",
  status: { ...poolSettings, labelKey: "node-type", labelValue: "a100", gpuNetworkAccelerationDetected: false, nodes: ["node-1"] },
  id: "5",
  tenantId: 1001,
  clusterName: "production",
  createdBy: "admin@run.ai",
  createdAt: T0,
  updatedBy: "admin@run.ai",
  updatedAt: T1,
  deletedBy: "",
  deletedAt: null,
  isDefault: false,
};

// ---- completeness ----------------------------------------------------------------------------------

describe("every property of the contract is modelled", () => {
  test("the referee's repair touched exactly the four `nullable` siblings of a `$ref`", () => {
    expect(repaired.sort()).toEqual([
      "#/components/schemas/DataUpdatableDepartmentFields/properties/nodeTypes",
      "#/components/schemas/DataUpdatableFields/properties/nodeTypes",
      "#/components/schemas/DepartmentForList/allOf/1/properties/totalResources",
      "#/components/schemas/ProjectEffective/properties/nodeTypes",
    ]);
  });

  const rows: [string, z.ZodType][] = [
    ["ResourcesNullable", QuotaResource],
    ["Resources", QuotaResourceResponse],
    ["NonNullResource", GpuQuota],
    ["Resource", ResourceQuota],
    ["SchedulingRules", SchedulingRules],
    ["SchedulingRules", SchedulingRulesResponse],
    ["NodeTypesPerWorkload", NodeTypesPerWorkload],
    ["NodeTypesPerWorkload", NodeTypesPerWorkloadResponse],
    ["OvertimeData", OvertimeData],
    ["OvertimeData", OvertimeDataResponse],
    ["OvertimeRangeData", OvertimeRangeDataResponse],
    ["DepartmentCreationRequest", DepartmentCreationRequest],
    ["DepartmentUpdateRequest", DepartmentUpdateRequest],
    ["Department", Department],
    ["DepartmentForList", DepartmentForList],
    ["ProjectCreationRequest", ProjectCreationRequest],
    ["ProjectUpdateRequest", ProjectUpdateRequest],
    ["Project", Project],
    ["ProjectStatus", ProjectStatus],
    ["ProjectEffective", ProjectEffective],
    ["TotalResources", TotalResources],
    ["QuotaStatus", QuotaStatus],
    ["QuotaStatusNodePool", QuotaStatusNodePool],
    ["QuotaStatusResource", QuotaStatusResource],
    ["AggregatedResources", AggregatedResources],
    ["DepartmentProjectChild", DepartmentProjectChild],
    ["DepartmentProjectParent", DepartmentProjectParent],
    ["AccessRuleCreationFields", AccessRuleCreationRequest],
    ["AccessRule", AccessRule],
    ["AccessRuleById", AccessRuleById],
    ["AccessRuleStatusResponse", AccessRuleStatus],
    ["Role1", Role],
    ["Permission", Permission],
    ["DisplayedCluster", Cluster],
    ["ClusterDisplayedStatus", ClusterStatus],
    ["ClusterDependencyStatus", ClusterDependencyStatus],
    ["Nodepool", NodePool],
    ["GPUResourceOptimization", GpuResourceOptimization],
  ];
  test.each(rows)("%s, nested objects included", (name, schema) => {
    expect(keysOf(schema)).toEqual(contractProperties(name));
    expect(propertyMismatches(schemas[name], schema)).toEqual([]);
  });

  test("memory quotas are Resource + units", () => {
    expect(keysOf(MemoryQuota)).toEqual(["deserved", "limit", "overQuotaWeight", "units"]);
  });

  test("list responses and bare arrays are the operations' own 200 schemas", () => {
    const ok = (path: string) =>
      (
        doc.paths as unknown as Record<string, { get: { responses: { 200: { content: { "application/json": { schema: JsonSchema } } } } } }>
      )[path].get.responses[200].content["application/json"].schema;
    expect(propertyMismatches(ok("/api/v1/org-unit/departments"), DepartmentList)).toEqual([]);
    expect(propertyMismatches(ok("/api/v1/org-unit/projects"), ProjectList)).toEqual([]);
    expect(propertyMismatches(ok("/api/v1/authorization/access-rules"), AccessRuleList)).toEqual([]);
    expect(propertyMismatches(ok("/api/v1/node-pools"), NodePoolList)).toEqual([]);
    expect(propertyMismatches(ok("/api/v1/authorization/roles"), RoleList)).toEqual([]);
    expect(propertyMismatches(ok("/api/v1/clusters"), ClusterList)).toEqual([]);
    expect(keysOf(DepartmentList)).toEqual(["departments", "next"]);
    expect(keysOf(ProjectList)).toEqual(["next", "projects"]);
  });

  test("the enums are the contract's", () => {
    const enumOf = (name: string) => merged(schemas[name]).enum;
    expect(MEMORY_UNITS).toEqual(enumOf("units"));
    expect(PROJECT_PHASES).toEqual(enumOf("ProjectPhase"));
    expect(SUBJECT_TYPES).toEqual(enumOf("SubjectType"));
    expect(ACCESS_RULE_SCOPE_TYPES).toEqual(enumOf("ScopeType"));
    expect(ACCESS_RULE_PHASES).toEqual(enumOf("AccessRulePhase"));
    expect(PERMISSION_ACTIONS).toEqual(enumOf("Action"));
    expect(RESOURCE_TYPES).toEqual(enumOf("ResourceType"));
    expect(RESOURCE_TYPE_GROUP_IDS).toEqual(enumOf("ResourceTypeGroupId"));
    expect(NODE_POOL_PHASES).toEqual(enumOf("NodepoolPhase"));
    expect(PLACEMENT_STRATEGIES).toEqual(enumOf("PlacementStrategy"));
    expect(GPU_NETWORK_ACCELERATION_DETECTIONS).toEqual(enumOf("NodepoolGPUNetworkAccelerationDetection"));
    const clusterStatus = merged(schemas.ClusterDisplayedStatus).properties!;
    expect(CLUSTER_STATES).toEqual(clusterStatus.state.enum);
    expect(CLUSTER_PLATFORM_TYPES).toEqual(merged(clusterStatus.platform).properties!.type.enum);
  });

  test.each([
    ["Project", project],
    ["Department", department],
    ["DepartmentForList", departmentForList],
    ["AccessRuleById", accessRule],
    ["Role1", role],
    ["DisplayedCluster", cluster],
    ["Nodepool", nodePool],
    ["ProjectCreationRequest", projectCreation],
  ])("the %s fixture sets every property", (name, fixture) => {
    expect(Object.keys(fixture).sort()).toEqual(contractProperties(name));
  });
});

// ---- accept ------------------------------------------------------------------------------------------

describe("accepts the contract's examples and realistic objects", () => {
  test.each<[string, z.ZodType, unknown]>([
    ["ProjectCreationRequest", ProjectCreationRequest, projectCreation],
    ["ProjectUpdateRequest", ProjectUpdateRequest, projectUpdate],
    ["DepartmentCreationRequest", DepartmentCreationRequest, departmentCreation],
    ["DepartmentUpdateRequest", DepartmentUpdateRequest, departmentUpdate],
    ["AccessRuleCreationFields", AccessRuleCreationRequest, accessRuleFields],
    ["Project", Project, project],
    ["Department", Department, department],
    ["DepartmentForList", DepartmentForList, departmentForList],
    ["AccessRule", AccessRule, accessRule],
    ["AccessRuleById", AccessRuleById, accessRule],
    ["Role1", Role, role],
    ["Roles", RoleList, [role, { ...role, id: 4, name: "viewer", custom: true }]],
    ["DisplayedCluster", Cluster, cluster],
    ["Nodepool", NodePool, nodePool],
  ])("%s, in zod and in the contract, unchanged by parsing", (name, schema, value) => {
    expect(contractAccepts(name, value)).toBe(true);
    expect(schema.parse(value)).toEqual(value);
  });

  test("list responses", () => {
    expect(DepartmentList.parse({ departments: [departmentForList], next: 1 }).departments).toHaveLength(1);
    expect(ProjectList.parse({ projects: [project] })).toEqual({ projects: [project] });
    expect(AccessRuleList.parse({ totalRecords: 1, displayRecords: 1, accessRules: [accessRule] }).accessRules[0].id).toBe(32);
    expect(NodePoolList.parse({ nodepools: [nodePool] }).nodepools).toHaveLength(1);
    expect(NodePoolList.parse({})).toEqual({});
    expect(ClusterList.parse([cluster])).toHaveLength(1);
  });

  test("the document's examples: DisplayedCluster's, SchedulingRules', TotalResources'", () => {
    const example = (schemas.DisplayedCluster as { example: unknown }).example;
    expect(contractAccepts("DisplayedCluster", example)).toBe(true);
    expect(Cluster.parse(example)).toMatchObject({ name: "example", tenantId: 1001, version: "2.15.0" });
    const rules = propertyExamples("SchedulingRules");
    expect(Object.keys(rules)).toHaveLength(5);
    expect(contractAccepts("SchedulingRules", rules)).toBe(true);
    expect(SchedulingRules.parse(rules)).toEqual(rules);
    const access = propertyExamples("AccessRuleCreationFields");
    expect(access).toEqual({
      subjectId: "user@run.ai",
      roleId: 53142648,
      scopeId: "a418ed33-9399-48c0-a890-122cadd13bfd",
      clusterId: CLUSTER_ID,
    });
    const withEnums = { ...access, subjectType: "user", scopeType: "project" };
    expect(contractAccepts("AccessRuleCreationFields", withEnums)).toBe(true);
    expect(AccessRuleCreationRequest.parse(withEnums)).toEqual(withEnums);
    for (const name of ["NonNullResource", "Resource", "QuotaStatusResource", "OvertimeRangeData", "KubernetesPermissions"]) {
      expect([name, contractAccepts(name, propertyExamples(name))]).toEqual([name, true]);
    }
    expect(GpuQuota.parse(propertyExamples("NonNullResource"))).toEqual({ deserved: 1000, limit: 0, overQuotaWeight: 2 });
  });

  test("the document's examples of string ids are numbers: they fail their own types, in both", () => {
    // nodePool.id (22), Department.id (50), Project.id (33), Nodepool.id (5), Role's and rule's ids are int32.
    const nodePoolExample = merged(merged(schemas.ResourcesNullable).properties!.nodePool).properties!.id.example;
    expect(nodePoolExample).toBe(22);
    const withNumericPool = { nodePool: { id: 22, name: "default" } };
    expect(contractAccepts("ResourcesNullable", withNumericPool)).toBe(false);
    expect(QuotaResource.safeParse(withNumericPool).success).toBe(false);
    expect(propertyExamples("Project").id).toBe(33);
    expect(contractAccepts("Project", { ...project, id: 33 })).toBe(false);
    expect(Project.safeParse({ ...project, id: 33 }).success).toBe(false);
    expect(propertyExamples("Department").id).toBe(50);
    expect(Department.safeParse({ ...department, id: 50 }).success).toBe(false);
    expect(propertyExamples("Nodepool").id).toBe(5);
    expect(NodePool.safeParse({ ...nodePool, id: 5 }).success).toBe(false);
  });

  test("recursive parents and children", () => {
    const parent = { id: "a", name: "p", parent: { id: "b", name: "q", parent: { id: "c", name: "r" } } };
    expect(DepartmentProjectParent.parse(parent)).toEqual(parent);
    expect(DepartmentProjectParent.safeParse({ id: "a", name: "p", parent: { id: 1, name: "q" } }).success).toBe(false);
    const child = { id: "a", name: "d", children: [{ id: "b", name: "p", children: [{ id: "c", name: "q" }] }] };
    expect(DepartmentProjectChild.parse(child)).toEqual(child);
    expect(ClusterDependencyStatus.parse(dependency)).toEqual(dependency);
  });

  test("an empty quota list and a minimal quota entry", () => {
    const minimal = { name: "x", clusterId: CLUSTER_ID, resources: [{}] };
    expect(ProjectCreationRequest.parse(minimal)).toEqual(minimal);
    expect(contractAccepts("ProjectCreationRequest", minimal)).toBe(true);
    const resources = [{ nodePool: { id: "22" }, gpu: { deserved: 0 } }];
    expect(QuotaResourceResponse.array().parse(resources)).toEqual(resources);
  });
});

// ---- zod and the OpenAPI document agree -------------------------------------------------------------

type Case = [label: string, contractSchema: string, zodSchema: z.ZodType, value: unknown, valid: boolean];
const P = "ProjectCreationRequest";
const PU = "ProjectUpdateRequest";
const D = "DepartmentCreationRequest";
const DU = "DepartmentUpdateRequest";
const A = "AccessRuleCreationFields";
const proj = (fields: Record<string, unknown>) => ({ ...projectCreation, ...fields });
const item = (fields: Record<string, unknown>) => proj({ resources: [{ ...quota, ...fields }] });
const rules = (fields: Record<string, unknown>) => proj({ schedulingRules: { ...schedulingRules, ...fields } });
const dept = (fields: Record<string, unknown>) => ({ ...departmentCreation, ...fields });
const rule = (fields: Record<string, unknown>) => ({ ...accessRuleFields, ...fields });

const cases: Case[] = [
  // projects: creation
  ["project, every field", P, ProjectCreationRequest, projectCreation, true],
  ["project without a name", P, ProjectCreationRequest, proj({ name: undefined }), false],
  ["project with an empty name (no constraints in 2.22)", P, ProjectCreationRequest, proj({ name: "" }), true],
  ["project without clusterId", P, ProjectCreationRequest, proj({ clusterId: undefined }), false],
  ["project clusterId not a uuid", P, ProjectCreationRequest, proj({ clusterId: "production" }), false],
  ["project without resources", P, ProjectCreationRequest, proj({ resources: undefined }), false],
  ["project with no quotas", P, ProjectCreationRequest, proj({ resources: [] }), true],
  ["project parentId null", P, ProjectCreationRequest, proj({ parentId: null }), true],
  ["project parentId as a number", P, ProjectCreationRequest, proj({ parentId: 1 }), false],
  ["project requestedNamespace null (not nullable)", P, ProjectCreationRequest, proj({ requestedNamespace: null }), false],
  ["project enforceRunaiScheduler null", P, ProjectCreationRequest, proj({ enforceRunaiScheduler: null }), true],
  ["project enforceRunaiScheduler as a string", P, ProjectCreationRequest, proj({ enforceRunaiScheduler: "true" }), false],
  ["project description null (not nullable)", P, ProjectCreationRequest, proj({ description: null }), false],
  ["project defaultNodePools null", P, ProjectCreationRequest, proj({ defaultNodePools: null }), true],
  ["project defaultNodePools of numbers", P, ProjectCreationRequest, proj({ defaultNodePools: [1] }), false],
  ["project schedulingRules null", P, ProjectCreationRequest, proj({ schedulingRules: null }), true],
  ["project nodeTypes null", P, ProjectCreationRequest, proj({ nodeTypes: null }), true],
  ["project nodeTypes names null", P, ProjectCreationRequest, proj({ nodeTypes: { names: null } }), true],
  ["project nodeTypes training null (not nullable)", P, ProjectCreationRequest, proj({ nodeTypes: { training: null } }), false],
  ["project nodeTypes names of numbers", P, ProjectCreationRequest, proj({ nodeTypes: { names: { a: 1 } } }), false],
  // scheduling rules: integer, minimum 1
  ["time limit 1 (minimum)", P, ProjectCreationRequest, rules({ trainingJobTimeLimitSeconds: 1 }), true],
  ["time limit 0", P, ProjectCreationRequest, rules({ trainingJobTimeLimitSeconds: 0 }), false],
  ["idle duration -5", P, ProjectCreationRequest, rules({ interactiveJobMaxIdleDurationSeconds: -5 }), false],
  ["preempt idle 1.5 (integer)", P, ProjectCreationRequest, rules({ interactiveJobPreemptIdleDurationSeconds: 1.5 }), false],
  ["time limit null", P, ProjectCreationRequest, rules({ interactiveJobTimeLimitSeconds: null }), true],
  ["time limit as a string", P, ProjectCreationRequest, rules({ trainingJobMaxIdleDurationSeconds: "60" }), false],
  // quota entries
  ["quota nodePool null", P, ProjectCreationRequest, item({ nodePool: null }), true],
  ["quota nodePool without id", P, ProjectCreationRequest, item({ nodePool: { name: "default" } }), false],
  ["quota nodePool name null (not nullable)", P, ProjectCreationRequest, item({ nodePool: { id: "1", name: null } }), false],
  ["quota gpu deserved 0.5 (double)", P, ProjectCreationRequest, item({ gpu: { deserved: 0.5 } }), true],
  ["quota gpu deserved null (NonNullResource)", P, ProjectCreationRequest, item({ gpu: { deserved: null } }), false],
  ["quota gpu deserved as a string", P, ProjectCreationRequest, item({ gpu: { deserved: "1" } }), false],
  ["quota gpu limit null", P, ProjectCreationRequest, item({ gpu: { deserved: 1, limit: null } }), true],
  ["quota cpu null", P, ProjectCreationRequest, item({ cpu: null }), true],
  ["quota cpu deserved null", P, ProjectCreationRequest, item({ cpu: { deserved: null } }), true],
  ["quota memory without units", P, ProjectCreationRequest, item({ memory: { deserved: 1 } }), false],
  ["quota memory units GiB (outside the enum)", P, ProjectCreationRequest, item({ memory: { deserved: 1, units: "GiB" } }), false],
  ["quota memory units Mib", P, ProjectCreationRequest, item({ memory: { units: "Mib" } }), true],
  ["quota memory null (the allOf's {type: object} refuses it)", P, ProjectCreationRequest, item({ memory: null }), false],
  ["quota priority null", P, ProjectCreationRequest, item({ priority: null }), true],
  ["quota priority as a number", P, ProjectCreationRequest, item({ priority: 1 }), false],
  // projects: update
  ["project update", PU, ProjectUpdateRequest, projectUpdate, true],
  ["project update without resources", PU, ProjectUpdateRequest, { description: "x" }, false],
  ["project update, resources only", PU, ProjectUpdateRequest, { resources: [] }, true],
  ["project update enforceRunaiScheduler null", PU, ProjectUpdateRequest, { resources: [], enforceRunaiScheduler: null }, true],
  ["project update time limit 0", PU, ProjectUpdateRequest, { resources: [], schedulingRules: { trainingJobTimeLimitSeconds: 0 } }, false],
  // departments
  ["department, every field", D, DepartmentCreationRequest, departmentCreation, true],
  ["department without clusterId", D, DepartmentCreationRequest, dept({ clusterId: undefined }), false],
  ["department without a name", D, DepartmentCreationRequest, dept({ name: undefined }), false],
  ["department without resources", D, DepartmentCreationRequest, dept({ resources: undefined }), false],
  ["department clusterId not a uuid", D, DepartmentCreationRequest, dept({ clusterId: "c1" }), false],
  ["department with overtimeData", D, DepartmentCreationRequest, dept({ overtimeData: { range24hData: rangeData } }), true],
  ["department overtimeData range null", D, DepartmentCreationRequest, dept({ overtimeData: { range30dData: null } }), false],
  [
    "department overtimeData updatedAt without a time zone",
    D,
    DepartmentCreationRequest,
    dept({ overtimeData: { range7dData: { updatedAt: "2025-01-01T00:00:00" } } }),
    false,
  ],
  [
    "department quota gpu overQuotaWeight as a string",
    D,
    DepartmentCreationRequest,
    dept({ resources: [{ gpu: { overQuotaWeight: "2" } }] }),
    false,
  ],
  ["department update", DU, DepartmentUpdateRequest, departmentUpdate, true],
  ["department update without resources", DU, DepartmentUpdateRequest, { description: "d" }, false],
  [
    "department update, time limit 1",
    DU,
    DepartmentUpdateRequest,
    { resources: [], schedulingRules: { trainingJobTimeLimitSeconds: 1 } },
    true,
  ],
  ["department update, memory units MB", DU, DepartmentUpdateRequest, { resources: [{ memory: { deserved: 1, units: "MB" } }] }, true],
  // access rules
  ["access rule", A, AccessRuleCreationRequest, accessRuleFields, true],
  ["access rule without clusterId", A, AccessRuleCreationRequest, rule({ clusterId: undefined }), true],
  ["access rule clusterId null (not nullable)", A, AccessRuleCreationRequest, rule({ clusterId: null }), false],
  ["access rule clusterId not a uuid", A, AccessRuleCreationRequest, rule({ clusterId: "production" }), false],
  ["access rule without subjectId", A, AccessRuleCreationRequest, rule({ subjectId: undefined }), false],
  ["access rule subjectType service-account (2.24)", A, AccessRuleCreationRequest, rule({ subjectType: "service-account" }), false],
  ["access rule scopeType org", A, AccessRuleCreationRequest, rule({ scopeType: "org" }), false],
  ["access rule scopeType system", A, AccessRuleCreationRequest, rule({ scopeType: "system", scopeId: "1" }), true],
  ["access rule roleId as a string", A, AccessRuleCreationRequest, rule({ roleId: "3" }), false],
  ["access rule roleId 2^31-1 (int32)", A, AccessRuleCreationRequest, rule({ roleId: 2 ** 31 - 1 }), true],
  ["access rule roleId 2^31", A, AccessRuleCreationRequest, rule({ roleId: 2 ** 31 }), false],
  ["access rule roleId 1.5", A, AccessRuleCreationRequest, rule({ roleId: 1.5 }), false],
  ["access rule scopeId as a number", A, AccessRuleCreationRequest, rule({ scopeId: 33 }), false],
  // responses: types and required fields
  ["project without status", "Project", Project, { ...project, status: undefined }, false],
  ["project without effective", "Project", Project, { ...project, effective: undefined }, false],
  ["project parentId null (required string)", "Project", Project, { ...project, parentId: null }, false],
  ["project response quota without gpu", "Project", Project, { ...project, resources: [{ nodePool: { id: "1" } }] }, false],
  ["project response gpu without deserved", "Project", Project, { ...project, resources: [{ gpu: { limit: 1 } }] }, false],
  ["department without totalResources", "Department", Department, { ...department, totalResources: undefined }, false],
  ["department without description", "Department", Department, { ...department, description: undefined }, false],
  ["listed department without description", "DepartmentForList", DepartmentForList, { ...departmentForList, description: undefined }, true],
  ["listed department status null", "DepartmentForList", DepartmentForList, { ...departmentForList, status: null }, true],
  ["access rule id as a string", "AccessRule", AccessRule, { ...accessRule, id: "32" }, false],
  ["access rule without tenantId", "AccessRule", AccessRule, { ...accessRule, tenantId: undefined }, false],
  ["access rule without roleName", "AccessRule", AccessRule, { ...accessRule, roleName: undefined }, false],
  ["access rule without status", "AccessRule", AccessRule, { ...accessRule, status: undefined }, true],
  ["role without effectiveEnabled", "Role1", Role, { ...role, effectiveEnabled: undefined }, false],
  ["role enabled null", "Role1", Role, { ...role, enabled: null }, true],
  ["cluster without tenantId", "DisplayedCluster", Cluster, { ...cluster, tenantId: undefined }, false],
  ["cluster domain null", "DisplayedCluster", Cluster, { ...cluster, domain: null }, true],
  ["node pool without isDefault", "Nodepool", NodePool, { ...nodePool, isDefault: undefined }, false],
  ["node pool tenantId as a string", "Nodepool", NodePool, { ...nodePool, tenantId: "1001" }, false],
  ["node pool gpuResourceOptimization null", "Nodepool", NodePool, { ...nodePool, gpuResourceOptimization: null }, true],
];

describe("zod agrees with the OpenAPI document", () => {
  test.each(cases)("%s", (_label, contractSchema, zodSchema, value, valid) => {
    // JSON round trip: `undefined` members disappear, as they would on the wire.
    const wire = JSON.parse(JSON.stringify(value));
    expect(contractAccepts(contractSchema, wire)).toBe(valid);
    expect(zodSchema.safeParse(wire).success).toBe(valid);
  });

  test("at least three cases per request schema", () => {
    for (const name of [P, PU, D, DU, A]) expect(cases.filter((c) => c[1] === name).length).toBeGreaterThanOrEqual(3);
  });
});

describe("where zod and the document differ, on purpose", () => {
  // The quota schemas (NonNullResource, ResourcesNullable) and NodeTypesPerWorkload declare no `type`,
  // so the document lets any JSON value through where an object is meant. zod asks for the object.
  test.each<[string, string, z.ZodType, unknown]>([
    ["gpu null (NonNullResource has no type)", P, ProjectCreationRequest, item({ gpu: null })],
    ["a quota entry that is a string", P, ProjectCreationRequest, proj({ resources: ["x"] })],
    ["nodeTypes a string", P, ProjectCreationRequest, proj({ nodeTypes: "x" })],
  ])("requests: %s passes the document, not zod", (_label, name, schema, value) => {
    expect(contractAccepts(name, value)).toBe(true);
    expect(schema.safeParse(value).success).toBe(false);
  });

  // Declared nullable but refused by the document's own construction (an allOf member with a type, or
  // `nullable` beside a `$ref`): a response carrying null is still read.
  test.each<[string, string, z.ZodType, unknown]>([
    ["cluster status null", "DisplayedCluster", Cluster, { ...cluster, status: null }],
    ["listed department totalResources null", "DepartmentForList", DepartmentForList, { ...departmentForList, totalResources: null }],
    ["quota memory null", "Project", Project, { ...project, resources: [{ ...quota, memory: null }] }],
    ["overtime range data null", "Project", Project, { ...project, overtimeData: { range24hData: null } }],
  ])("responses: %s passes zod, not the document", (_label, name, schema, value) => {
    expect(contractAccepts(name, value)).toBe(false);
    expect(schema.safeParse(value).success).toBe(true);
  });
});

// ---- strict requests, lenient responses ------------------------------------------------------------

describe("requests are strict, responses lenient", () => {
  test("a misspelt key in a request is an error naming it, at any depth", () => {
    const top = ProjectCreationRequest.safeParse(proj({ parentID: "1" }));
    expect(top.success).toBe(false);
    expect(top.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["parentID"] });
    expect(ProjectCreationRequest.safeParse(item({ gpu: { deserverd: 1 } })).success).toBe(false);
    expect(ProjectCreationRequest.safeParse(rules({ trainingJobTimeLimit: 1 })).success).toBe(false);
    expect(DepartmentUpdateRequest.safeParse({ ...departmentUpdate, name: "renamed" }).success).toBe(false);
    expect(ProjectUpdateRequest.safeParse({ ...projectUpdate, clusterId: CLUSTER_ID }).success).toBe(false);
    expect(AccessRuleCreationRequest.safeParse(rule({ roleName: "admin" })).success).toBe(false);
  });

  test("unknown keys in a response are accepted and kept, at any depth", () => {
    const parsed = Project.parse({
      ...project,
      newTopLevel: 1,
      status: { ...project.status, futureField: "x" },
      resources: [{ ...quota, gpu: { ...quota.gpu, burst: 3 }, extra: true }],
    }) as unknown as {
      newTopLevel: number;
      status: Record<string, unknown>;
      resources: Array<Record<string, unknown> & { gpu: Record<string, unknown> }>;
    };
    expect(parsed.newTopLevel).toBe(1);
    expect(parsed.status.futureField).toBe("x");
    expect(parsed.resources[0].gpu.burst).toBe(3);
    expect(parsed.resources[0].extra).toBe(true);
    expect((AccessRule.parse({ ...accessRule, private: true }) as Record<string, unknown>).private).toBe(true);
    expect((NodePool.parse({ ...nodePool, nodeCount: 3 }) as Record<string, unknown>).nodeCount).toBe(3);
    expect((Cluster.parse({ ...cluster, region: "eu" }) as Record<string, unknown>).region).toBe("eu");
    expect((Role.parse({ ...role, scopeType: "tenant" }) as Record<string, unknown>).scopeType).toBe("tenant");
  });

  test("unknown enum values in a response are accepted (a newer server), in a request rejected", () => {
    expect(Project.parse({ ...project, status: { phase: "Provisioning" } }).status.phase).toBe("Provisioning");
    expect(AccessRule.parse({ ...accessRule, subjectType: "service-account", status: { phase: "Syncing" } }).subjectType).toBe(
      "service-account",
    );
    expect(AccessRuleCreationRequest.safeParse(rule({ subjectType: "service-account" })).success).toBe(false);
    expect(Cluster.parse({ ...cluster, status: { state: "Upgrading" } }).status?.state).toBe("Upgrading");
    expect(NodePool.parse({ ...nodePool, phase: "Draining" }).phase).toBe("Draining");
    expect(Project.parse({ ...project, resources: [{ gpu: { deserved: 1 }, memory: { units: "GiB" } }] }).resources[0].memory?.units).toBe(
      "GiB",
    );
    expect(
      Role.parse({ ...role, permissions: [{ ...role.permissions[0], resourceType: "service-accounts", actions: ["impersonate"] }] }),
    ).toBeTruthy();
  });

  test("null in a nullable enum of a response reads as absent", () => {
    const pool = NodePool.parse({ ...nodePool, gpuNetworkAccelerationDetection: null, placementStrategy: { cpu: null, gpu: "spread" } });
    expect(pool.gpuNetworkAccelerationDetection).toBeUndefined();
    expect(pool.placementStrategy).toEqual({ gpu: "spread" });
    expect(Cluster.parse({ ...cluster, status: { platform: { type: null } } }).status?.platform).toEqual({});
  });

  test("responses do not check formats (the contract's id formats disagree with its examples)", () => {
    const numericParent = { ...project, parent: { id: "1", name: "research" } };
    expect(contractAccepts("Project", numericParent)).toBe(false);
    expect(Project.safeParse(numericParent).success).toBe(true);
  });

  test("a response still checks the fields we rely on", () => {
    expect(Project.safeParse({ ...project, id: undefined }).success).toBe(false);
    expect(Project.safeParse({ ...project, clusterId: undefined }).success).toBe(false);
    expect(DepartmentForList.safeParse({ ...departmentForList, name: 5 }).success).toBe(false);
    expect(AccessRule.safeParse({ ...accessRule, roleId: "3" }).success).toBe(false);
    expect(Role.safeParse({ ...role, id: "3" }).success).toBe(false);
    expect(NodePool.safeParse({ ...nodePool, id: undefined }).success).toBe(false);
    expect(Cluster.safeParse({ ...cluster, uuid: undefined }).success).toBe(false);
  });
});
