// The five asset endpoints (list, create, get, update, delete), the same for every kind: the kind's
// row in kinds.ts supplies what differs. Contract validation of bodies and parameters has already
// happened; these handlers apply the rules the schemas cannot express (scopes.ts, list-filter.ts).
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound, preconditionFailed } from "../http/errors";
import type { ApiRequest, ApiResponse } from "../http/http";
import { referencesTo, type AssetKind } from "./kinds";
import { listFilter } from "../http/list-filter";
import { operationAt, OPENAPI_DOCUMENT_PATH } from "../http/openapi";
import { defineFamily, type Family } from "../http/operations";
import { assetScope, checkScope, isSet, scopeIdOf } from "./scopes";
import { checkMandatory, checkSpecRules, clusterResourceName, storedCredentialSpec } from "./spec-rules";
import { reportedStatus } from "../state/asset-table";
import type { AssetRecord, JsonObject } from "../types";
import { contractValidator } from "../http/validation";

/** With ?usageInfo=true: the emulator runs no workloads, so nothing ever uses an asset. */
const NO_USAGE = Object.freeze({ workspaces: [], trainings: [], distributed: [], inferences: [], templates: [] });

interface AssetBody {
  meta: JsonObject;
  spec: unknown;
}

/** A PUT body of the "description" shape (CredentialUpdateRequest): `meta` is optional there. */
interface DescriptionBody {
  meta?: JsonObject;
}

/** The five asset endpoints; every kind has all of them. */
export type AssetAction = "list" | "create" | "get" | "update" | "remove";

/** The same five rows for every kind of the table; only the path differs, and the operation ids are the document's. */
export function assetFamily(kind: AssetKind): Family<AssetAction> {
  const item = `${kind.path}/{AssetId}`;
  return defineFamily({
    name: `${kind.kind} assets`,
    assetKind: kind,
    rows: [
      { method: "GET", template: kind.path, handler: "list" },
      { method: "POST", template: kind.path, handler: "create" },
      { method: "GET", template: item, handler: "get" },
      { method: "PUT", template: item, handler: "update" },
      { method: "DELETE", template: item, handler: "remove" },
    ],
    handlers: (ctx) => assetHandlers(ctx, kind),
  });
}

/** Keyed by route action, so every kind is wired the same way. */
export type AssetHandlers = Record<AssetAction, (req: ApiRequest) => ApiResponse | Promise<ApiResponse>>;

