// Typed endpoints for the org units, `/api/v1/org-unit/departments` and `/api/v1/org-unit/projects`:
// one generic class serves both (same operations, different schemas and paths). Synchronous writes
// (201/200); a project's namespace is created afterwards (`status.phase`), which callers poll.
import { z } from "zod";
import {
  Department,
  DepartmentCreationRequest,
  DepartmentForList,
  DepartmentList,
  DepartmentUpdateRequest,
  Project,
  ProjectCreationRequest,
  ProjectList,
  ProjectUpdateRequest,
} from "../schemas/org-unit";
import { createWithRecovery } from "./create-recovery";
import type { HttpTransport } from "./http";
import { DEPARTMENTS_PATH, filterBy, Page, PROJECTS_PATH, readAllPages } from "./org";

/** List filters, sent as `filterBy` terms (`field==value`). Departments have no `parentId` in 2.22. */
export interface OrgUnitListFilter {
  name?: string;
  clusterId?: string;
  /** Projects only: the parent department's id. */
  parentId?: string;
}

/** What the endpoint relies on in every unit it reads. */
export interface OrgUnitIdentity {
  id: string;
  name: string;
  clusterId: string;
}

/** The wire contract of one org-unit kind. */
export interface OrgUnitContract<TUnit, TListed> {
  /** Collection path, e.g. "/api/v1/org-unit/projects". */
  path: string;
  /** A unit as get, create and update return it. */
  unit: z.ZodType<TUnit>;
  /** One list page: its units, and `next` while more pages follow. */
  page: z.ZodType<{ items: TListed[]; next?: number }>;
  /** The `filterBy` fields the list accepts among those of OrgUnitListFilter. */
  filterFields: ReadonlyArray<keyof OrgUnitListFilter>;
}

export const DEPARTMENT_CONTRACT: OrgUnitContract<Department, DepartmentForList> = {
  path: DEPARTMENTS_PATH,
  unit: Department,
  page: DepartmentList.transform((body) => ({ items: body.departments, next: body.next })),
  filterFields: ["name", "clusterId"],
};

export const PROJECT_CONTRACT: OrgUnitContract<Project, Project> = {
  path: PROJECTS_PATH,
  unit: Project,
  page: ProjectList.transform((body) => ({ items: body.projects, next: body.next })),
  filterFields: ["name", "clusterId", "parentId"],
};

export class OrgUnitEndpoint<
  TUnit extends OrgUnitIdentity,
  TListed extends OrgUnitIdentity,
  TCreate extends { name: string; clusterId: string },
  TUpdate,
> {
  constructor(
    private readonly transport: HttpTransport,
    readonly contract: OrgUnitContract<TUnit, TListed>,
  ) {}

  get path(): string {
    return this.contract.path;
  }

  /**
   * `GET <path>?filterBy=…&offset=…&limit=500`, every page: the next page starts after the units read
   * so far, as long as the answer carries `next` and the page was not empty.
   */
  async list(filter: OrgUnitListFilter = {}): Promise<TListed[]> {
    for (const key of Object.keys(filter) as (keyof OrgUnitListFilter)[]) {
      if (filter[key] !== undefined && !this.contract.filterFields.includes(key)) {
        throw new TypeError(`${this.contract.path} cannot be filtered by ${key}`);
      }
    }
    const terms = filterBy([
      ["name", filter.name],
      ["clusterId", filter.clusterId],
      ["parentId", filter.parentId],
    ]);
    return readAllPages("GET", this.contract.path, async (offset, limit): Promise<Page<TListed>> => {
      const page = await this.transport.request({
        method: "GET",
        path: this.contract.path,
        query: { filterBy: terms, offset, limit },
        schema: this.contract.page,
      });
      return { items: page.items, more: page.next !== undefined && page.next !== null };
    });
  }

  /** `GET <path>/{id}`. A missing unit throws RunaiNotFoundError. */
  async get(id: string): Promise<TUnit> {
    return this.transport.request({ method: "GET", path: this.itemPath(id), schema: this.contract.unit });
  }

  /**
   * The unit named exactly `name` in the cluster, or undefined. Filters on the server by name and
   * cluster and compares again here (a server may match loosely).
   */
  async findByName(name: string, clusterId: string): Promise<TListed | undefined> {
    const units = await this.list({ name, clusterId });
    return units.find((unit) => unit.name === name && unit.clusterId === clusterId);
  }

  /**
   * `POST <path>` (201). Never re-sent blindly: after an uncertain outcome the unit is looked up by
   * name and cluster, and returned (as `get` reads it) if the first POST created it.
   */
  async create(body: TCreate): Promise<TUnit> {
    return createWithRecovery({
      transport: this.transport,
      method: "POST",
      path: this.contract.path,
      post: () => this.transport.request({ method: "POST", path: this.contract.path, body, schema: this.contract.unit, retry: false }),
      lookup: async () => {
        const found = await this.findByName(body.name, body.clusterId);
        return found && this.get(found.id);
      },
    });
  }

  /** `PUT <path>/{id}` (200): the full desired state (`resources` included). Idempotent, so retried. */
  async update(id: string, body: TUpdate): Promise<TUnit> {
    return this.transport.request({ method: "PUT", path: this.itemPath(id), body, schema: this.contract.unit });
  }

  /**
   * `DELETE <path>/{id}`: 204, or for a project 202 (deletion continues: poll `get` until 404). No
   * body either way. A missing unit throws RunaiNotFoundError.
   */
  async delete(id: string): Promise<void> {
    await this.transport.request({ method: "DELETE", path: this.itemPath(id) });
  }

  private itemPath(id: string): string {
    return `${this.contract.path}/${encodeURIComponent(id)}`;
  }
}

export type DepartmentsEndpoint = OrgUnitEndpoint<Department, DepartmentForList, DepartmentCreationRequest, DepartmentUpdateRequest>;
export type ProjectsEndpoint = OrgUnitEndpoint<Project, Project, ProjectCreationRequest, ProjectUpdateRequest>;
