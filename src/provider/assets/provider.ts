// The generic asset provider: check, diff and CRUD for every `/api/v1/asset/<kind>` resource,
// parameterised by an AssetDescriptor.
//
// Drift works because the outputs carry the user-owned fields (meta.name, meta.description, the
// creation-only meta fields and the spec) in the same shape as the inputs: refresh calls `read`, then
// `diff(refreshedOutputs, programInputs)`, which compares only those fields.
import type * as pulumi from "@pulumi/pulumi";
import { RunaiConflictError, RunaiNotFoundError } from "../../client";
import { ASSET_SCOPES, AssetCreationMeta } from "../../schemas";
import type { AssetScope } from "../../schemas";
import { clientFor } from "../client-cache";
import { resolveSettings } from "../config";
import { resourceInitFailed } from "../init-failure";
import { deepEqual, stripDefaults, stripNulls } from "../normalize";
import { waitForDeletion, waitForSync } from "./sync";
import { containsUnknown, Failures, isUnknown } from "../validation";
import type { AssetDescriptor, AssetInputs, AssetMetaInputs, GenericAssetEndpoint } from "./descriptor";

type Asset = Awaited<ReturnType<GenericAssetEndpoint["get"]>>;

/** Fields fixed at creation: a change replaces the asset. */
export const CREATION_ONLY_META = ["scope", "clusterId", "departmentId", "projectId", "workloadSupportedTypes"] as const;
/** Fields a PUT can change in place. */
export const UPDATABLE_META = ["name", "description"] as const;

const InputMeta = AssetCreationMeta.omit({ autoDelete: true });
const SCOPE_ID_FOR: Partial<Record<string, keyof AssetMetaInputs>> = {
  project: "projectId",
  department: "departmentId",
  cluster: "clusterId",
};

export function assetProvider(descriptor: AssetDescriptor): pulumi.dynamic.ResourceProvider {
  return {
    async check(_olds: unknown, news: Record<string, unknown>) {
      return { inputs: news, failures: checkAsset(descriptor, news) };
    },

    async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
      return diffAsset(descriptor, olds as never, news as never);
    },

    async create(inputs: AssetInputs & Record<string, unknown>) {
      const settings = resolveSettings();
      const endpoint = descriptor.endpoint(clientFor(settings.client));
      const asset = await createOrAdopt(descriptor, endpoint, inputs);
      const id = asset.meta.id;
      try {
        const settled = settings.waitForSync ? await waitForSync(descriptor, endpoint, asset, settings.timeoutSeconds) : asset;
        return { id, outs: toOutputs(settled, inputs) };
      } catch (err) {
        // The asset exists: keep it in state (with the error) rather than orphaning it.
        throw resourceInitFailed(err, id, toOutputs(asset, inputs), inputs.__provider);
      }
    },

    async read(id: string, props: Record<string, unknown>) {
      const endpoint = descriptor.endpoint(clientFor(resolveSettings().client));
      try {
        const asset = await endpoint.get(id, { statusInfo: true });
        return { id, props: toOutputs(asset, props as never) };
      } catch (err) {
        if (err instanceof RunaiNotFoundError) return {}; // gone: refresh drops it from state
        throw err;
      }
    },

    async update(id: string, _olds: unknown, news: AssetInputs & Record<string, unknown>) {
      const settings = resolveSettings();
      const endpoint = descriptor.endpoint(clientFor(settings.client));
      const asset = await endpoint.update(id, updateBody(news));
      const settled = settings.waitForSync ? await waitForSync(descriptor, endpoint, asset, settings.timeoutSeconds) : asset;
      return { outs: toOutputs(settled, news) };
    },

    async delete(id: string, props: Record<string, unknown>) {
      const settings = resolveSettings();
      const endpoint = descriptor.endpoint(clientFor(settings.client));
      try {
        await endpoint.delete(id);
      } catch (err) {
        if (err instanceof RunaiNotFoundError) return; // already gone is what we wanted
        throw err;
      }
      if (settings.waitForSync) await waitForDeletion(descriptor, endpoint, id, nameOf(props), settings.timeoutSeconds);
    },
  };
}

export function checkAsset(descriptor: AssetDescriptor, news: Record<string, unknown>) {
  const failures = new Failures(news);
  failures.addSchemaIssues(InputMeta, ["meta"]);
  failures.addSchemaIssues(descriptor.specSchema, ["spec"]);
  if (news.adoptExisting !== undefined && typeof news.adoptExisting !== "boolean") {
    failures.add(["adoptExisting"], "must be true or false");
  }
  const meta = news.meta as Partial<AssetMetaInputs> | undefined;
  if (meta && typeof meta === "object" && !isUnknown(meta.scope) && typeof meta.scope === "string") {
    if (meta.scope === "system") {
      failures.add(["meta", "scope"], '"system" is reserved for Run:ai itself; use "tenant", "cluster", "department" or "project"');
    } else if (descriptor.allowedScopes && isAssetScope(meta.scope) && !descriptor.allowedScopes.includes(meta.scope)) {
      const allowed = descriptor.allowedScopes.map((s) => JSON.stringify(s)).join(" or ");
      failures.add(["meta", "scope"], `must be ${allowed}${descriptor.allowedScopesReason ? ` (${descriptor.allowedScopesReason})` : ""}`);
    }
    const scopeId = SCOPE_ID_FOR[meta.scope];
    if (scopeId && (meta[scopeId] === undefined || meta[scopeId] === null)) {
      failures.add(["meta", scopeId], `required when meta.scope is "${meta.scope}"`);
    }
  }
  if (news.spec && typeof news.spec === "object") descriptor.validate?.(failures, news as unknown as AssetInputs);
  return failures.list;
}

