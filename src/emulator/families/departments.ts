// Departments (/api/v1/org-unit/departments): synchronous, gone at once when deleted, which only a
// department without projects may be.
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound } from "../http/errors";
import { filterByPredicate, page, sortItems, type Fields } from "../http/filter-by";
import type { ApiRequest } from "../http/http";
import { defineFamily, type Handler } from "../http/operations";
import { applyUpdatable, authorship, checkCluster, checkName, commonWire, rejectIf, updatableFields } from "./org-unit-fields";
import { aggregate, emptyQuotaStatus, nodePoolQuotaStatuses, totalResources } from "./quotas";
import type { DepartmentRecord, JsonObject } from "../types";

const DEPARTMENTS_PATH = "/api/v1/org-unit/departments";

export const DEPARTMENTS_FAMILY = defineFamily({
  name: "departments",
  rows: [
    { method: "GET", template: DEPARTMENTS_PATH, operationId: "get_departments", handler: "list" },
    { method: "POST", template: DEPARTMENTS_PATH, operationId: "create_department", handler: "create" },
    { method: "GET", template: `${DEPARTMENTS_PATH}/{departmentId}`, operationId: "get_department", handler: "get" },
    { method: "PUT", template: `${DEPARTMENTS_PATH}/{departmentId}`, operationId: "update_department", handler: "update" },
    { method: "DELETE", template: `${DEPARTMENTS_PATH}/{departmentId}`, operationId: "delete_department", handler: "remove" },
  ],
  handlers: departmentHandlers,
});

const DEPARTMENT_FIELDS: Fields<DepartmentRecord> = {
  name: (d) => d.name,
  clusterId: (d) => d.clusterId,
  totalGpuQuota: (d) => totalResources(d.resources).gpuQuota as number,
  gpuAllocated: () => 0,
  createdAt: (d) => d.createdAt,
};

export function departmentHandlers(ctx: EmulatorContext): Record<"list" | "create" | "get" | "update" | "remove", Handler> {
  const { store, organisation: org, access } = ctx;

  const toWire = (d: DepartmentRecord, shape: "full" | "list" | "verboseList"): JsonObject => {
    const body = commonWire(d);
    if (shape === "full") {
      body.projectsAggregatedResources = aggregate(store.orgUnits.projectsOf(d.id).map((p) => p.resources));
      body.status = { nodePoolQuotaStatuses: nodePoolQuotaStatuses(d.resources), quotaStatus: emptyQuotaStatus() };
    } else if (shape === "verboseList") {
      body.status = { quotaStatus: emptyQuotaStatus() };
    }
    return body;
  };

  const existing = (req: ApiRequest, action: "read" | "update" | "delete"): DepartmentRecord => {
    const id = String(req.params.departmentId);
    const record = store.orgUnits.department(id);
    if (!record) throw notFound(`department "${id}" not found`);
    access.require(req.callerId, "department", action, { type: "department", id });
    return record;
  };

  return {
    list(req) {
      const readable = access.predicate(req.callerId, "department", "read");
      const matches = filterByPredicate(req.query.filterBy, DEPARTMENT_FIELDS);
      const found = store.orgUnits.allDepartments().filter((d) => matches(d) && readable({ type: "department", id: d.id }));
      const { items, next } = page(sortItems(found, req.query.sortBy, req.query.sortOrder, DEPARTMENT_FIELDS), req.query);
      const shape = req.query.verbosity === "verbose" ? "verboseList" : "list";
      return { status: 200, body: { departments: items.map((d) => toWire(d, shape)), ...(next !== undefined ? { next } : {}) } };
    },

    async create(req) {
      const body = req.body as JsonObject;
      const name = body.name as string;
      const clusterId = body.clusterId as string;
      const problems: string[] = [];
      checkCluster(org, clusterId, problems);
      rejectIf(problems, "department rejected");
      access.require(req.callerId, "department", "create", { type: "cluster", id: clusterId });
      checkName(name, problems);
      const fields = updatableFields(body, problems, store.nodePools.inCluster(clusterId));
      rejectIf(problems, "department rejected");
      if (store.orgUnits.departmentByName(clusterId, name))
        throw conflict(`department named "${name}" already exists in cluster ${clusterId}`);

      const record: DepartmentRecord = { id: String(store.takeId("department")), name, clusterId, ...fields, ...authorship(req.callerId) };
      store.orgUnits.insertDepartment(record);
      await ctx.commit();
      return { status: 201, body: toWire(record, "full") };
    },

    get(req) {
      return { status: 200, body: toWire(existing(req, "read"), "full") };
    },

    async update(req) {
      const record = existing(req, "update");
      const problems: string[] = [];
      // DepartmentUpdateRequest has no name or clusterId: sent anyway, they are ignored.
      const fields = updatableFields(req.body as JsonObject, problems, store.nodePools.inCluster(record.clusterId));
      rejectIf(problems, "department update rejected");
      applyUpdatable(record, fields, req.callerId);
      await ctx.commit();
      return { status: 200, body: toWire(record, "full") };
    },

    async remove(req) {
      const record = existing(req, "delete");
      const projects = store.orgUnits.projectsOf(record.id);
      if (projects.length) {
        throw badRequest(`department "${record.name}" still has projects ${projects.map((p) => p.name).join(", ")}; delete them first`);
      }
      store.orgUnits.removeDepartment(record);
      await ctx.commit();
      return { status: 204 };
    },
  };
}
