// The pieces of the asset endpoints that depend only on the kind's row and the state: the start-time
// checks of a row against the document, an asset's wire shape, a new asset's record, and the rules
// on names and references that look at other assets.
import { randomUUID } from "node:crypto";
import { conflict } from "../http/errors";
import { operationAt, OPENAPI_DOCUMENT_PATH } from "../http/openapi";
import { contractValidator } from "../http/validation";
import { reportedStatus } from "../state/asset-table";
import type { Store } from "../state/store";
import type { JsonObject, AssetRecord } from "../types";
import { referencesTo, type AssetKind } from "./kinds";
import type { LiveOrganisation } from "./organisation";
import { isSet } from "./scopes";
import { checkMandatory, checkSpecRules, clusterResourceName, storedCredentialSpec } from "./spec-rules";

/** With ?usageInfo=true: the emulator runs no workloads, so nothing ever uses an asset. */
const NO_USAGE = Object.freeze({ workspaces: [], trainings: [], distributed: [], inferences: [], templates: [] });

/**
 * Thrown at start rather than on the first request: a row naming a schema the document lacks, or a
 * DELETE status (or the 412 of a referenced kind) the document does not declare, must not be served.
 */
export function checkRowAgainstDocument(desc: AssetKind): void {
  if (desc.undeclaredUpdateSpecSchema) contractValidator().prepareSchema(desc.undeclaredUpdateSpecSchema);
  const deleteTemplate = `DELETE ${desc.path}/{AssetId}`;
  const deleteResponses = operationAt("DELETE", `${desc.path}/{AssetId}`)?.responses ?? {};
  for (const status of [desc.deleteStatus, ...(referencesTo(desc.kind).length ? [412] : [])]) {
    if (!(String(status) in deleteResponses)) throw new Error(`${deleteTemplate} declares no ${status} in ${OPENAPI_DOCUMENT_PATH}`);
  }
}

/** The phase a write leaves behind: none for kinds without sync status, whose writes are done when answered. */
export function pendingAfter(
  desc: AssetKind,
  phase: "Creating" | "Updating",
  syncDelayMs: number,
): Pick<AssetRecord, "pendingPhase" | "pendingUntil"> {
  return desc.reportsStatus ? { pendingPhase: phase, pendingUntil: Date.now() + syncDelayMs } : { pendingPhase: null, pendingUntil: 0 };
}

export function assetToWire(desc: AssetKind, record: AssetRecord, query: Record<string, unknown>): JsonObject {
  const body: JsonObject = { meta: record.meta, spec: record.spec };
  if (query.usageInfo === true) body.usedBy = NO_USAGE;
  if (query.statusInfo === true && desc.reportsStatus) body.status = reportedStatus(record, Date.now());
  if (record.clusterResourceName !== undefined) body.clusterInfo = { resources: [{ name: record.clusterResourceName }] };
  return body;
}

/** A new asset as stored, from a create body that passed every rule. */
export function newAssetRecord(
  desc: AssetKind,
  org: LiveOrganisation,
  body: { meta: JsonObject; spec: unknown; callerId: string; syncDelayMs: number },
): AssetRecord {
  const { meta, spec, callerId } = body;
  const now = new Date().toISOString();
  const scope = meta.scope as string;
  const name = meta.name as string;
  const project = scope === "project" ? org.project(meta.projectId as number) : undefined;
  const id = randomUUID();
  const resourceName = clusterResourceName(desc, name, id, spec);
  return {
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
      createdBy: callerId,
      createdAt: now,
      updatedBy: callerId,
      updatedAt: now,
      ...(project ? { projectName: project.name } : {}),
      updateCount: 0,
    },
    // A credential's secret values are dropped here: never kept, never returned.
    spec: desc.credential ? storedCredentialSpec(desc, spec) : spec,
    ...pendingAfter(desc, "Creating", body.syncDelayMs),
    deleteAt: null,
    forcedStatus: null,
    ...(resourceName !== undefined ? { clusterResourceName: resourceName } : {}),
  };
}

/** Referenced assets must be live (not Deleting) assets of the kinds the row names. */
function checkReferences(store: Store, desc: AssetKind, spec: unknown, problems: string[]): void {
  if (!spec || typeof spec !== "object") return;
  for (const ref of desc.references) {
    const id = (spec as JsonObject)[ref.field];
    if (!isSet(id)) continue;
    const target = store.assets.get(String(id));
    if (!target || target.deleteAt !== null || !ref.kinds.includes(target.kind)) {
      problems.push(`spec.${ref.field}: ${ref.noun} asset "${String(id)}" does not exist`);
    }
  }
}

/** Every rule of a whole spec (create, and PUTs that replace it). */
export function checkWholeSpec(store: Store, desc: AssetKind, spec: unknown, problems: string[]): void {
  checkMandatory(desc, spec, problems);
  checkSpecRules(desc, spec, problems);
  checkReferences(store, desc, spec, problems);
}

/** A live asset that refers to `record` and so blocks its deletion (assets being deleted do not count). */
export function firstUser(store: Store, desc: AssetKind, record: AssetRecord): AssetRecord | undefined {
  for (const { from, reference } of referencesTo(desc.kind)) {
    const user = store.assets
      .ofKind(from.kind)
      .find((a) => a.deleteAt === null && (a.spec as JsonObject | null)?.[reference.field] === record.meta.id);
    if (user) return user;
  }
  return undefined;
}

/** 409 when another asset of the kind holds `name` in the scope. */
export function assertNameFree(
  store: Store,
  desc: AssetKind,
  meta: { scope: string; scopeId: string; name: string },
  self?: AssetRecord,
): void {
  const { scope, scopeId, name } = meta;
  const holder = store.assets.byName(desc.kind, scope, scopeId, name);
  if (holder && holder !== self) {
    const where = scope === "tenant" ? "the tenant" : `${scope} ${scopeId}`;
    throw conflict(`${desc.kind} asset named "${name}" already exists in ${where}`);
  }
}

function pick(source: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
