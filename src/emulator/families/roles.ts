// The predefined roles (/api/v1/authorization/roles): read-only, and any authenticated caller may
// read them. The table itself is auth/roles.ts, which the access checks use.
import { notFound } from "../http/errors";
import { defineFamily, type Handler } from "../http/operations";
import { role, ROLES, roleToWire } from "../auth/roles";

const ROLES_PATH = "/api/v1/authorization/roles";

export const ROLES_FAMILY = defineFamily({
  name: "roles",
  rows: [
    { method: "GET", template: ROLES_PATH, operationId: "get_roles_v1", handler: "list" },
    { method: "GET", template: `${ROLES_PATH}/{roleIdPath}`, operationId: "get_role_v1", handler: "get" },
  ],
  handlers: roleHandlers,
});

export function roleHandlers(): Record<"list" | "get", Handler> {
  return {
    list() {
      return { status: 200, body: ROLES.map(roleToWire) };
    },
    get(req) {
      const id = Number(req.params.roleIdPath);
      const found = role(id);
      if (!found) throw notFound(`role ${id} not found`);
      return { status: 200, body: roleToWire(found) };
    },
  };
}
