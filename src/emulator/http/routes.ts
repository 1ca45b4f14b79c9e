// The API routes the emulator serves. Each one is an operation of api/runai-2.22.openapi.json, found
// by method + path template, so its operationId, parameters and body schema come from the document.
// Asset routes are generated from the kind table (kinds.ts); the token, applications, organisation
// (departments, projects), cluster, node-pool, role and access-rule routes are listed by hand.
// Operations of the document not served here (the deprecated /v1/k8s/* ones, the org units'
// /resources, priorities) answer 404.
import { ASSET_KINDS, type AssetKind } from "../families/kinds";
import { operationAt, OPENAPI_DOCUMENT_PATH } from "./openapi";

/** The operations with a handler of their own (apps.ts, org-units.ts, cluster.ts, access-rules.ts; server.ts maps each one). */
export type FixedOperationId =
  | "grant_token"
  | "get_applications"
  | "create_application"
  | "get_application_by_id"
  | "update_application_by_id"
  | "delete_application_by_id"
  | "regenerate_application_secret"
  | "get_departments"
  | "create_department"
  | "get_department"
  | "update_department"
  | "delete_department"
  | "get_projects"
  | "create_project"
  | "get_project"
  | "update_project"
  | "delete_project"
  | "get_clusters"
  | "create_cluster"
  | "get_cluster_by_uuid"
  | "updateCluster"
  | "delete_cluster"
  | "get_nodepools"
  | "create_nodepool"
  | "get_nodepool"
  | "update_nodepool"
  | "patch_nodepool"
  | "delete_nodepool"
  | "get_roles_v1"
  | "get_role_v1"
  | "get_access_rules"
  | "create_access_rule"
  | "get_access_rule"
  | "delete_access_rule";

/** The five asset endpoints; every kind has all of them (see assets.ts). */
export type AssetAction = "list" | "create" | "get" | "update" | "remove";

/** What serves a route: one of the fixed handlers, or an action of an asset kind's handlers. */
export type RouteTarget = { type: "fixed"; operationId: FixedOperationId } | { type: "asset"; kind: AssetKind; action: AssetAction };

export interface RouteDef {
  method: string;
  template: string;
  operationId: string;
  target: RouteTarget;
  /** "<METHOD> <template>": the key of this route in the counters. */
  counterKey: string;
  segments: string[];
}

export const APPS_PATH = "/api/v1/apps";
export const TOKEN_PATH = "/api/v1/token";
export const DEPARTMENTS_PATH = "/api/v1/org-unit/departments";
export const PROJECTS_PATH = "/api/v1/org-unit/projects";
export const CLUSTERS_PATH = "/api/v1/clusters";
export const NODE_POOLS_PATH = "/api/v1/node-pools";
export const ROLES_PATH = "/api/v1/authorization/roles";
export const ACCESS_RULES_PATH = "/api/v1/authorization/access-rules";

/** The template under which requests to unknown routes are counted and matched by fault rules. */
export const UNMATCHED_ROUTE = "<unmatched>";

const TOKEN_ROUTE: [string, string, FixedOperationId] = ["POST", TOKEN_PATH, "grant_token"];

const APP_ROUTES: Array<[string, string, FixedOperationId]> = [
  ["GET", APPS_PATH, "get_applications"],
  ["POST", APPS_PATH, "create_application"],
  ["GET", `${APPS_PATH}/{appId}`, "get_application_by_id"],
  ["PATCH", `${APPS_PATH}/{appId}`, "update_application_by_id"],
  ["DELETE", `${APPS_PATH}/{appId}`, "delete_application_by_id"],
  ["POST", `${APPS_PATH}/{appId}/secret`, "regenerate_application_secret"],
];

