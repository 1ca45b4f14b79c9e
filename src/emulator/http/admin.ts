// The out-of-band admin API under /__emulator/ for tests and benchmarks: counters, fault rules,
// reset, forced sync statuses of assets, forced phases of projects, cluster states and a state dump. No authentication, but loopback callers only.
// These requests are never counted and never subject to fault rules.
import { publicApp } from "../families/apps";
import type { EmulatorContext } from "../context";
import { badRequest, forbidden, notFound } from "./errors";
import { parseFaultRules } from "./faults";
import type { ApiResponse } from "./http";
import { assetKind } from "../families/kinds";
import { projectPhase } from "../families/projects";
import { publicIdentityProvider, stageIdentityProvider } from "../families/identity-providers";
import { reportedStatus } from "../state/asset-table";
import { CLUSTER_STATE_NAMES, newClientSecret, type ClusterStateName } from "../state/cluster-table";
import type { ForcedPhase, ProjectPhase, StatusInfo } from "../types";
import { contractValidator } from "./validation";

export const ADMIN_PREFIX = "/__emulator/";

/**
 * What `GET /__emulator/` answers: the admin routes, so the URL the CLI's banner prints leads
 * somewhere. The README of the emulator has the full request and answer of each.
 */
export const ADMIN_ROUTES: readonly { route: string; does: string }[] = Object.freeze([
  { route: "GET /__emulator/counters", does: "requests per route template and status" },
  { route: "DELETE /__emulator/counters", does: "resets the counters" },
  { route: "GET /__emulator/faults", does: "the fault rules in force" },
  { route: "PUT /__emulator/faults", does: "replaces the fault rules ({rules: [...]})" },
  { route: "DELETE /__emulator/faults", does: "clears the fault rules" },
  { route: "POST /__emulator/reset", does: "back to the seed: no assets, apps or access rules" },
  { route: "GET /__emulator/state", does: "the organisation, assets, apps, access rules and workload policies" },
  { route: "PUT /__emulator/assets/{AssetId}/status", does: "forces an asset's sync status ({status, issues?, message?})" },
  { route: "DELETE /__emulator/assets/{AssetId}/status", does: "clears a forced sync status" },
  { route: "PUT /__emulator/projects/{projectId}/phase", does: "forces a project's phase ({phase, message?})" },
  { route: "DELETE /__emulator/projects/{projectId}/phase", does: "clears a forced phase" },
  {
    route: "PUT /__emulator/clusters/{clusterUuid}/state",
    does: "what the cluster's agent reports ({state}: a state, or null for never connected)",
  },
  {
    route: "POST /__emulator/clusters/{clusterUuid}/client-secret",
    does: "gives the cluster a new client secret (as a rotation elsewhere would)",
  },
  { route: "POST /__emulator/idps", does: "gives the tenant an identity provider ({alias, type?}: type oidc unless given)" },
]);

const FORCED_STATUS_PATH = /^\/__emulator\/assets\/([^/]+)\/status$/;
const FORCED_PHASE_PATH = /^\/__emulator\/projects\/([^/]+)\/phase$/;
const CLUSTER_PATH = /^\/__emulator\/clusters\/([^/]+)\/(state|client-secret)$/;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

