// The asset family (`/api/v1/asset/<kind>`): what every asset kind shares, so an asset kind is a
// small row (its contract, scopes, defaults and rules) turned into a full kind definition here.
//
// Meta fields: name and description change in place (PUT); scope, the scope ids and
// workloadSupportedTypes are fixed at creation. By default the spec is updated in place, whole; a
// row's `update` narrows what a PUT can change (PVC: the mount path only; credentials: the
// description only), and everything else then replaces the asset.
import { z } from "zod";
import type { RunaiClient } from "../../client";
import type { Asset, AssetContract, AssetScope } from "../../schemas";
import { ASSET_SCOPES, AssetCreationMeta } from "../../schemas/asset";
import type { Json, ResourceKind, SyncRules, UniqueKey } from "../kind";
import { stripNulls } from "../normalize";
import type { ScopeRef } from "../scopes";
import { uniqueKeyOf } from "../unique-claims";
import type { Failures } from "../validation";
import { isObject, isUnknown } from "../validation";

export interface AssetKindRow {
  /** Resource class name, e.g. "ConfigMapAsset". */
  type: string;
  /** How messages name one asset, e.g. "ConfigMap asset". */
  label: string;
  /** Endpoint path and spec schemas (src/schemas). */
  contract: AssetContract;
  /** Scopes the kind may live in, when the contract restricts them, and why (appended to the failure). */
  allowedScopes?: readonly AssetScope[];
  allowedScopesReason?: string;
  /** Server defaults in the shape of the spec (see FieldRule.defaults). */
  specDefaults?: Json;
  /** Spec fields the contract calls mandatory in prose only (its schema leaves them optional). */
  mandatorySpecFields?: readonly string[];
  /** Spec fields that hold an absolute path (a mount path in the container, an NFS export). */
  absolutePathFields?: readonly string[];
  /** Cross-field rules of the contract that the spec schema cannot express. */
  validate?(failures: Failures, inputs: AssetRuleInputs): void;
  /** Whether the kind reports a sync status to wait for (`?statusInfo=true`). Default true. */
  reportsSyncStatus?: boolean;
  /** What a PUT can change, when it is less than the name, the description and the whole spec. */
  update?: AssetUpdateRule;
  /** Said in the "not managed by this stack" error about what adoption does beyond the usual. */
  adoptionNote?: string;
}

/** The part of an asset a PUT changes; whatever it cannot change replaces the asset. */
export interface AssetUpdateRule {
  /** Spec fields a PUT changes. The other spec fields are fixed at creation. */
  specFields: readonly string[];
  /**
   * The spec the PUT body carries: only the updatable fields (the contract's update schema has no
   * others), the whole spec (the contract requires it although nothing else in it may change), or
   * none (credentials: the body is `{meta: {description}}`).
   */
  bodySpec: "updatable" | "whole" | "none";
  /** False when the name is fixed at creation too (credentials). Default true. */
  rename?: boolean;
}

/** The inputs of an asset resource, as check accepted them. */
export interface AssetInputs {
  meta: AssetMetaInputs;
  spec: Json;
}

/**
 * What a row's rules see: the program's values before the schema has accepted them (its failures are
 * reported with theirs), preview unknowns included; only the spec is known to be an object.
 */
export interface AssetRuleInputs {
  meta?: Json;
  spec: Json;
}

export type AssetMetaInputs = z.infer<typeof InputMeta>;

type AnyAsset = Asset<Json>;

/**
 * Meta as a program writes it. `autoDelete` is for assets a workload creates; a managed asset lives
 * until the stack deletes it. (The fields' descriptions are those of the package schema, the
 * TypeScript argument types and the docs.)
 */
const InputMeta = AssetCreationMeta.omit({ autoDelete: true }).extend({
  name: AssetCreationMeta.shape.name.describe("Asset name; defaults to the Pulumi resource name. Updatable in place."),
  description: AssetCreationMeta.shape.description.describe("1–250 characters. Updatable in place; removing it unsets it."),
  scope: AssetCreationMeta.shape.scope.describe("Where the asset lives. Creation-only: a change replaces the asset."),
  clusterId: AssetCreationMeta.shape.clusterId.describe('Required for scope "cluster". Creation-only.'),
  departmentId: AssetCreationMeta.shape.departmentId.describe('Required for scope "department". Creation-only.'),
  projectId: AssetCreationMeta.shape.projectId.describe('Required for scope "project". Creation-only.'),
  workloadSupportedTypes: AssetCreationMeta.shape.workloadSupportedTypes.describe(
    "The workload types the asset may be used with. Creation-only.",
  ),
});

/** The id field each scope needs (tenant and system have none). */
const SCOPE_ID_FIELD = { project: "projectId", department: "departmentId", cluster: "clusterId" } as const;

