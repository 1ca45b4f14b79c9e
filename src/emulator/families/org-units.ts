// Departments (/api/v1/org-unit/departments) and projects (/api/v1/org-unit/projects). Departments
// are synchronous; a project reports a phase: Creating for syncDelayMs after create, Updating after
// a PUT, then Ready; after DELETE (202) Deleting for syncDelayMs, then it is gone (404). Contract
// validation of bodies and parameters has already happened (with the contract's defaults filled in).
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import type { ScopeRef } from "./organisation";
import { aggregate, checkDefaultNodePools, emptyQuotaStatus, nodePoolQuotaStatuses, normalizeResources, totalResources } from "./quotas";
import type { DepartmentRecord, ForcedPhase, JsonObject, OrgUnitFields, ProjectRecord } from "../types";

type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

const DEPARTMENTS_PATH = "/api/v1/org-unit/departments";
const PROJECTS_PATH = "/api/v1/org-unit/projects";

export const DEPARTMENTS_FAMILY = defineFamily({
  name: "departments",
  rows: [
    { method: "GET", template: DEPARTMENTS_PATH, operationId: "get_departments", handler: "listDepartments" },
    { method: "POST", template: DEPARTMENTS_PATH, operationId: "create_department", handler: "createDepartment" },
    { method: "GET", template: `${DEPARTMENTS_PATH}/{departmentId}`, operationId: "get_department", handler: "getDepartment" },
    { method: "PUT", template: `${DEPARTMENTS_PATH}/{departmentId}`, operationId: "update_department", handler: "updateDepartment" },
    { method: "DELETE", template: `${DEPARTMENTS_PATH}/{departmentId}`, operationId: "delete_department", handler: "deleteDepartment" },
  ],
  handlers: orgUnitHandlers,
});

export const PROJECTS_FAMILY = defineFamily({
  name: "projects",
  rows: [
    { method: "GET", template: PROJECTS_PATH, operationId: "get_projects", handler: "listProjects" },
    { method: "POST", template: PROJECTS_PATH, operationId: "create_project", handler: "createProject" },
    { method: "GET", template: `${PROJECTS_PATH}/{projectId}`, operationId: "get_project", handler: "getProject" },
    { method: "PUT", template: `${PROJECTS_PATH}/{projectId}`, operationId: "update_project", handler: "updateProject" },
    { method: "DELETE", template: `${PROJECTS_PATH}/{projectId}`, operationId: "delete_project", handler: "deleteProject" },
  ],
  handlers: orgUnitHandlers,
});

export interface OrgUnitHandlers {
  listDepartments: Handler;
  createDepartment: Handler;
  getDepartment: Handler;
  updateDepartment: Handler;
  deleteDepartment: Handler;
  listProjects: Handler;
  createProject: Handler;
  getProject: Handler;
  updateProject: Handler;
  deleteProject: Handler;
}

/** The phase a project reports at `now`: forced, Deleting, Creating/Updating within syncDelayMs, or Ready. */
export function projectPhase(record: ProjectRecord, now: number): ForcedPhase {
  if (record.forcedPhase) return record.forcedPhase;
  if (record.deleteAt !== null) return { phase: "Deleting" };
  if (record.pendingPhase && now < record.pendingUntil) return { phase: record.pendingPhase };
  return { phase: "Ready" };
}

const SCHEDULING_RULES = [
  "interactiveJobTimeLimitSeconds",
  "interactiveJobMaxIdleDurationSeconds",
  "interactiveJobPreemptIdleDurationSeconds",
  "trainingJobMaxIdleDurationSeconds",
  "trainingJobTimeLimitSeconds",
];

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** The updatable fields of a request body (DataUpdatableFields), as stored; absent ones are unset (PUT replaces). */
function updatableFields(
  body: JsonObject,
  problems: string[],
): Pick<OrgUnitFields, "schedulingRules" | "defaultNodePools" | "resources"> & Partial<Pick<OrgUnitFields, "description" | "nodeTypes">> {
  checkDefaultNodePools(body.defaultNodePools, problems);
  return {
    ...(isSet(body.description) ? { description: body.description as string } : {}),
    schedulingRules: (body.schedulingRules as JsonObject | null | undefined) ?? null,
    defaultNodePools: (body.defaultNodePools as string[] | null | undefined) ?? null,
    ...(isSet(body.nodeTypes) ? { nodeTypes: body.nodeTypes as JsonObject } : {}),
    resources: normalizeResources(body.resources, problems),
  };
}

