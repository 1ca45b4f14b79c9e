// Projects (/api/v1/org-unit/projects). A project reports a phase: Creating for syncDelayMs after
// create, Updating after a PUT, then Ready; after DELETE (202) Deleting for syncDelayMs, then it is
// gone (404). Contract validation of bodies and parameters has already happened (with the
// contract's defaults filled in).
import type { EmulatorContext } from "../context";
import { conflict, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest } from "../http/http";
import { defineFamily, type Handler } from "../http/operations";
import { applyUpdatable, authorship, checkCluster, checkName, commonWire, isSet, rejectIf, updatableFields } from "./org-unit-fields";
import { emptyQuotaStatus, nodePoolQuotaStatuses, totalResources } from "./quotas";
import type { DepartmentRecord, ForcedPhase, JsonObject, ProjectRecord } from "../types";

const PROJECTS_PATH = "/api/v1/org-unit/projects";

export const PROJECTS_FAMILY = defineFamily({
  name: "projects",
  rows: [
    { method: "GET", template: PROJECTS_PATH, operationId: "get_projects", handler: "list" },
    { method: "POST", template: PROJECTS_PATH, operationId: "create_project", handler: "create" },
    { method: "GET", template: `${PROJECTS_PATH}/{projectId}`, operationId: "get_project", handler: "get" },
    { method: "PUT", template: `${PROJECTS_PATH}/{projectId}`, operationId: "update_project", handler: "update" },
    { method: "DELETE", template: `${PROJECTS_PATH}/{projectId}`, operationId: "delete_project", handler: "remove" },
  ],
  handlers: projectHandlers,
});

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

/** Per scheduling rule the project's value, else its department's (UNCONFIRMED inheritance); null when neither sets any. */
function effectiveRules(own: JsonObject | null, inherited: JsonObject | null | undefined): JsonObject | null {
  const rules: JsonObject = {};
  for (const key of SCHEDULING_RULES) {
    const value = isSet(own?.[key]) ? own![key] : inherited?.[key];
    if (isSet(value)) rules[key] = value;
  }
  return Object.keys(rules).length ? rules : null;
}

function projectToWire(p: ProjectRecord, department: DepartmentRecord | undefined): JsonObject {
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
}

/** The cluster and the parent department of a new project: problems, else the parent's id. */
function checkPlacement(ctx: EmulatorContext, body: JsonObject, problems: string[]): string {
  const clusterId = body.clusterId as string;
  const parentId = body.parentId as string | null | undefined;
  checkCluster(ctx.organisation, clusterId, problems);
  if (!isSet(parentId)) {
    // The real control plane puts such a project in the cluster's default department (UNCONFIRMED); the emulator has none.
    problems.push("parentId: is required (the emulator has no default department)");
  } else if (ctx.store.orgUnits.department(parentId!)?.clusterId !== clusterId) {
    problems.push(`parentId: department "${parentId}" does not exist in cluster ${clusterId}`);
  }
  return parentId!;
}

export function projectHandlers(ctx: EmulatorContext): Record<"list" | "create" | "get" | "update" | "remove", Handler> {
  const { store, access } = ctx;
  const toWire = (p: ProjectRecord) => projectToWire(p, store.orgUnits.department(p.parentId));

  const existing = (req: ApiRequest, action: "read" | "update" | "delete"): ProjectRecord => {
    const id = String(req.params.projectId);
    const record = store.orgUnits.project(id);
    if (!record) throw notFound(`project "${id}" not found`);
    access.require(req.callerId, "project", action, { type: "project", id });
    return record;
  };

  const FIELDS: Fields<ProjectRecord> = {
    name: (p) => p.name,
    clusterId: (p) => p.clusterId,
    departmentId: (p) => p.parentId,
    parentId: (p) => p.parentId,
    parentName: (p) => store.orgUnits.department(p.parentId)?.name,
    phase: (p) => projectPhase(p, Date.now()).phase,
    totalGpuQuota: (p) => totalResources(p.resources).gpuQuota as number,
    gpuAllocated: () => 0,
    createdAt: (p) => p.createdAt,
  };

  return {
    list(req) {
      const readable = access.predicate(req.callerId, "project", "read");
      const matches = filterByPredicate(req.query.filterBy, FIELDS);
      const search = typeof req.query.search === "string" ? req.query.search : undefined;
      const found = store.orgUnits
        .allProjects()
        .filter((p) => matches(p) && (search === undefined || p.name.includes(search)) && readable({ type: "project", id: p.id }));
      const { items, next } = page(sortItems(found, req.query.sortBy, req.query.sortOrder, FIELDS), req.query);
      return { status: 200, body: { projects: items.map(toWire), ...(next !== undefined ? { next } : {}) } };
    },

    async create(req) {
      const body = req.body as JsonObject;
      const name = body.name as string;
      const clusterId = body.clusterId as string;
      const problems: string[] = [];
      const parentId = checkPlacement(ctx, body, problems);
      rejectIf(problems, "project rejected");
      access.require(req.callerId, "project", "create", { type: "department", id: parentId });
      checkName(name, problems);
      const fields = updatableFields(body, problems, store.nodePools.inCluster(clusterId));
      rejectIf(problems, "project rejected");
      if (store.orgUnits.projectByName(clusterId, name)) throw conflict(`project named "${name}" already exists in cluster ${clusterId}`);

      const requestedNamespace = isSet(body.requestedNamespace) ? (body.requestedNamespace as string) : null;
      const record: ProjectRecord = {
        id: String(store.takeId("project")),
        name,
        clusterId,
        parentId,
        ...fields,
        requestedNamespace,
        namespace: requestedNamespace ?? `runai-${name}`,
        // The contract's default is true; an explicit null means the same.
        enforceRunaiScheduler: (body.enforceRunaiScheduler as boolean | null | undefined) ?? true,
        ...authorship(req.callerId),
        pendingPhase: "Creating",
        pendingUntil: Date.now() + ctx.config.syncDelayMs,
        deleteAt: null,
        forcedPhase: null,
      };
      store.orgUnits.insertProject(record);
      await ctx.commit();
      return { status: 201, body: toWire(record) };
    },

    get(req) {
      return { status: 200, body: toWire(existing(req, "read")) };
    },

    async update(req) {
      const record = existing(req, "update");
      const body = req.body as JsonObject;
      const problems: string[] = [];
      // Creation-only fields (name, clusterId, parentId, requestedNamespace) in the body are ignored.
      const fields = updatableFields(body, problems, store.nodePools.inCluster(record.clusterId));
      rejectIf(problems, "project update rejected");
      if (record.deleteAt !== null) throw notFound(`project "${record.id}" is being deleted`);
      applyUpdatable(record, fields, req.callerId);
      // No default on update: absent or null keeps the current value.
      if (typeof body.enforceRunaiScheduler === "boolean") record.enforceRunaiScheduler = body.enforceRunaiScheduler;
      record.pendingPhase = "Updating";
      record.pendingUntil = Date.now() + ctx.config.syncDelayMs;
      await ctx.commit();
      return { status: 200, body: toWire(record) };
    },

    async remove(req) {
      const record = existing(req, "delete");
      // A repeated DELETE while the project is Deleting is accepted again without change.
      if (record.deleteAt === null) {
        store.orgUnits.markProjectDeleting(record, Date.now() + ctx.config.syncDelayMs);
        await ctx.commit();
      }
      return { status: 202 };
    },
  };
}
