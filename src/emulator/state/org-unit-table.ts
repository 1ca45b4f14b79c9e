// The departments and projects. A department is gone at once when deleted; a project reports
// Deleting until its sync delay is over. When either is gone, `onGone` ends what was on it (the
// access rules on that scope).
import { seedDepartments, seedProjects } from "./seed";
import type { DepartmentRecord, ProjectRecord } from "../types";

export type OrgUnitType = "department" | "project";

const byNumericId = <T extends { id: string }>(a: T, b: T): number => Number(a.id) - Number(b.id);

function projectIsGone(record: ProjectRecord, now: number): boolean {
  return record.deleteAt !== null && now >= record.deleteAt;
}

export class OrgUnitTable {
  private readonly departments = new Map<string, DepartmentRecord>();
  private readonly projects = new Map<string, ProjectRecord>();

  constructor(
    private readonly clock: () => number,
    private readonly onGone: (type: OrgUnitType, id: string) => void,
  ) {}

  department(id: string): DepartmentRecord | undefined {
    return this.departments.get(id);
  }

  /** Every department, by id. */
  allDepartments(): DepartmentRecord[] {
    return [...this.departments.values()].sort(byNumericId);
  }

  departmentByName(clusterId: string, name: string): DepartmentRecord | undefined {
    for (const d of this.departments.values()) if (d.clusterId === clusterId && d.name === name) return d;
    return undefined;
  }

  insertDepartment(record: DepartmentRecord): void {
    this.departments.set(record.id, record);
  }

  /** Gone at once. */
  removeDepartment(record: DepartmentRecord): void {
    this.departments.delete(record.id);
    this.onGone("department", record.id);
  }

  /** The project, unless it does not exist or finished deleting (a Deleting project is returned). */
  project(id: string): ProjectRecord | undefined {
    const record = this.projects.get(id);
    if (record && projectIsGone(record, this.clock())) {
      this.removeProject(record);
      return undefined;
    }
    return record;
  }

  /** Every project (Deleting ones included), by id. */
  allProjects(): ProjectRecord[] {
    this.purgeDeletedProjects();
    return [...this.projects.values()].sort(byNumericId);
  }

  /** The project holding `name` in the cluster. A Deleting project still holds its name. */
  projectByName(clusterId: string, name: string): ProjectRecord | undefined {
    return this.allProjects().find((p) => p.clusterId === clusterId && p.name === name);
  }

  projectsOf(departmentId: string): ProjectRecord[] {
    return this.allProjects().filter((p) => p.parentId === departmentId);
  }

  insertProject(record: ProjectRecord): void {
    this.projects.set(record.id, record);
  }

  markProjectDeleting(record: ProjectRecord, deleteAt: number): void {
    record.deleteAt = deleteAt;
  }

  /** Drops the projects whose Deleting phase is over. */
  purgeDeletedProjects(): void {
    const now = this.clock();
    for (const record of [...this.projects.values()]) if (projectIsGone(record, now)) this.removeProject(record);
  }

  /** Replaces every department and project: with the seed's, or with those of a state file. */
  replace(departments: DepartmentRecord[] = seedDepartments(), projects: ProjectRecord[] = seedProjects()): void {
    this.departments.clear();
    this.projects.clear();
    for (const d of departments) this.insertDepartment(d);
    for (const p of projects) this.insertProject(p);
  }

  private removeProject(record: ProjectRecord): void {
    this.projects.delete(record.id);
    this.onGone("project", record.id);
  }
}
