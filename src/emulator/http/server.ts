// The request pipeline on a plain node:http server:
//   admin prefix? -> admin API (uncounted, no faults)
//   otherwise: read body -> fault latency / injected error -> route -> bearer auth -> contract
//   validation -> handler (commits before returning) -> maybe drop-after-commit -> count -> respond.
import * as http from "node:http";
import type { EmulatorContext } from "../context";
import { ADMIN_PREFIX, handleAdmin } from "./admin";
import { VALIDATE_ONLY_SUFFIX } from "./counters";
import { ApiError, notFound } from "./errors";
import { injectedErrorToApiError } from "./faults";
import { readJsonBody, sendJson, type ApiResponse } from "./http";
import type { Family, Handler } from "./operations";
import { matchRoute, ROUTES, UNMATCHED_ROUTE, type RouteDef, type RouteMatch } from "./routes";
import { contractValidator } from "./validation";

export type LogLine = (line: string) => void;

export function createEmulatorServer(ctx: EmulatorContext, log: LogLine | null): http.Server {
  // Every route's validator is compiled now (once per process), so no request pays for it.
  const validator = contractValidator();
  for (const route of ROUTES) validator.operation(route.operationId);
  // Each family's handlers are built once per server; every route calls the one its row names.
  const byFamily = new Map<Family, Record<string, Handler>>();
  const handlers = new Map<RouteDef, Handler>(
    ROUTES.map((route) => {
      if (!byFamily.has(route.family)) byFamily.set(route.family, route.family.handlers(ctx));
      return [route, byFamily.get(route.family)![route.handler]];
    }),
  );

  const handleApi = (match: RouteMatch, req: http.IncomingMessage, body: unknown, search: URLSearchParams | null) => {
    const operation = validator.operation(match.route.operationId);
    // Authentication comes before validation: an anonymous caller learns nothing about the contract.
    const callerId = match.route.authenticated ? ctx.tokens.authenticate(req.headers.authorization) : "";
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

    // A validateOnly PUT (workload policies) writes nothing: counted apart, so counts of writes leave it out.
    const validateOnly = queryStart !== -1 && new URLSearchParams(url.slice(queryStart + 1)).get("validateOnly") === "true";
    const counterKey = match ? `${match.route.counterKey}${validateOnly ? VALIDATE_ONLY_SUFFIX : ""}` : `${method} ${UNMATCHED_ROUTE}`;
    ctx.counters.record(counterKey, response.status);
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
