// Typed endpoints for `/api/v1/authorization/roles` (read-only): an access rule's `roleId` by name.
import { Role, RoleList } from "../schemas/access";
import type { HttpTransport } from "./http";
import { ROLES_PATH } from "./org";

export class RolesEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /** `GET /api/v1/authorization/roles`: every role (a bare array, no paging). */
  async list(): Promise<Role[]> {
    return this.transport.request({ method: "GET", path: ROLES_PATH, schema: RoleList });
  }

  /** `GET /api/v1/authorization/roles/{roleIdPath}`. A missing role throws RunaiNotFoundError. */
  async get(id: number | string): Promise<Role> {
    return this.transport.request({ method: "GET", path: `${ROLES_PATH}/${encodeURIComponent(String(id))}`, schema: Role });
  }

  /** The role named exactly `name` (case-sensitive), or undefined. */
  async findByName(name: string): Promise<Role | undefined> {
    return (await this.list()).find((role) => role.name === name);
  }
}