export async function handleAdmin(
  ctx: EmulatorContext,
  method: string,
  path: string,
  remoteAddress: string | undefined,
  body: unknown,
): Promise<ApiResponse> {
  if (!isLoopback(remoteAddress)) throw forbidden("the emulator admin API answers loopback clients only");

  const route = `${method} ${path}`;
  switch (route) {
    case "GET /__emulator/":
      return ok({
        emulator: "the Run:ai emulator's admin API: loopback callers only, no token, never counted nor faulted",
        api: "the Run:ai API is under /api/v1: POST /api/v1/token for a token, then Authorization: Bearer <accessToken>",
        routes: ADMIN_ROUTES,
      });
    case "GET /__emulator/counters":
      return ok(ctx.counters.snapshot());
    case "DELETE /__emulator/counters":
      ctx.counters.reset();
      return ok(ctx.counters.snapshot());
    case "GET /__emulator/faults":
      return ok({ rules: ctx.faults.rules });
    case "PUT /__emulator/faults":
      ctx.faults.replace(parseFaultRules(body));
      return ok({ rules: ctx.faults.rules });
    case "DELETE /__emulator/faults":
      ctx.faults.replace([]);
      return ok({ rules: ctx.faults.rules });
    case "POST /__emulator/reset":
      ctx.store.clear();
      ctx.counters.reset();
      ctx.faults.replace([]);
      await ctx.commit();
      return ok({ reset: true });
    case "GET /__emulator/state":
      return ok(stateDump(ctx));
    case "POST /__emulator/idps":
      return stageIdentityProvider(ctx, body);
  }

  const forced = FORCED_STATUS_PATH.exec(path);
  if (forced && (method === "PUT" || method === "DELETE")) {
    const id = decodeURIComponent(forced[1]);
    const record = ctx.store.assets.get(id);
    if (!record) throw notFound(`asset "${id}" not found`);
    // A status the API would never show cannot be forced either (clearing it is harmless).
    if (method === "PUT" && !assetKind(record.kind).reportsStatus) throw badRequest(`${record.kind} assets report no sync status`);
    record.forcedStatus = method === "PUT" ? parseForcedStatus(body) : null;
    await ctx.commit();
    return ok({ id, forcedStatus: record.forcedStatus });
  }

  const phase = FORCED_PHASE_PATH.exec(path);
  if (phase && (method === "PUT" || method === "DELETE")) {
    const id = decodeURIComponent(phase[1]);
    const project = ctx.store.orgUnits.project(id);
    if (!project) throw notFound(`project "${id}" not found`);
    project.forcedPhase = method === "PUT" ? parseForcedPhase(body) : null;
    await ctx.commit();
    return ok({ id, forcedPhase: project.forcedPhase });
  }

  const cluster = CLUSTER_PATH.exec(path);
  if (cluster && ((cluster[2] === "state" && method === "PUT") || (cluster[2] === "client-secret" && method === "POST"))) {
    const uuid = decodeURIComponent(cluster[1]);
    const record = ctx.store.clusters.get(uuid);
    if (!record) throw notFound(`cluster "${uuid}" not found`);
    if (cluster[2] === "state") record.state = parseClusterState(body);
    else record.clientSecret = newClientSecret();
    await ctx.commit();
    return ok({ uuid, state: record.state });
  }

  throw notFound(`no emulator admin route ${method} ${path}`);
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

/** {status, issues?, message?}, checked against the contract's AssetClusterStatusInfo schema. */
function parseForcedStatus(body: unknown): StatusInfo {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("request body: must be object");
  if ((body as { status?: unknown }).status === undefined) throw badRequest("status: is required");
  contractValidator().validateSchema("AssetClusterStatusInfo", body, "");
  const { status, issues, message, url } = body as StatusInfo;
  return {
    status,
    ...(issues !== undefined ? { issues } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(url !== undefined ? { url } : {}),
  };
}

/** {phase, message?}: a ProjectPhase of the contract and an optional phase message. */
function parseForcedPhase(body: unknown): ForcedPhase {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("request body: must be object");
  const { phase, message } = body as { phase?: unknown; message?: unknown };
  if (phase === undefined) throw badRequest("phase: is required");
  contractValidator().validateSchema("ProjectPhase", phase, "phase");
  if (message !== undefined && typeof message !== "string") throw badRequest("message: must be string");
  return { phase: phase as ProjectPhase, ...(message !== undefined ? { message } : {}) };
}

/** {state}: a ClusterDisplayedStatus state of the contract, or null (the cluster never reported). */
function parseClusterState(body: unknown): ClusterStateName | null {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("request body: must be object");
  const { state } = body as { state?: unknown };
  if (state === undefined) throw badRequest("state: is required");
  if (state === null) return null;
  if (typeof state !== "string" || !CLUSTER_STATE_NAMES.includes(state as ClusterStateName)) {
    throw badRequest(`state: must be one of ${CLUSTER_STATE_NAMES.join(", ")} or null`);
  }
  return state as ClusterStateName;
}

function stateDump(ctx: EmulatorContext): unknown {
  const now = Date.now();
  return {
    organisation: ctx.organisation.snapshot(),
    clusters: ctx.store.clusters.all().map(({ clientSecret: _secret, ...cluster }) => cluster),
    nodePools: ctx.store.nodePools.all(),
    departments: ctx.store.orgUnits.allDepartments(),
    projects: ctx.store.orgUnits.allProjects().map((p) => ({ ...p, phase: projectPhase(p, now).phase })),
    accessRules: ctx.store.accessRules.all(true),
    assets: ctx.store.assets.all().map((record) => ({
      kind: record.kind,
      meta: record.meta,
      spec: record.spec,
      status: assetKind(record.kind).reportsStatus ? reportedStatus(record, now) : null,
      forcedStatus: record.forcedStatus,
    })),
    apps: ctx.store.apps.all().map((app) => publicApp(app, ctx.organisation.tenantId)),
    policies: ctx.store.policies.all(),
    identityProviders: ctx.store.settings.identityProviders.map(publicIdentityProvider),
  };
}
