import type { Organisation, Project } from "./types";

// Fixed on purpose: examples and tests hard-code these ids, so they must never change between runs.
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

/** Deep copy, so callers can never mutate the seed. */
export function copyOrganisation(org: Organisation = SEED_ORGANISATION): Organisation {
  return JSON.parse(JSON.stringify(org)) as Organisation;
}

export function findProject(org: Organisation, projectId: number): Project | undefined {
  return org.projects.find((p) => p.id === projectId);
}

export function hasDepartment(org: Organisation, departmentId: string): boolean {
  return org.departments.some((d) => d.id === departmentId);
}
