// Generic asset endpoints (list, create, get, update, delete) driven by a small per-kind descriptor,
// so adding an asset kind is one descriptor plus its routes. Contract validation of bodies and
// parameters has already happened; this module applies the rules the schemas cannot express.
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "./context";
import { badRequest, conflict, notFound } from "./errors";
import type { ApiRequest, ApiResponse } from "./http";
import { findProject, hasDepartment } from "./seed";
import { reportedStatus, scopeIdOf } from "./store";
import { contractValidator } from "./validation";
import type { AssetKindName, AssetRecord, JsonObject, Organisation } from "./types";

export interface AssetKindDescriptor {
  kind: AssetKindName;
  /** Scopes an asset of this kind may be created in ("system" is internal-only for every kind). */
  allowedScopes: readonly string[];
  /** Spec fields the documentation calls mandatory although the schema leaves them optional. */
  mandatorySpecFields: readonly string[];
  /**
   * Schema for the PUT body's spec when the update request schema does not declare one (the 2.22
   * ConfigMapUpdateRequest requires `spec` but declares no property for it).
   */
  undeclaredUpdateSpecSchema?: string;
}

export const CONFIG_MAP_KIND: AssetKindDescriptor = {
  kind: "config-map",
  allowedScopes: ["project"], // datasources.md: ConfigMap data sources are project-scoped only
  mandatorySpecFields: ["configMap", "mountPath"],
  undeclaredUpdateSpecSchema: "ConfigMapAssetSpec",
};

export const ENVIRONMENT_KIND: AssetKindDescriptor = {
  kind: "environment",
  allowedScopes: ["tenant", "cluster", "department", "project"],
  mandatorySpecFields: [],
};

/** With ?usageInfo=true: the emulator runs no workloads, so nothing ever uses an asset. */
const NO_USAGE = Object.freeze({ workspaces: [], trainings: [], distributed: [], inferences: [], templates: [] });

