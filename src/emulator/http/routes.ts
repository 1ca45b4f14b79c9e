// The API routes the emulator serves: the rows of every family (families/index.ts), each one an
// operation of api/runai-2.22.openapi.json found by method + path template, so its parameters and
// body schema come from the document. Operations of the document that no family serves (the
// deprecated /v1/k8s/* ones, the org units' /resources, priorities) answer 404.
import { FAMILIES } from "../families";
import type { AssetAction } from "../families/assets";
import type { AssetKind } from "../families/kinds";
import { operationAt, OPENAPI_DOCUMENT_PATH } from "./openapi";
import type { Family, OperationRow } from "./operations";

/** What serves a route: an action of an asset kind's handlers, or a handler of another family. */
export type RouteTarget = { type: "asset"; kind: AssetKind; action: AssetAction } | { type: "family"; family: string; handler: string };

export interface RouteDef {
  method: string;
  template: string;
  operationId: string;
  /** False only for the token endpoint. */
  authenticated: boolean;
  family: Family;
  /** The key of the family's handler serving this route. */
  handler: string;
  target: RouteTarget;
  /** "<METHOD> <template>": the key of this route in the counters. */
  counterKey: string;
  segments: string[];
}

/** The template under which requests to unknown routes are counted and matched by fault rules. */
export const UNMATCHED_ROUTE = "<unmatched>";

function route(family: Family, row: OperationRow): RouteDef {
  const { method, template, handler } = row;
  const op = operationAt(method, template);
  // Thrown at module load, i.e. when the emulator starts: a row whose paths the document lacks
  // could be neither validated nor documented, so it must not be served.
  if (!op) throw new Error(`${method} ${template} is not an operation of ${OPENAPI_DOCUMENT_PATH}`);
  if (row.operationId !== undefined && op.operationId !== row.operationId) {
    throw new Error(`${method} ${template} is operation ${op.operationId} in the document, not ${row.operationId}`);
  }
  const target: RouteTarget = family.assetKind
    ? { type: "asset", kind: family.assetKind, action: handler as AssetAction }
    : { type: "family", family: family.name, handler };
  return {
    method,
    template,
    operationId: op.operationId,
    authenticated: !row.anonymous,
    family,
    handler,
    target,
    counterKey: `${method} ${template}`,
    segments: template.split("/"),
  };
}

// In family order (token, assets, apps, organisation, authorization): the order in which fault-rule errors list the templates.
export const ROUTES: readonly RouteDef[] = FAMILIES.flatMap((family) => family.rows.map((row) => route(family, row)));

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