/** The id field a scope needs; own keys only, so that a scope named "toString" needs none. */
function scopeIdField(scope: unknown): (typeof SCOPE_ID_FIELD)[keyof typeof SCOPE_ID_FIELD] | undefined {
  return typeof scope === "string" && Object.hasOwn(SCOPE_ID_FIELD, scope)
    ? SCOPE_ID_FIELD[scope as keyof typeof SCOPE_ID_FIELD]
    : undefined;
}

const CREATION_ONLY_META = ["scope", "clusterId", "departmentId", "projectId", "workloadSupportedTypes"];

const ASSET_SYNC: SyncRules<AnyAsset> = {
  statusOf: (asset) => asset.status?.status,
  pending: ["Creating", "Updating"],
  failed: ["Failed", "Issues found"],
  deletionFailed: ["Deletion failed"],
  details(asset) {
    const parts = (asset.status?.issues ?? []).map((i) => `${i.issue} in ${i.scopeType} ${i.scopeId}`);
    if (asset.status?.message) parts.push(asset.status.message);
    return parts.length > 0 ? parts.join("; ") : "no details given";
  },
};

export function assetKind(row: AssetKindRow): ResourceKind<AnyAsset, AssetInputs> {
  const endpoint = (client: RunaiClient) => client.assets(row.contract);
  const reportsSyncStatus = row.reportsSyncStatus ?? true;
  // Kinds without a sync status do not declare the `statusInfo` parameter: send none.
  const readOptions = reportsSyncStatus ? { statusInfo: true } : {};
  const fields = fieldClasses(row);
  const updateBody = (inputs: AssetInputs) => updateBodyOf(row.update, inputs);
  // The server never returns a secret field: the outputs hold the program's (secret) value.
  const secretFields = (row.contract.secretFields ?? []).map((field) => `spec.${field}`);
  return {
    type: row.type,
    label: row.label,
    inputSchema: z.strictObject({
      meta: InputMeta.describe("Name (defaults to the resource name), description, and the creation-only scope fields."),
      spec: row.contract.spec.describe("The kind's spec, updated in place as a whole."),
    }),
    requiredInputs: (row.mandatorySpecFields ?? []).map((field) => `spec.${field}`),
    validate(failures, inputs) {
      checkScope(row, failures, inputs);
      // A spec that is no object (a list, say) has one failure already: "spec: must be an object".
      if (!isObject(inputs.spec)) return;
      checkSpecFields(row, failures, inputs.spec);
      row.validate?.(failures, { meta: isObject(inputs.meta) ? inputs.meta : undefined, spec: inputs.spec });
    },
    references: { scopeRefs: scopeRefsOf },
    ...fields,
    identity: {
      idOf: (asset) => asset.meta.id,
      createdOf: (asset) => ({ by: asset.meta.createdBy, at: asset.meta.createdAt }),
      namePath: "meta.name",
      location: (inputs) => describeScope(inputs.meta),
      // Run:ai answers 409 for a taken name; kind, scope and scope id are the narrowest domain it can mean.
      uniqueKey: (inputs) => assetUniqueKey(row.label, inputs),
    },
    adoption: { note: row.adoptionNote },
    secrets: { inputs: secretFields },
    writeOnlyInputs: secretFields,
    toOutputs: (asset) => ({ meta: asset.meta, spec: asset.spec ?? {}, status: asset.status ?? {}, clusterInfo: asset.clusterInfo }),
    sync: reportsSyncStatus ? ASSET_SYNC : undefined,
    operations: {
      create: (ctx, inputs) => endpoint(ctx.client).create({ meta: creationMeta(inputs.meta), spec: specOf(inputs) }),
      findExisting: (ctx, inputs) => endpoint(ctx.client).findByKey(inputs.meta),
      adopt: (ctx, existing, inputs) => endpoint(ctx.client).update(existing.meta.id, updateBody(inputs)),
      read: (ctx, id) => endpoint(ctx.client).get(id, readOptions),
      readRecent: (ctx, id) => endpoint(ctx.client).getRecent(id, readOptions),
      list: (ctx) => endpoint(ctx.client).list(),
      update: (ctx, id, _olds, news) => endpoint(ctx.client).update(id, updateBody(news)),
      delete: (ctx, id) => endpoint(ctx.client).delete(id),
    },
  };
}

/** Scope rules: "system" is Run:ai's own, the kind's allowed scopes, and the id each scope needs. */
function checkScope(row: AssetKindRow, failures: Failures, inputs: Json): void {
  const meta = inputs.meta;
  if (!isObject(meta) || isUnknown(meta.scope) || typeof meta.scope !== "string") return;
  const scope = meta.scope;
  if (scope === "system") {
    failures.add(["meta", "scope"], '"system" is reserved for Run:ai itself; use "tenant", "cluster", "department" or "project"');
  } else if (row.allowedScopes && isAssetScope(scope) && !row.allowedScopes.includes(scope)) {
    const allowed = row.allowedScopes.map((s) => JSON.stringify(s)).join(" or ");
    failures.add(["meta", "scope"], `must be ${allowed}${row.allowedScopesReason ? ` (${row.allowedScopesReason})` : ""}`);
  }
  const idField = scopeIdField(scope);
  if (idField && (meta[idField] === undefined || meta[idField] === null)) {
    failures.add(["meta", idField], `required when meta.scope is "${scope}"`);
  }
}