/** Compares only user-owned fields; an unknown (preview) value counts as a change. */
export function diffAsset(descriptor: AssetDescriptor, olds: Partial<AssetInputs>, news: Partial<AssetInputs>) {
  const oldMeta = (olds.meta ?? {}) as Record<string, unknown>;
  const newMeta = (news.meta ?? {}) as Record<string, unknown>;
  const differs = (a: unknown, b: unknown, canonical: (v: unknown) => unknown = canonicalMeta) =>
    containsUnknown(b) || !deepEqual(canonical(a), canonical(b));

  const replaced = CREATION_ONLY_META.filter((field) => differs(oldMeta[field], newMeta[field]));
  const updated: string[] = UPDATABLE_META.filter((field) => differs(oldMeta[field], newMeta[field])).map((f) => `meta.${f}`);
  const canonicalSpec = (spec: unknown) => stripDefaults(stripNulls(spec ?? {}), descriptor.specDefaults ?? {});
  if (differs(olds.spec, news.spec, canonicalSpec)) updated.push("spec");

  const nameUnchanged = !isUnknown(newMeta.name) && oldMeta.name === newMeta.name;
  return {
    changes: replaced.length > 0 || updated.length > 0,
    replaces: replaced.length > 0 ? ["meta"] : [],
    // Names are unique per scope: the old asset must go before a same-named new one can be created.
    deleteBeforeReplace: replaced.length > 0 && nameUnchanged,
  };
}

// `null`, a missing key and an empty object all mean "not set".
function canonicalMeta(value: unknown): unknown {
  if (value === null) return undefined;
  const stripped = stripNulls(value);
  if (stripped && typeof stripped === "object" && !Array.isArray(stripped) && Object.keys(stripped).length === 0) return undefined;
  return stripped;
}

async function createOrAdopt(descriptor: AssetDescriptor, endpoint: GenericAssetEndpoint, inputs: AssetInputs) {
  const meta = inputs.meta;
  try {
    return await endpoint.create({ meta: creationMeta(meta), spec: stripNulls(inputs.spec ?? {}) });
  } catch (err) {
    if (!(err instanceof RunaiConflictError)) throw err;
    const existing = await endpoint.findByKey(meta);
    if (!existing) throw err;
    if (!inputs.adoptExisting) {
      throw new Error(
        `${descriptor.label} "${meta.name}" already exists in ${describeScope(meta)} (id ${existing.meta.id}) and is not managed by this stack. ` +
          "Set adoptExisting: true to take it over with this program's values, or choose another meta.name.",
      );
    }
    return endpoint.update(existing.meta.id, updateBody(inputs));
  }
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

// PUT carries name, description and the whole spec; `description: null` unsets a removed one.
function updateBody(inputs: AssetInputs) {
  return {
    meta: { name: inputs.meta.name, description: inputs.meta.description ?? null },
    spec: stripNulls(inputs.spec ?? {}),
  };
}

function nameOf(props: Record<string, unknown>): string {
  return String((props.meta as Record<string, unknown> | undefined)?.name ?? "");
}

/** The resource outputs: server state in the input shape, plus the read-only fields and sync status. */
export function toOutputs(asset: Asset, carried: Partial<AssetInputs>): Record<string, unknown> {
  const outs: Record<string, unknown> = {
    meta: stripNulls(asset.meta),
    spec: stripNulls(asset.spec ?? {}),
    status: stripNulls(asset.status ?? {}),
  };
  if (typeof carried.adoptExisting === "boolean") outs.adoptExisting = carried.adoptExisting;
  return JSON.parse(JSON.stringify(outs)) as Record<string, unknown>;
}

/** "project 1001", "department 3", "cluster 7a1f…", "the tenant". */
function describeScope(meta: AssetMetaInputs): string {
  switch (meta.scope) {
    case "project":
      return `project ${meta.projectId}`;
    case "department":
      return `department ${meta.departmentId}`;
    case "cluster":
      return `cluster ${meta.clusterId}`;
    default:
      return "the tenant";
  }
}

function isAssetScope(value: string): value is AssetScope {
  return (ASSET_SCOPES as readonly string[]).includes(value);
}
