// The API routes the emulator serves. Each one is an operation of api/runai-2.22.openapi.json (the
// operationId ties it to the contract, so its parameters and body schema come from the document).
// Operations of the document that are not listed here (the deprecated /v1/k8s/* ones) answer 404.

export type OperationId =
  | "grant_token"
  | "list_config_map_assets"
  | "create_config_map_asset"
  | "get_config_map_asset_by_id"
  | "update_config_map_asset_by_id"
  | "delete_config_map_asset_by_id"
  | "list_environment_assets"
  | "create_environment_asset"
  | "get_environment_asset_by_id"
  | "update_environment_asset_by_id"
  | "delete_environment_asset_by_id"
  | "get_applications"
  | "create_application"
  | "get_application_by_id"
  | "update_application_by_id"
  | "delete_application_by_id"
  | "regenerate_application_secret";

export interface RouteDef {
  method: string;
  template: string;
  operationId: OperationId;
  /** "<METHOD> <template>": the key of this route in the counters. */
  counterKey: string;
  segments: string[];
}

export const CONFIG_MAP_PATH = "/api/v1/asset/datasource/config-map";
export const ENVIRONMENT_PATH = "/api/v1/asset/environment";
export const APPS_PATH = "/api/v1/apps";
export const TOKEN_PATH = "/api/v1/token";

/** The template under which requests to unknown routes are counted and matched by fault rules. */
export const UNMATCHED_ROUTE = "<unmatched>";

const ROUTE_LIST: Array<[string, string, OperationId]> = [
  ["POST", TOKEN_PATH, "grant_token"],
  ["GET", CONFIG_MAP_PATH, "list_config_map_assets"],
  ["POST", CONFIG_MAP_PATH, "create_config_map_asset"],
  ["GET", `${CONFIG_MAP_PATH}/{AssetId}`, "get_config_map_asset_by_id"],
  ["PUT", `${CONFIG_MAP_PATH}/{AssetId}`, "update_config_map_asset_by_id"],
  ["DELETE", `${CONFIG_MAP_PATH}/{AssetId}`, "delete_config_map_asset_by_id"],
  ["GET", ENVIRONMENT_PATH, "list_environment_assets"],
  ["POST", ENVIRONMENT_PATH, "create_environment_asset"],
  ["GET", `${ENVIRONMENT_PATH}/{AssetId}`, "get_environment_asset_by_id"],
  ["PUT", `${ENVIRONMENT_PATH}/{AssetId}`, "update_environment_asset_by_id"],
  ["DELETE", `${ENVIRONMENT_PATH}/{AssetId}`, "delete_environment_asset_by_id"],
  ["GET", APPS_PATH, "get_applications"],
  ["POST", APPS_PATH, "create_application"],
  ["GET", `${APPS_PATH}/{appId}`, "get_application_by_id"],
  ["PATCH", `${APPS_PATH}/{appId}`, "update_application_by_id"],
  ["DELETE", `${APPS_PATH}/{appId}`, "delete_application_by_id"],
  ["POST", `${APPS_PATH}/{appId}/secret`, "regenerate_application_secret"],
];

export const ROUTES: readonly RouteDef[] = ROUTE_LIST.map(([method, template, operationId]) => ({
  method,
  template,
  operationId,
  counterKey: `${method} ${template}`,
  segments: template.split("/"),
}));

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
