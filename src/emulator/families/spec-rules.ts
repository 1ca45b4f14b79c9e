// The spec rules of the kind table that the schemas cannot express (every field is optional there):
// mandatory fields, the PVC claim rule and the credentials' existingSecretName-or-values rule; and
// what a credential keeps of its spec (never the secret values). Each rule appends its problems, so
// a 400 names all of them at once.
import type { AssetKind } from "./kinds";
import { isSet } from "./scopes";
import type { JsonObject } from "../types";

/** The id reported as `spec.keyId` by credentials (EncryptionKeyId): the emulator has one key. */
export const ENCRYPTION_KEY_ID = 1;

const asObject = (value: unknown): JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};

/** The fields the documentation calls mandatory: `spec.<field>: is required`. */
export function checkMandatory(kind: AssetKind, spec: unknown, problems: string[]): void {
  const fields = asObject(spec);
  for (const field of kind.mandatorySpecFields) if (!isSet(fields[field])) problems.push(`spec.${field}: is required`);
}

/** The rules that apply to a whole spec (create, and PUTs that replace the spec). */
export function checkSpecRules(kind: AssetKind, spec: unknown, problems: string[]): void {
  const fields = asObject(spec);
  if (kind.pvcClaimRules) checkPvcClaim(fields, problems);
  if (kind.credential) checkCredentialValues(kind.credential.valueFields, fields, problems);
}

function checkPvcClaim(spec: JsonObject, problems: string[]): void {
  if (spec.existingPvc === true) {
    if (isSet(spec.claimInfo)) problems.push("spec.claimInfo: must not be set when spec.existingPvc is true");
  } else if (!isSet(asObject(spec.claimInfo).size)) {
    problems.push("spec.claimInfo.size: is required when spec.existingPvc is not true");
  }
}

/** "keyValuePairs[].key" → {field: "keyValuePairs", item: "key"}; "user" → {field: "user"}. */
function parseFieldPath(path: string): { field: string; item?: string } {
  const at = path.indexOf("[].");
  return at === -1 ? { field: path } : { field: path.slice(0, at), item: path.slice(at + 3) };
}

/** Top-level fields of `paths`, in order of first appearance, each with its per-item fields. */
function groupByField(paths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const { field, item } = parseFieldPath(path);
    const items = groups.get(field) ?? [];
    if (item) items.push(item);
    groups.set(field, items);
  }
  return groups;
}

function checkCredentialValues(valueFields: readonly string[], spec: JsonObject, problems: string[]): void {
  const groups = groupByField(valueFields);
  if (isSet(spec.existingSecretName)) {
    const present = [...groups.keys()].filter((field) => isSet(spec[field]));
    if (present.length) {
      problems.push(`spec.existingSecretName: must not be set together with ${present.map((f) => `spec.${f}`).join(", ")}`);
    }
    return;
  }
  const unlessSecret = "when spec.existingSecretName is not set";
  for (const [field, itemFields] of groups) {
    const value = spec[field];
    if (!isSet(value)) {
      problems.push(`spec.${field}: is required ${unlessSecret}`);
    } else if (itemFields.length && Array.isArray(value)) {
      if (value.length === 0) problems.push(`spec.${field}: must have at least one item ${unlessSecret}`);
      value.forEach((entry, i) => {
        const item = asObject(entry);
        for (const itemField of itemFields) if (!isSet(item[itemField])) problems.push(`spec.${field}[${i}].${itemField}: is required`);
      });
    }
  }
}

/**
 * The spec a credential keeps: every secret field set to null (whether sent or not) and the
 * encryption key id added. The values themselves are dropped: nothing in the emulator needs them back.
 */
export function storedCredentialSpec(kind: AssetKind, spec: unknown): JsonObject {
  const stored: JsonObject = { ...asObject(spec) };
  for (const path of kind.credential?.secretFields ?? []) {
    const { field, item } = parseFieldPath(path);
    if (!item) {
      stored[field] = null;
    } else if (Array.isArray(stored[field])) {
      stored[field] = (stored[field] as unknown[]).map((entry) =>
        entry !== null && typeof entry === "object" ? { ...(entry as JsonObject), [item]: null } : entry,
      );
    }
  }
  stored.keyId = ENCRYPTION_KEY_ID;
  return stored;
}

/** A Kubernetes object name (RFC 1123 label) made from an asset name. */
export function kubernetesName(name: string, maxLength = 63): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, "");
  return cleaned || "asset";
}

/** The name of the Kubernetes object an asset creates (`clusterInfo.resources[0].name`). */
export function clusterResourceName(kind: AssetKind, name: string, id: string, spec: unknown): string | undefined {
  switch (kind.clusterResource) {
    case "secret":
      return kubernetesName(name);
    case "pvc": {
      const claimName = asObject(spec).claimName;
      // Generated like the workload-created claims: a prefix, the asset name and a short unique suffix.
      return typeof claimName === "string" ? claimName : `pvc-${kubernetesName(name, 49)}-${id.slice(0, 8)}`;
    }
    default:
      return undefined;
  }
}
