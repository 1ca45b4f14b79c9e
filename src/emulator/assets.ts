// The five asset endpoints (list, create, get, update, delete), the same for every kind: the kind's
// row in kinds.ts supplies what differs. Contract validation of bodies and parameters has already
// happened; these handlers apply the rules the schemas cannot express (scopes.ts, list-filter.ts).
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "./context";
import { badRequest, conflict, notFound } from "./errors";
import type { ApiRequest, ApiResponse } from "./http";
import type { AssetKind } from "./kinds";
import { listFilter } from "./list-filter";
import type { AssetAction } from "./routes";
import { checkScope, isSet, scopeIdOf } from "./scopes";
import { findProject } from "./seed";
import { reportedStatus } from "./store";
import type { AssetRecord, JsonObject } from "./types";
import { contractValidator } from "./validation";

/** With ?usageInfo=true: the emulator runs no workloads, so nothing ever uses an asset. */
const NO_USAGE = Object.freeze({ workspaces: [], trainings: [], distributed: [], inferences: [], templates: [] });

interface AssetBody {
  meta: JsonObject;
  spec: unknown;
}

/** Keyed by route action (routes.ts), so server.ts wires every kind the same way. */
export type AssetHandlers = Record<AssetAction, (req: ApiRequest) => ApiResponse | Promise<ApiResponse>>;

export function assetHandlers(ctx: EmulatorContext, desc: AssetKind): AssetHandlers {
  const { store, organisation: org } = ctx;
  const label = `${desc.kind} asset`;
  // Checked now rather than on the first PUT: a row naming a schema the document lacks fails at start.
  if (desc.undeclaredUpdateSpecSchema) contractValidator().prepareSchema(desc.undeclaredUpdateSpecSchema);

  /** The phase a write leaves behind: none for kinds without sync status, whose writes are done when answered. */
  const pendingAfter = (phase: "Creating" | "Updating"): Pick<AssetRecord, "pendingPhase" | "pendingUntil"> =>
    desc.reportsStatus
      ? { pendingPhase: phase, pendingUntil: Date.now() + ctx.config.syncDelayMs }
      : { pendingPhase: null, pendingUntil: 0 };

  /** The live asset of this kind, or 404. Another kind's id is unknown here, as on the real API. */
  const existing = (id: string): AssetRecord => {
    const record = store.asset(id);
    if (!record || record.kind !== desc.kind) throw notFound(`${label} "${id}" not found`);
    return record;
  };

  const toWire = (record: AssetRecord, query: Record<string, unknown>): JsonObject => {
    const body: JsonObject = { meta: record.meta, spec: record.spec };
    if (query.usageInfo === true) body.usedBy = NO_USAGE;
    if (query.statusInfo === true && desc.reportsStatus) body.status = reportedStatus(record, Date.now());
    return body;
  };

  const checkSpec = (spec: unknown, problems: string[]): void => {
    for (const field of desc.mandatorySpecFields) {
      if (!spec || typeof spec !== "object" || !isSet((spec as JsonObject)[field])) problems.push(`spec.${field}: is required`);
    }
  };

  const assertNameFree = (scope: string, scopeId: string, name: string, self?: AssetRecord): void => {
    const holder = store.assetByName(desc.kind, scope, scopeId, name);
    if (holder && holder !== self) {
      const where = scope === "tenant" ? "the tenant" : `${scope} ${scopeId}`;
      throw conflict(`${label} named "${name}" already exists in ${where}`);
    }
  };

  return {
    list(req) {
      const matches = listFilter(org, req.query);
      const entries = store
        .assetsOfKind(desc.kind)
        .filter(matches)
        .map((record) => toWire(record, req.query));
      return { status: 200, body: { entries } };
    },

    async create(req) {
      const { meta, spec } = req.body as AssetBody;
      const problems: string[] = [];
      checkScope(org, desc, meta, problems);
      checkSpec(spec, problems);
      if (problems.length) throw badRequest(problems.join("; "), `${label} rejected`);
      const scope = meta.scope as string;
      const name = meta.name as string;
      assertNameFree(scope, scopeIdOf(meta as AssetRecord["meta"]), name);

      const now = new Date().toISOString();
      const project = scope === "project" ? findProject(org, meta.projectId as number) : undefined;
      const record: AssetRecord = {
        kind: desc.kind,
        meta: {
          name,
          ...pick(meta, ["description"]),
          scope,
          ...pick(meta, ["clusterId", "departmentId", "projectId"]),
          autoDelete: meta.autoDelete ?? false, // the schema's default
          ...pick(meta, ["workloadSupportedTypes"]),
          id: randomUUID(),
          kind: desc.kind,
          tenantId: org.tenantId,
          createdBy: req.callerId,
          createdAt: now,
          updatedBy: req.callerId,
          updatedAt: now,
          ...(project ? { projectName: project.name } : {}),
          updateCount: 0,
        },
        spec,
        ...pendingAfter("Creating"),
        deleteAt: null,
        forcedStatus: null,
      };
      store.insertAsset(record);
      await ctx.commit();
      return { status: 202, body: toWire(record, {}) };
    },

    get(req) {
      return { status: 200, body: toWire(existing(req.params.AssetId), req.query) };
    },

    async update(req) {
      const record = existing(req.params.AssetId);
      const { meta, spec } = req.body as AssetBody;
      if (desc.undeclaredUpdateSpecSchema) {
        contractValidator().validateSchema(desc.undeclaredUpdateSpecSchema, spec, "spec");
      }
      const problems: string[] = [];
      checkSpec(spec, problems);
      if (problems.length) throw badRequest(problems.join("; "), `${label} update rejected`);
      if (record.deleteAt !== null) throw notFound(`${label} "${record.meta.id}" is being deleted`);
      const name = meta.name as string;
      assertNameFree(record.meta.scope, scopeIdOf(record.meta), name, record);

      // Only name, description and the spec change; creation-only meta fields in the body are ignored.
      if (name !== record.meta.name) store.renameAsset(record, name);
      if (meta.description !== undefined) record.meta.description = meta.description;
      else delete record.meta.description;
      record.meta.updatedBy = req.callerId;
      record.meta.updatedAt = new Date().toISOString();
      record.meta.updateCount = (record.meta.updateCount as number) + 1;
      record.spec = spec;
      Object.assign(record, pendingAfter("Updating"));
      await ctx.commit();
      return { status: 202, body: toWire(record, {}) };
    },

    async remove(req) {
      const record = existing(req.params.AssetId);
      if (record.deleteAt === null) {
        // A repeated DELETE while the asset is still Deleting is accepted again without change,
        // so a client retrying after a lost response gets the same answer.
        record.meta.deletedAt = new Date().toISOString();
        record.meta.deletedBy = req.callerId;
        // Without sync status there is no Deleting phase to report: the asset is gone at once.
        if (desc.reportsStatus) store.markDeleting(record, Date.now() + ctx.config.syncDelayMs);
        else store.removeAsset(record);
        await ctx.commit();
      }
      return { status: 202, body: { code: 202, message: `${label} "${record.meta.id}" deletion accepted` } };
    },
  };
}

function pick(source: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