export function assetHandlers(ctx: EmulatorContext, desc: AssetKind): AssetHandlers {
  const { store, organisation: org, access } = ctx;
  const label = `${desc.kind} asset`;
  // Checked now rather than on the first PUT: a row naming a schema the document lacks fails at start.
  if (desc.undeclaredUpdateSpecSchema) contractValidator().prepareSchema(desc.undeclaredUpdateSpecSchema);
  // The assets that may refer to this kind (s3 → accessKey, ...): while one is live, DELETE answers 412.
  const users = referencesTo(desc.kind);
  const deleteTemplate = `DELETE ${desc.path}/{AssetId}`;
  const deleteResponses = operationAt("DELETE", `${desc.path}/{AssetId}`)?.responses ?? {};
  for (const status of [desc.deleteStatus, ...(users.length ? [412] : [])]) {
    if (!(String(status) in deleteResponses)) throw new Error(`${deleteTemplate} declares no ${status} in ${OPENAPI_DOCUMENT_PATH}`);
  }

  /** The phase a write leaves behind: none for kinds without sync status, whose writes are done when answered. */
  const pendingAfter = (phase: "Creating" | "Updating"): Pick<AssetRecord, "pendingPhase" | "pendingUntil"> =>
    desc.reportsStatus
      ? { pendingPhase: phase, pendingUntil: Date.now() + ctx.config.syncDelayMs }
      : { pendingPhase: null, pendingUntil: 0 };

  /**
   * The live asset of this kind, or 404 (another kind's id is unknown here, as on the real API); then
   * 403 unless the caller may do `action` on it: reading also reaches assets of broader scopes
   * that the caller's units can use.
   */
  const existing = (req: ApiRequest, action: "read" | "update" | "delete"): AssetRecord => {
    const id = req.params.AssetId;
    const record = store.assets.get(id);
    if (!record || record.kind !== desc.kind) throw notFound(`${label} "${id}" not found`);
    access.require(req.callerId, desc.resourceType, action, assetScope(record.meta), action === "read" ? "related" : "covers");
    return record;
  };

  const toWire = (record: AssetRecord, query: Record<string, unknown>): JsonObject => {
    const body: JsonObject = { meta: record.meta, spec: record.spec };
    if (query.usageInfo === true) body.usedBy = NO_USAGE;
    if (query.statusInfo === true && desc.reportsStatus) body.status = reportedStatus(record, Date.now());
    if (record.clusterResourceName !== undefined) body.clusterInfo = { resources: [{ name: record.clusterResourceName }] };
    return body;
  };

  /** Referenced assets must be live (not Deleting) assets of the kinds the row names. */
  const checkReferences = (spec: unknown, problems: string[]): void => {
    if (!spec || typeof spec !== "object") return;
    for (const ref of desc.references) {
      const id = (spec as JsonObject)[ref.field];
      if (!isSet(id)) continue;
      const target = store.assets.get(String(id));
      if (!target || target.deleteAt !== null || !ref.kinds.includes(target.kind)) {
        problems.push(`spec.${ref.field}: ${ref.noun} asset "${String(id)}" does not exist`);
      }
    }
  };

  /** Every rule of a whole spec (create, and PUTs that replace it). */
  const checkWholeSpec = (spec: unknown, problems: string[]): void => {
    checkMandatory(desc, spec, problems);
    checkSpecRules(desc, spec, problems);
    checkReferences(spec, problems);
  };

  /** A live asset that refers to `record` and so blocks its deletion (assets being deleted do not count). */
  const firstUser = (record: AssetRecord): AssetRecord | undefined => {
    for (const { from, reference } of users) {
      const user = store.assets
        .ofKind(from.kind)
        .find((a) => a.deleteAt === null && (a.spec as JsonObject | null)?.[reference.field] === record.meta.id);
      if (user) return user;
    }
    return undefined;
  };

  const assertNameFree = (scope: string, scopeId: string, name: string, self?: AssetRecord): void => {
    const holder = store.assets.byName(desc.kind, scope, scopeId, name);
    if (holder && holder !== self) {
      const where = scope === "tenant" ? "the tenant" : `${scope} ${scopeId}`;
      throw conflict(`${label} named "${name}" already exists in ${where}`);
    }
  };

  return {
    list(req) {
      const matches = listFilter(org, req.query);
      // Only what the caller may read is listed (never a 403).
      const readable = access.predicate(req.callerId, desc.resourceType, "read", "related");
      const entries = store.assets
        .ofKind(desc.kind)
        .filter((record) => matches(record) && readable(assetScope(record.meta)))
        .map((record) => toWire(record, req.query));
      return { status: 200, body: { entries } };
    },

    async create(req) {
      const { meta, spec } = req.body as AssetBody;
      const problems: string[] = [];
      checkScope(org, desc, meta, problems);
      // The target must exist before the caller's rights on it can be judged; the spec rules come after.
      if (problems.length === 0) access.require(req.callerId, desc.resourceType, "create", assetScope(meta as AssetRecord["meta"]));
      checkWholeSpec(spec, problems);
      if (problems.length) throw badRequest(problems.join("; "), `${label} rejected`);
      const scope = meta.scope as string;
      const name = meta.name as string;
      assertNameFree(scope, scopeIdOf(meta as AssetRecord["meta"]), name);

      const now = new Date().toISOString();
      const project = scope === "project" ? org.project(meta.projectId as number) : undefined;
      const id = randomUUID();
      const resourceName = clusterResourceName(desc, name, id, spec);
      const record: AssetRecord = {
        kind: desc.kind,
        meta: {
          name,
          ...pick(meta, ["description"]),
          scope,
          ...pick(meta, ["clusterId", "departmentId", "projectId"]),
          autoDelete: meta.autoDelete ?? false, // the schema's default
          ...pick(meta, ["workloadSupportedTypes"]),
          id,
          kind: desc.kind,
          tenantId: org.tenantId,
          createdBy: req.callerId,
          createdAt: now,
          updatedBy: req.callerId,
          updatedAt: now,
          ...(project ? { projectName: project.name } : {}),
          updateCount: 0,
        },
        // A credential's secret values are dropped here: never kept, never returned.
        spec: desc.credential ? storedCredentialSpec(desc, spec) : spec,
        ...pendingAfter("Creating"),
        deleteAt: null,
        forcedStatus: null,
        ...(resourceName !== undefined ? { clusterResourceName: resourceName } : {}),
      };
      store.assets.insert(record);
      await ctx.commit();
      return { status: 202, body: toWire(record, {}) };
    },

    get(req) {
      return { status: 200, body: toWire(existing(req, "read"), req.query) };
    },

    async update(req) {
      const record = existing(req, "update");
      if (desc.update === "description") return updateDescription(req, record);
      const { meta, spec } = req.body as AssetBody;
      if (desc.undeclaredUpdateSpecSchema) {
        contractValidator().validateSchema(desc.undeclaredUpdateSpecSchema, spec, "spec");
      }
      const problems: string[] = [];
      if (desc.update === "nameDescriptionSpec") checkWholeSpec(spec, problems);
      else checkMandatory(desc, spec, problems);
      if (problems.length) throw badRequest(problems.join("; "), `${label} update rejected`);
      if (record.deleteAt !== null) throw notFound(`${label} "${record.meta.id}" is being deleted`);
      const name = meta.name as string;
      assertNameFree(record.meta.scope, scopeIdOf(record.meta), name, record);

      // Only name, description and the spec (or its path) change; creation-only meta fields in the body are ignored.
      if (name !== record.meta.name) store.assets.rename(record, name);
      setDescription(record, meta);
      record.spec = desc.update === "nameDescriptionPath" ? { ...(record.spec as JsonObject), path: (spec as JsonObject).path } : spec;
      return finishUpdate(req, record);
    },

    async remove(req) {
      const record = existing(req, "delete");
      if (record.deleteAt === null) {
        const user = firstUser(record);
        if (user) {
          throw preconditionFailed(
            `${label} "${record.meta.id}" is used by ${user.kind} asset "${user.meta.name}" (${user.meta.id}); delete that first`,
          );
        }
        // A repeated DELETE while the asset is still Deleting is accepted again without change,
        // so a client retrying after a lost response gets the same answer.
        record.meta.deletedAt = new Date().toISOString();
        record.meta.deletedBy = req.callerId;
        // Without sync status there is no Deleting phase to report: the asset is gone at once.
        if (desc.reportsStatus) store.assets.markDeleting(record, Date.now() + ctx.config.syncDelayMs);
        else store.assets.remove(record);
        await ctx.commit();
      }
      if (desc.deleteStatus === 204) return { status: 204 };
      return { status: 202, body: { code: 202, message: `${label} "${record.meta.id}" deletion accepted` } };
    },
  };

  /** Credentials (CredentialUpdateRequest): only the description changes; the name and spec stay. */
  async function updateDescription(req: ApiRequest, record: AssetRecord): Promise<ApiResponse> {
    if (record.deleteAt !== null) throw notFound(`${label} "${record.meta.id}" is being deleted`);
    setDescription(record, (req.body as DescriptionBody | undefined)?.meta ?? {});
    return finishUpdate(req, record);
  }

  async function finishUpdate(req: ApiRequest, record: AssetRecord): Promise<ApiResponse> {
    record.meta.updatedBy = req.callerId;
    record.meta.updatedAt = new Date().toISOString();
    record.meta.updateCount = (record.meta.updateCount as number) + 1;
    Object.assign(record, pendingAfter("Updating"));
    await ctx.commit();
    return { status: 202, body: toWire(record, {}) };
  }
}

/** A PUT's description replaces the stored one; absent or null unsets it. */
function setDescription(record: AssetRecord, meta: JsonObject): void {
  if (isSet(meta.description)) record.meta.description = meta.description;
  else delete record.meta.description;
}

function pick(source: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
