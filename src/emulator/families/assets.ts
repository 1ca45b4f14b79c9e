// The five asset endpoints (list, create, get, update, delete), the same for every kind: the kind's
// row in kinds.ts supplies what differs. Contract validation of bodies and parameters has already
// happened; these handlers apply the rules the schemas cannot express (scopes.ts, list-filter.ts).
import type { EmulatorContext } from "../context";
import { badRequest, notFound, preconditionFailed } from "../http/errors";
import type { ApiRequest, ApiResponse } from "../http/http";
import { listFilter } from "../http/list-filter";
import { defineFamily, type Family } from "../http/operations";
import { contractValidator } from "../http/validation";
import type { AssetRecord, JsonObject } from "../types";
import {
  assertNameFree,
  assetToWire,
  checkRowAgainstDocument,
  checkWholeSpec,
  firstUser,
  newAssetRecord,
  pendingAfter,
} from "./asset-records";
import type { AssetKind } from "./kinds";
import { assetScope, checkScope, isSet, scopeIdOf } from "./scopes";
import { checkMandatory } from "./spec-rules";

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
  checkRowAgainstDocument(desc);
  const toWire = (record: AssetRecord, query: Record<string, unknown>) => assetToWire(desc, record, query);

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
      checkWholeSpec(store, desc, spec, problems);
      if (problems.length) throw badRequest(problems.join("; "), `${label} rejected`);
      const scope = meta.scope as string;
      assertNameFree(store, desc, { scope, scopeId: scopeIdOf(meta as AssetRecord["meta"]), name: meta.name as string });

      const record = newAssetRecord(desc, org, { meta, spec, callerId: req.callerId, syncDelayMs: ctx.config.syncDelayMs });
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
      if (desc.update === "nameDescriptionSpec") checkWholeSpec(store, desc, spec, problems);
      else checkMandatory(desc, spec, problems);
      if (problems.length) throw badRequest(problems.join("; "), `${label} update rejected`);
      if (record.deleteAt !== null) throw notFound(`${label} "${record.meta.id}" is being deleted`);
      const name = meta.name as string;
      assertNameFree(store, desc, { scope: record.meta.scope, scopeId: scopeIdOf(record.meta), name }, record);

      // Only name, description and the spec (or its path) change; creation-only meta fields in the body are ignored.
      if (name !== record.meta.name) store.assets.rename(record, name);
      setDescription(record, meta);
      record.spec = desc.update === "nameDescriptionPath" ? { ...(record.spec as JsonObject), path: (spec as JsonObject).path } : spec;
      return finishUpdate(req, record);
    },

    async remove(req) {
      const record = existing(req, "delete");
      if (record.deleteAt === null) {
        const user = firstUser(store, desc, record);
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
    Object.assign(record, pendingAfter(desc, "Updating", ctx.config.syncDelayMs));
    await ctx.commit();
    return { status: 202, body: toWire(record, {}) };
  }
}

/** A PUT's description replaces the stored one; absent or null unsets it. */
function setDescription(record: AssetRecord, meta: JsonObject): void {
  if (isSet(meta.description)) record.meta.description = meta.description;
  else delete record.meta.description;
}