/** Replaces the updatable fields of a stored unit. */
function applyUpdatable(record: OrgUnitFields, fields: ReturnType<typeof updatableFields>, callerId: string): void {
  delete record.description;
  delete record.nodeTypes;
  Object.assign(record, fields);
  record.updatedAt = new Date().toISOString();
  record.updatedBy = callerId;
}

function commonWire(record: OrgUnitFields): JsonObject {
  return {
    id: record.id,
    name: record.name,
    clusterId: record.clusterId,
    description: record.description ?? "",
    schedulingRules: record.schedulingRules,
    defaultNodePools: record.defaultNodePools,
    ...(record.nodeTypes !== undefined ? { nodeTypes: record.nodeTypes } : {}),
    resources: record.resources,
    totalResources: totalResources(record.resources),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}

/** Per scheduling rule the project's value, else its department's (UNCONFIRMED inheritance); null when neither sets any. */
function effectiveRules(own: JsonObject | null, inherited: JsonObject | null | undefined): JsonObject | null {
  const rules: JsonObject = {};
  for (const key of SCHEDULING_RULES) {
    const value = isSet(own?.[key]) ? own![key] : inherited?.[key];
    if (isSet(value)) rules[key] = value;
  }
  return Object.keys(rules).length ? rules : null;
}

export function orgUnitHandlers(ctx: EmulatorContext): OrgUnitHandlers {
  const { store, organisation: org, access } = ctx;

  // ---- responses ----------------------------------------------------------------------------

  const departmentToWire = (d: DepartmentRecord, shape: "full" | "list" | "verboseList"): JsonObject => {
    const body = commonWire(d);
    if (shape === "full") {
      body.projectsAggregatedResources = aggregate(store.projectsOf(d.id).map((p) => p.resources));
      body.status = { nodePoolQuotaStatuses: nodePoolQuotaStatuses(d.resources), quotaStatus: emptyQuotaStatus() };
    } else if (shape === "verboseList") {
      body.status = { quotaStatus: emptyQuotaStatus() };
    }
    return body;
  };

  const projectToWire = (p: ProjectRecord): JsonObject => {
    const department = store.department(p.parentId);
    const { phase, message } = projectPhase(p, Date.now());
    const nodeTypes = p.nodeTypes ?? department?.nodeTypes;
    return {
      ...commonWire(p),
      parentId: p.parentId,
      requestedNamespace: p.requestedNamespace,
      enforceRunaiScheduler: p.enforceRunaiScheduler,
      status: {
        namespace: p.namespace,
        phase,
        phaseMessage: message ?? null,
        lastUpdatedTime: p.updatedAt,
        nodePoolQuotaStatuses: nodePoolQuotaStatuses(p.resources),
        quotaStatus: emptyQuotaStatus(),
      },
      effective: {
        schedulingRules: effectiveRules(p.schedulingRules, department?.schedulingRules),
        defaultNodePools: p.defaultNodePools ?? department?.defaultNodePools ?? null,
        ...(nodeTypes !== undefined ? { nodeTypes } : {}),
      },
    };
  };

  // ---- look-ups -----------------------------------------------------------------------------

  const department = (req: ApiRequest, action: "read" | "update" | "delete"): DepartmentRecord => {
    const id = String(req.params.departmentId);
    const record = store.department(id);
    if (!record) throw notFound(`department "${id}" not found`);
    access.require(req.callerId, "department", action, { type: "department", id });
    return record;
  };

  const project = (req: ApiRequest, action: "read" | "update" | "delete"): ProjectRecord => {
    const id = String(req.params.projectId);
    const record = store.project(id);
    if (!record) throw notFound(`project "${id}" not found`);
    access.require(req.callerId, "project", action, { type: "project", id });
    return record;
  };

  const checkCluster = (clusterId: string, problems: string[]): void => {
    if (!org.hasCluster(clusterId)) problems.push(`clusterId: cluster "${clusterId}" does not exist`);
  };

  const checkName = (name: string, problems: string[]): void => {
    if (name.trim() === "") problems.push("name: must not be empty");
  };

  const rejectIf = (problems: string[], what: string): void => {
    if (problems.length) throw badRequest(problems.join("; "), what);
  };

  const DEPARTMENT_FIELDS: Fields<DepartmentRecord> = {
    name: (d) => d.name,
    clusterId: (d) => d.clusterId,
    totalGpuQuota: (d) => totalResources(d.resources).gpuQuota as number,
    gpuAllocated: () => 0,
    createdAt: (d) => d.createdAt,
  };

  const PROJECT_FIELDS: Fields<ProjectRecord> = {
    name: (p) => p.name,
    clusterId: (p) => p.clusterId,
    departmentId: (p) => p.parentId,
    parentId: (p) => p.parentId,
    parentName: (p) => store.department(p.parentId)?.name,
    phase: (p) => projectPhase(p, Date.now()).phase,
    totalGpuQuota: (p) => totalResources(p.resources).gpuQuota as number,
    gpuAllocated: () => 0,
    createdAt: (p) => p.createdAt,
  };

  return {
    // ---- departments ------------------------------------------------------------------------

    listDepartments(req) {
      const readable = access.predicate(req.callerId, "department", "read");
      const matches = filterByPredicate(req.query.filterBy, DEPARTMENT_FIELDS);
      const found = store.allDepartments().filter((d) => matches(d) && readable({ type: "department", id: d.id }));
      const { items, next } = page(sortItems(found, req.query.sortBy, req.query.sortOrder, DEPARTMENT_FIELDS), req.query);
      const shape = req.query.verbosity === "verbose" ? "verboseList" : "list";
      return { status: 200, body: { departments: items.map((d) => departmentToWire(d, shape)), ...(next !== undefined ? { next } : {}) } };
    },

    async createDepartment(req) {
      const body = req.body as JsonObject;
      const name = body.name as string;
      const clusterId = body.clusterId as string;
      const problems: string[] = [];
      checkCluster(clusterId, problems);
      rejectIf(problems, "department rejected");
      access.require(req.callerId, "department", "create", { type: "cluster", id: clusterId });
      checkName(name, problems);
      const fields = updatableFields(body, problems);
      rejectIf(problems, "department rejected");
      if (store.departmentByName(clusterId, name)) throw conflict(`department named "${name}" already exists in cluster ${clusterId}`);

      const now = new Date().toISOString();
      const record: DepartmentRecord = {
        id: String(store.takeId("department")),
        name,
        clusterId,
        ...fields,
        createdAt: now,
        createdBy: req.callerId,
        updatedAt: now,
        updatedBy: req.callerId,
      };
      store.insertDepartment(record);
      await ctx.commit();
      return { status: 201, body: departmentToWire(record, "full") };
    },

    getDepartment(req) {
      return { status: 200, body: departmentToWire(department(req, "read"), "full") };
    },

    async updateDepartment(req) {
      const record = department(req, "update");
      const problems: string[] = [];
      // DepartmentUpdateRequest has no name or clusterId: sent anyway, they are ignored.
      const fields = updatableFields(req.body as JsonObject, problems);
      rejectIf(problems, "department update rejected");
      applyUpdatable(record, fields, req.callerId);
      await ctx.commit();
      return { status: 200, body: departmentToWire(record, "full") };
    },

    async deleteDepartment(req) {
      const record = department(req, "delete");
      const projects = store.projectsOf(record.id);
      if (projects.length) {
        throw badRequest(`department "${record.name}" still has projects ${projects.map((p) => p.name).join(", ")}; delete them first`);
      }
      store.removeDepartment(record);
      await ctx.commit();
      return { status: 204 };
    },

    // ---- projects ---------------------------------------------------------------------------

    listProjects(req) {
      const readable = access.predicate(req.callerId, "project", "read");
      const matches = filterByPredicate(req.query.filterBy, PROJECT_FIELDS);
      const search = typeof req.query.search === "string" ? req.query.search : undefined;
      const found = store
        .allProjects()
        .filter((p) => matches(p) && (search === undefined || p.name.includes(search)) && readable({ type: "project", id: p.id }));
      const { items, next } = page(sortItems(found, req.query.sortBy, req.query.sortOrder, PROJECT_FIELDS), req.query);
      return { status: 200, body: { projects: items.map(projectToWire), ...(next !== undefined ? { next } : {}) } };
    },

    async createProject(req) {
      const body = req.body as JsonObject;
      const name = body.name as string;
      const clusterId = body.clusterId as string;
      const parentId = body.parentId as string | null | undefined;
      const problems: string[] = [];
      checkCluster(clusterId, problems);
      if (!isSet(parentId)) {
        // The real control plane puts such a project in the cluster's default department (UNCONFIRMED); the emulator has none.
        problems.push("parentId: is required (the emulator has no default department)");
      } else if (!store.department(parentId!) || store.department(parentId!)!.clusterId !== clusterId) {
        problems.push(`parentId: department "${parentId}" does not exist in cluster ${clusterId}`);
      }
      rejectIf(problems, "project rejected");
      const parent: ScopeRef = { type: "department", id: parentId! };
      access.require(req.callerId, "project", "create", parent);
      checkName(name, problems);
      const fields = updatableFields(body, problems);
      rejectIf(problems, "project rejected");
      if (store.projectByName(clusterId, name)) throw conflict(`project named "${name}" already exists in cluster ${clusterId}`);

      const now = new Date().toISOString();
      const requestedNamespace = isSet(body.requestedNamespace) ? (body.requestedNamespace as string) : null;
      const record: ProjectRecord = {
        id: String(store.takeId("project")),
        name,
        clusterId,
        parentId: parentId!,
        ...fields,
        requestedNamespace,
        namespace: requestedNamespace ?? `runai-${name}`,
        // The contract's default is true; an explicit null means the same.
        enforceRunaiScheduler: (body.enforceRunaiScheduler as boolean | null | undefined) ?? true,
        createdAt: now,
        createdBy: req.callerId,
        updatedAt: now,
        updatedBy: req.callerId,
        pendingPhase: "Creating",
        pendingUntil: Date.now() + ctx.config.syncDelayMs,
        deleteAt: null,
        forcedPhase: null,
      };
      store.insertProject(record);
      await ctx.commit();
      return { status: 201, body: projectToWire(record) };
    },

    getProject(req) {
      return { status: 200, body: projectToWire(project(req, "read")) };
    },

    async updateProject(req) {
      const record = project(req, "update");
      const body = req.body as JsonObject;
      const problems: string[] = [];
      // Creation-only fields (name, clusterId, parentId, requestedNamespace) in the body are ignored.
      const fields = updatableFields(body, problems);
      rejectIf(problems, "project update rejected");
      if (record.deleteAt !== null) throw notFound(`project "${record.id}" is being deleted`);
      applyUpdatable(record, fields, req.callerId);
      // No default on update: absent or null keeps the current value.
      if (typeof body.enforceRunaiScheduler === "boolean") record.enforceRunaiScheduler = body.enforceRunaiScheduler;
      record.pendingPhase = "Updating";
      record.pendingUntil = Date.now() + ctx.config.syncDelayMs;
      await ctx.commit();
      return { status: 200, body: projectToWire(record) };
    },

    async deleteProject(req) {
      const record = project(req, "delete");
      // A repeated DELETE while the project is Deleting is accepted again without change.
      if (record.deleteAt === null) {
        store.markProjectDeleting(record, Date.now() + ctx.config.syncDelayMs);
        await ctx.commit();
      }
      return { status: 202 };
    },
  };
}
