// The request pipeline on a plain node:http server:
//   admin prefix? -> admin API (uncounted, no faults)
//   otherwise: read body -> fault latency / injected error -> route -> bearer auth -> contract
//   validation -> handler (commits before returning) -> maybe drop-after-commit -> count -> respond.
import * as http from "node:http";
import { accessRuleHandlers } from "../families/access-rules";
import { ADMIN_PREFIX, handleAdmin } from "./admin";
import { appHandlers } from "../families/apps";
import { assetHandlers } from "../families/assets";
import { clusterHandlers } from "../families/cluster";
import type { EmulatorContext } from "../context";
import { ApiError, notFound } from "./errors";
import { injectedErrorToApiError } from "./faults";
import { readJsonBody, sendJson, type ApiRequest, type ApiResponse } from "./http";
import { ASSET_KINDS } from "../families/kinds";
import { orgUnitHandlers } from "../families/org-units";
import { matchRoute, ROUTES, UNMATCHED_ROUTE, type FixedOperationId, type RouteDef, type RouteMatch } from "./routes";
import { contractValidator } from "./validation";

type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;
export type LogLine = (line: string) => void;

export function createEmulatorServer(ctx: EmulatorContext, log: LogLine | null): http.Server {
  const validator = contractValidator(); // compiled once per process, before the first request
  const apps = appHandlers(ctx);
  const org = orgUnitHandlers(ctx);
  const cluster = clusterHandlers(ctx);
  const rules = accessRuleHandlers(ctx);
  const fixed: Record<FixedOperationId, Handler> = {
    grant_token: apps.grantToken,
    get_applications: apps.list,
    create_application: apps.create,
    get_application_by_id: apps.get,
    update_application_by_id: apps.patch,
    delete_application_by_id: apps.remove,
    regenerate_application_secret: apps.regenerateSecret,
    get_departments: org.listDepartments,
    create_department: org.createDepartment,
    get_department: org.getDepartment,
    update_department: org.updateDepartment,
    delete_department: org.deleteDepartment,
    get_projects: org.listProjects,
    create_project: org.createProject,
    get_project: org.getProject,
    update_project: org.updateProject,
    delete_project: org.deleteProject,
    get_clusters: cluster.listClusters,
    create_cluster: cluster.clusterReadOnly,
    get_cluster_by_uuid: cluster.getCluster,
    updateCluster: cluster.clusterReadOnly,
    delete_cluster: cluster.clusterReadOnly,
    get_nodepools: cluster.listNodePools,
    create_nodepool: cluster.nodePoolReadOnly,
    get_nodepool: cluster.getNodePool,
    update_nodepool: cluster.nodePoolReadOnly,
    patch_nodepool: cluster.nodePoolReadOnly,
    delete_nodepool: cluster.nodePoolReadOnly,
    get_roles_v1: rules.listRoles,
    get_role_v1: rules.getRole,
    get_access_rules: rules.list,
    create_access_rule: rules.create,
    get_access_rule: rules.get,
    delete_access_rule: rules.remove,
  };
  // Every kind of the table gets the same five handlers; routes.ts names the action of each route.
  const byKind = new Map(ASSET_KINDS.map((kind) => [kind, assetHandlers(ctx, kind)]));
  const handlers = new Map<RouteDef, Handler>(
    ROUTES.map((route) => {
      const { target } = route;
      return [route, target.type === "fixed" ? fixed[target.operationId] : byKind.get(target.kind)![target.action]];
    }),
  );

  const handleApi = (match: RouteMatch, req: http.IncomingMessage, body: unknown, search: URLSearchParams | null) => {
    const operation = validator.operation(match.route.operationId);
    // Authentication comes before validation: an anonymous caller learns nothing about the contract.
    const callerId = match.route.operationId === "grant_token" ? "" : ctx.tokens.authenticate(req.headers.authorization);
    const params = operation.validateParams(search, match.params);
    return handlers.get(match.route)!({
      callerId,
      query: params.query,
      params: params.path,
      body: operation.validateBody(body),
    });
  };

  const onRequest = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const started = log ? performance.now() : 0;
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart === -1 ? url : url.slice(0, queryStart);

    if (path.startsWith(ADMIN_PREFIX)) {
      let response: ApiResponse;
      try {
        response = await handleAdmin(ctx, method, path, req.socket.remoteAddress, await readJsonBody(req));
      } catch (err) {
        response = errorResponse(err, log);
      }
      sendJson(res, response.status, response.body, response.headers);
      return;
    }

    const match = matchRoute(method, path);
    const template = match ? match.route.template : UNMATCHED_ROUTE;
    let response: ApiResponse;
    let drop = false;
    try {
      const body = await readJsonBody(req);
      if (!ctx.faults.isEmpty) {
        const latency = ctx.faults.latencyFor(method, template);
        if (latency > 0) await sleep(latency);
        const injected = ctx.faults.errorFor(method, template);
        if (injected) throw injectedErrorToApiError(injected);
      }
      if (!match) throw notFound(`route ${method} ${path} not found`);
      response = await handleApi(match, req, body, queryStart === -1 ? null : new URLSearchParams(url.slice(queryStart + 1)));
      // The write is committed (handlers await the state file); now lose the answer on purpose.
      drop = !ctx.faults.isEmpty && response.status < 300 && ctx.faults.dropAfterCommit(method, template);
    } catch (err) {
      response = errorResponse(err, log);
    }

    ctx.counters.record(match ? match.route.counterKey : `${method} ${UNMATCHED_ROUTE}`, response.status);
    if (drop) {
      req.socket.destroy();
    } else {
      sendJson(res, response.status, response.body, response.headers);
    }
    // Method, path and status only: bodies, tokens and secrets never reach the log.
    log?.(`${method} ${path} ${drop ? "dropped after commit" : response.status} ${(performance.now() - started).toFixed(1)}ms`);
  };

  return http.createServer((req, res) => {
    void onRequest(req, res);
  });
}

function errorResponse(err: unknown, log: LogLine | null): ApiResponse {
  if (err instanceof ApiError) return { status: err.status, body: err.toBody(), headers: err.headers };
  log?.(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return { status: 500, body: { code: 500, message: "internal emulator error" } };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