const ORGANISATION_ROUTES: Array<[string, string, FixedOperationId]> = [
  ["GET", DEPARTMENTS_PATH, "get_departments"],
  ["POST", DEPARTMENTS_PATH, "create_department"],
  ["GET", `${DEPARTMENTS_PATH}/{departmentId}`, "get_department"],
  ["PUT", `${DEPARTMENTS_PATH}/{departmentId}`, "update_department"],
  ["DELETE", `${DEPARTMENTS_PATH}/{departmentId}`, "delete_department"],
  ["GET", PROJECTS_PATH, "get_projects"],
  ["POST", PROJECTS_PATH, "create_project"],
  ["GET", `${PROJECTS_PATH}/{projectId}`, "get_project"],
  ["PUT", `${PROJECTS_PATH}/{projectId}`, "update_project"],
  ["DELETE", `${PROJECTS_PATH}/{projectId}`, "delete_project"],
  ["GET", CLUSTERS_PATH, "get_clusters"],
  ["POST", CLUSTERS_PATH, "create_cluster"],
  ["GET", `${CLUSTERS_PATH}/{clusterUuid}`, "get_cluster_by_uuid"],
  ["PUT", `${CLUSTERS_PATH}/{clusterUuid}`, "updateCluster"],
  ["DELETE", `${CLUSTERS_PATH}/{clusterUuid}`, "delete_cluster"],
  ["GET", NODE_POOLS_PATH, "get_nodepools"],
  ["POST", NODE_POOLS_PATH, "create_nodepool"],
  ["GET", `${NODE_POOLS_PATH}/{nodepoolId}`, "get_nodepool"],
  ["PUT", `${NODE_POOLS_PATH}/{nodepoolId}`, "update_nodepool"],
  ["PATCH", `${NODE_POOLS_PATH}/{nodepoolId}`, "patch_nodepool"],
  ["DELETE", `${NODE_POOLS_PATH}/{nodepoolId}`, "delete_nodepool"],
];

const AUTHORIZATION_ROUTES: Array<[string, string, FixedOperationId]> = [
  ["GET", ROLES_PATH, "get_roles_v1"],
  ["GET", `${ROLES_PATH}/{roleIdPath}`, "get_role_v1"],
  ["GET", ACCESS_RULES_PATH, "get_access_rules"],
  ["POST", ACCESS_RULES_PATH, "create_access_rule"],
  ["GET", `${ACCESS_RULES_PATH}/{accessRuleId}`, "get_access_rule"],
  ["DELETE", `${ACCESS_RULES_PATH}/{accessRuleId}`, "delete_access_rule"],
];

/** The same five endpoints for every kind; only the path differs. */
const ASSET_ENDPOINTS: Array<[string, "collection" | "item", AssetAction]> = [
  ["GET", "collection", "list"],
  ["POST", "collection", "create"],
  ["GET", "item", "get"],
  ["PUT", "item", "update"],
  ["DELETE", "item", "remove"],
];

function route(method: string, template: string, target: RouteTarget): RouteDef {
  const op = operationAt(method, template);
  // Thrown at module load, i.e. when the emulator starts: a row whose paths the document lacks
  // could be neither validated nor documented, so it must not be served.
  if (!op) throw new Error(`${method} ${template} is not an operation of ${OPENAPI_DOCUMENT_PATH}`);
  if (target.type === "fixed" && op.operationId !== target.operationId) {
    throw new Error(`${method} ${template} is operation ${op.operationId} in the document, not ${target.operationId}`);
  }
  return { method, template, operationId: op.operationId, target, counterKey: `${method} ${template}`, segments: template.split("/") };
}

const fixed = ([method, template, operationId]: [string, string, FixedOperationId]) =>
  route(method, template, { type: "fixed", operationId });

// Token, assets, apps, organisation, authorization: the order in which fault-rule errors list the templates.
export const ROUTES: readonly RouteDef[] = [
  fixed(TOKEN_ROUTE),
  ...ASSET_KINDS.flatMap((kind) =>
    ASSET_ENDPOINTS.map(([method, at, action]) =>
      route(method, at === "collection" ? kind.path : `${kind.path}/{AssetId}`, { type: "asset", kind, action }),
    ),
  ),
  ...APP_ROUTES.map(fixed),
  ...ORGANISATION_ROUTES.map(fixed),
  ...AUTHORIZATION_ROUTES.map(fixed),
];

/** Every route template a fault rule may name. */
export const ROUTE_TEMPLATES: readonly string[] = [...new Set(ROUTES.map((r) => r.template)), UNMATCHED_ROUTE];

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export function matchRoute(method: string, path: string): RouteMatch | null {
  const segments = path.split("/");
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const params = matchSegments(route.segments, segments);
    if (params) return { route, params };
  }
  return null;
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | null {
  let params: Record<string, string> | null = null;
  for (let i = 0; i < template.length; i++) {
    const expected = template[i];
    const got = actual[i];
    if (expected.startsWith("{")) {
      if (got === "") return null;
      let value: string;
      try {
        value = decodeURIComponent(got);
      } catch {
        return null; // malformed percent-encoding cannot name any object
      }
      (params ??= {})[expected.slice(1, -1)] = value;
    } else if (expected !== got) {
      return null;
    }
  }
  return params ?? {};
}