/** The project, department and cluster ids the meta names (a narrower scope's asset may name the broader ones too). */
function scopeRefsOf(values: Json): ScopeRef[] {
  const meta = values.meta;
  if (!isObject(meta)) return [];
  return Object.entries(SCOPE_ID_FIELD)
    .filter(([, field]) => meta[field] !== undefined && meta[field] !== null)
    .map(([type, field]) => ({ path: ["meta", field], type: type as ScopeRef["type"], id: meta[field] }));
}

function checkSpecFields(row: AssetKindRow, failures: Failures, spec: Json): void {
  for (const field of row.mandatorySpecFields ?? []) {
    if (spec[field] === undefined || spec[field] === null) failures.add(["spec", field], "is required");
  }
  for (const field of row.absolutePathFields ?? []) {
    const value = spec[field];
    if (typeof value === "string" && value.length > 0 && !value.startsWith("/")) {
      failures.add(["spec", field], `must be an absolute path (start with "/"), got "${value}"`);
    }
  }
}

function specOf(inputs: AssetInputs): Json {
  return stripNulls(inputs.spec ?? {});
}

function creationMeta(meta: AssetMetaInputs) {
  return stripNulls({
    name: meta.name,
    description: meta.description,
    scope: meta.scope,
    clusterId: meta.clusterId,
    departmentId: meta.departmentId,
    projectId: meta.projectId,
    workloadSupportedTypes: meta.workloadSupportedTypes,
  });
}

/** Which fields update in place and which replace the asset, from the row's update rule. */
function fieldClasses(row: AssetKindRow): Pick<ResourceKind<AnyAsset, AssetInputs>, "updatable" | "creationOnly"> {
  const creationOnlyMeta = CREATION_ONLY_META.map((field) => ({ path: `meta.${field}` }));
  const specDefault = (field: string) => row.specDefaults?.[field];
  if (!row.update) {
    return {
      updatable: [{ path: "meta.name" }, { path: "meta.description" }, { path: "spec", defaults: row.specDefaults }],
      creationOnly: creationOnlyMeta,
    };
  }
  const { specFields, rename = true } = row.update;
  const fixedSpecFields = specFieldsOf(row.contract).filter((field) => !specFields.includes(field));
  return {
    updatable: [
      ...(rename ? [{ path: "meta.name" }] : []),
      { path: "meta.description" },
      ...specFields.map((field) => ({ path: `spec.${field}`, defaults: specDefault(field) })),
    ],
    creationOnly: [
      ...(rename ? [] : [{ path: "meta.name" }]),
      ...creationOnlyMeta,
      ...fixedSpecFields.map((field) => ({ path: `spec.${field}`, defaults: specDefault(field) })),
    ],
  };
}

/** The top-level fields of a kind's spec schema (a zod object). */
function specFieldsOf(contract: AssetContract): string[] {
  const shape = (contract.spec as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) throw new Error(`the spec schema of ${contract.kind} assets is not an object: an update rule needs its fields`);
  return Object.keys(shape);
}

// By default a PUT carries name, description and the whole spec; `description: null` unsets a removed one.
function updateBodyOf(rule: AssetUpdateRule | undefined, inputs: AssetInputs) {
  const { meta } = inputs;
  const description = meta.description ?? null;
  if (!rule) return { meta: { name: meta.name, description }, spec: specOf(inputs) };
  const updatedMeta = rule.rename === false ? { description } : { name: meta.name, description };
  if (rule.bodySpec === "none") return { meta: updatedMeta };
  const spec = specOf(inputs);
  if (rule.bodySpec === "whole") return { meta: updatedMeta, spec };
  return { meta: updatedMeta, spec: Object.fromEntries(rule.specFields.filter((f) => f in spec).map((f) => [f, spec[f]])) };
}

/** "project 1001", "department 3", "cluster 7a1f…", "the tenant". */
function describeScope(meta: AssetMetaInputs): string {
  const idField = scopeIdField(meta.scope);
  return idField ? `${meta.scope} ${meta[idField]}` : "the tenant";
}

function isAssetScope(value: string): value is AssetScope {
  return (ASSET_SCOPES as readonly string[]).includes(value);
}

/** An asset's kind (the provider's), scope, scope id and name. */
function assetUniqueKey(label: string, inputs: Json): UniqueKey | undefined {
  const scope = isObject(inputs.meta) ? inputs.meta.scope : undefined;
  const idField = scopeIdField(scope);
  const parts = [["meta", "scope"], ...(idField ? [["meta", idField]] : []), ["meta", "name"]];
  return uniqueKeyOf(inputs, parts, ["meta", "name"], `${label} names are unique in their scope`);
}
