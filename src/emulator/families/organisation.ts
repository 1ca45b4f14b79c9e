// The live organisation: the tenant, the seeded cluster and the departments and projects in the
// store (seeded ones and those created through /api/v1/org-unit). Asset scope checks, list filters,
// access rules and the access control all look units up here, so a project created by the API is
// usable at once and a deleted one is gone for all of them.
import { SEED_ORGANISATION, TENANT_NAME } from "../state/seed";
import type { Store } from "../state/store";
import type { DepartmentRecord, Organisation, ProjectRecord } from "../types";

/** A unit of the organisation that access rules can name and routes can target. */
export type ScopeRef =
  { type: "tenant" } | { type: "cluster"; id: string } | { type: "department"; id: string } | { type: "project"; id: string };

export const TENANT_SCOPE: ScopeRef = Object.freeze({ type: "tenant" });

export class LiveOrganisation {
  readonly tenantId = SEED_ORGANISATION.tenantId;
  readonly clusterId = SEED_ORGANISATION.clusterId;

  constructor(private readonly store: Store) {}

  /** The project with this id ("1001"), a Deleting one included; undefined once gone. */
  project(id: string | number): ProjectRecord | undefined {
    return this.store.orgUnits.project(String(id));
  }

  department(id: string): DepartmentRecord | undefined {
    return this.store.orgUnits.department(id);
  }

  /** A registered cluster, one being deleted gracefully included. */
  hasCluster(id: string): boolean {
    return this.store.clusters.get(id) !== undefined;
  }

  /** The brief shape of `Emulator.organisation` and the state dump (project ids are integers, as assets use them). */
  snapshot(): Organisation {
    return {
      tenantId: this.tenantId,
      clusterId: this.clusterId,
      departments: this.store.orgUnits.allDepartments().map((d) => ({ id: d.id, name: d.name })),
      projects: this.store.orgUnits.allProjects().map((p) => ({ id: Number(p.id), name: p.name, departmentId: p.parentId })),
    };
  }

  /**
   * The scope and every scope above it, narrowest first: project → its department → the cluster →
   * the tenant. A unit that no longer exists still has the cluster and the tenant above it (there is
   * one cluster), but no department.
   */
  chain(scope: ScopeRef): ScopeRef[] {
    switch (scope.type) {
      case "tenant":
        return [scope];
      case "cluster":
        return [scope, TENANT_SCOPE];
      case "department": {
        const clusterId = this.department(scope.id)?.clusterId ?? this.clusterId;
        return [scope, { type: "cluster", id: clusterId }, TENANT_SCOPE];
      }
      case "project": {
        const project = this.project(scope.id);
        const above: ScopeRef[] = project ? [{ type: "department", id: project.parentId }] : [];
        return [scope, ...above, { type: "cluster", id: project?.clusterId ?? this.clusterId }, TENANT_SCOPE];
      }
    }
  }

  /** Human-readable name of an existing scope (access rules' scopeName), undefined if it does not exist. */
  scopeName(scope: ScopeRef): string | undefined {
    switch (scope.type) {
      case "tenant":
        return TENANT_NAME;
      case "cluster":
        return this.store.clusters.get(scope.id)?.name;
      case "department":
        return this.department(scope.id)?.name;
      case "project":
        return this.project(scope.id)?.name;
    }
  }

  /** "runai/research-cluster/research/team-a": the names from the tenant down (access rules' scopePath). */
  scopePath(scope: ScopeRef): string {
    return this.chain(scope)
      .reverse()
      .map((s) => this.scopeName(s) ?? (s.type === "tenant" ? TENANT_NAME : s.id))
      .join("/");
  }
}

export function sameScope(a: ScopeRef, b: ScopeRef): boolean {
  return a.type === b.type && (a.type === "tenant" || a.id === (b as { id: string }).id);
}

/** How messages name a scope: `project 1004`, `department 101`, `cluster <uuid>`, `the tenant`. */
export function describeScope(scope: ScopeRef): string {
  return scope.type === "tenant" ? "the tenant" : `${scope.type} ${scope.id}`;
}