interface AssetBody {
  meta: JsonObject;
  spec: unknown;
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

export interface AssetHandlers {
  list(req: ApiRequest): ApiResponse;
  create(req: ApiRequest): Promise<ApiResponse>;
  get(req: ApiRequest): ApiResponse;
  update(req: ApiRequest): Promise<ApiResponse>;
  remove(req: ApiRequest): Promise<ApiResponse>;
}

export function assetHandlers(ctx: EmulatorContext, desc: AssetKindDescriptor): AssetHandlers {
  const { store, organisation: org } = ctx;
  const label = `${desc.kind} asset`;

  /** The live asset of this kind, or 404. Another kind's id is unknown here, as on the real API. */
  const existing = (id: string): AssetRecord => {
    const record = store.asset(id);
    if (!record || record.kind !== desc.kind) throw notFound(`${label} "${id}" not found`);
    return record;
  };

  const toWire = (record: AssetRecord, query: Record<string, unknown>): JsonObject => {
    const body: JsonObject = { meta: record.meta, spec: record.spec };
    if (query.usageInfo === true) body.usedBy = NO_USAGE;
    if (query.statusInfo === true) body.status = reportedStatus(record, Date.now());
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
        pendingPhase: "Creating",
        pendingUntil: Date.now() + ctx.config.syncDelayMs,
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
      record.pendingPhase = "Updating";
      record.pendingUntil = Date.now() + ctx.config.syncDelayMs;
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
        store.markDeleting(record, Date.now() + ctx.config.syncDelayMs);
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

const SCOPE_DEPTH: Record<string, number> = { tenant: 0, cluster: 1, department: 2, project: 3 };

/**
 * The scope rules of the asset docs: the id of the asset's own scope is required; ids of narrower
 * scopes must not be sent; ids of broader scopes may be sent but must agree with the organisation.
 * Every referenced id must exist in the seeded organisation (400 otherwise: create declares no 404).
 */
function checkScope(org: Organisation, desc: AssetKindDescriptor, meta: JsonObject, problems: string[]): void {
  const scope = meta.scope as string;
  if (scope === "system") {
    problems.push('meta.scope: "system" is internal-only');
    return;
  }
  if (!desc.allowedScopes.includes(scope)) {
    const allowed = desc.allowedScopes.map((s) => `"${s}"`).join(", ");
    problems.push(`meta.scope: must be ${desc.allowedScopes.length === 1 ? "" : "one of "}${allowed} for ${desc.kind} assets`);
    return;
  }
  const depth = SCOPE_DEPTH[scope];
  const idFields: Array<[string, number]> = [
    ["clusterId", SCOPE_DEPTH.cluster],
    ["departmentId", SCOPE_DEPTH.department],
    ["projectId", SCOPE_DEPTH.project],
  ];
  for (const [field, fieldDepth] of idFields) {
    if (fieldDepth === depth && !isSet(meta[field])) problems.push(`meta.${field}: required when meta.scope is "${scope}"`);
    if (fieldDepth > depth && isSet(meta[field])) problems.push(`meta.${field}: must not be set when meta.scope is "${scope}"`);
  }

  if (isSet(meta.clusterId) && meta.clusterId !== org.clusterId) {
    problems.push(`meta.clusterId: cluster "${String(meta.clusterId)}" does not exist`);
  }
  if (isSet(meta.departmentId) && depth >= SCOPE_DEPTH.department && !hasDepartment(org, meta.departmentId as string)) {
    problems.push(`meta.departmentId: department "${String(meta.departmentId)}" does not exist`);
  }
  if (isSet(meta.projectId) && depth >= SCOPE_DEPTH.project) {
    const project = findProject(org, meta.projectId as number);
    if (!project) {
      problems.push(`meta.projectId: project ${String(meta.projectId)} does not exist`);
    } else if (isSet(meta.departmentId) && meta.departmentId !== project.departmentId) {
      problems.push(
        `meta.departmentId: project ${project.id} belongs to department "${project.departmentId}", not "${String(meta.departmentId)}"`,
      );
    }
  }
}

/**
 * List filters with the documented hierarchy: a projectId filter also returns the assets of the
 * project's department, its cluster and the tenant, unless scope=project narrows it (scope is applied
 * as an exact filter on top). departmentId and clusterId work alike; includeDescendants adds the
 * assets of the units below.
 */
function listFilter(org: Organisation, query: Record<string, unknown>): (record: AssetRecord) => boolean {
  const tests: Array<(meta: AssetRecord["meta"]) => boolean> = [];
  const descendants = query.includeDescendants === true;

  if (typeof query.name === "string") tests.push((m) => m.name === query.name);
  if (typeof query.scope === "string") tests.push((m) => m.scope === query.scope);

  if (typeof query.projectId === "number") {
    const project = findProject(org, query.projectId);
    tests.push((m) => {
      switch (m.scope) {
        case "project":
          return m.projectId === query.projectId;
        case "department":
          return project !== undefined && m.departmentId === project.departmentId;
        case "cluster":
          return project !== undefined && m.clusterId === org.clusterId;
        default:
          return true;
      }
    });
  }

  if (typeof query.departmentId === "string") {
    const departmentId = query.departmentId;
    const known = hasDepartment(org, departmentId);
    tests.push((m) => {
      switch (m.scope) {
        case "project":
          return descendants && findProject(org, m.projectId as number)?.departmentId === departmentId;
        case "department":
          return m.departmentId === departmentId;
        case "cluster":
          return known && m.clusterId === org.clusterId;
        default:
          return true;
      }
    });
  }

  if (typeof query.clusterId === "string") {
    const clusterId = query.clusterId;
    tests.push((m) => {
      switch (m.scope) {
        case "project":
        case "department":
          return descendants && clusterId === org.clusterId;
        case "cluster":
          return m.clusterId === clusterId;
        default:
          return true;
      }
    });
  }

  if (typeof query.assetIds === "string") {
    const ids = new Set(query.assetIds.split(",").map((id) => id.toLowerCase()));
    tests.push((m) => ids.has(m.id));
  }

  const workloadFlags: Array<[string, string]> = [
    ["isWorkspace", "workspace"],
    ["isTraining", "training"],
    ["isInference", "inference"],
    ["isDistributed", "distributed"],
  ];
  for (const [param, field] of workloadFlags) {
    if (typeof query[param] !== "boolean") continue;
    // An asset without workloadSupportedTypes supports every workload type.
    tests.push((m) => {
      const types = m.workloadSupportedTypes as JsonObject | null | undefined;
      return !types || (types[field] === true) === query[param];
    });
  }
  if (typeof query.distributedFramework === "string") {
    tests.push((m) => (m.workloadSupportedTypes as JsonObject | null | undefined)?.distFramework === query.distributedFramework);
  }

  return (record) => tests.every((test) => test(record.meta));
}
