// `diff` for every kind, by field class: a creation-only field that differs replaces the object, an
// updatable one updates it in place, anything else (server-owned fields, sync status) is ignored.
// Refresh calls it as diff(refreshedOutputs, programInputs): outputs carry the user-owned fields in
// the input shape, so the same comparison reports drift.
import type * as pulumi from "@pulumi/pulumi";
import type { FieldRule, Json, ResourceKind } from "./kind";
import { deepEqual, stripDefaults, stripNulls } from "./normalize";
import { isUnknown, isUnknownAt, valueAt } from "./validation";

/** The paths of the updatable fields whose values differ; an unknown (preview) value counts as a change. */
export function changedFields<T, I extends object>(kind: ResourceKind<T, I>, olds: Json, news: Json): Set<string> {
  return new Set(kind.updatable.filter((rule) => differs(rule, olds, news)).map((rule) => rule.path));
}

export function diffInputs<T, I extends object>(kind: ResourceKind<T, I>, olds: Json, news: Json): pulumi.dynamic.DiffResult {
  const replaced = kind.creationOnly.filter((rule) => differs(rule, olds, news));
  const updated = changedFields(kind, olds, news);
  const { namePath } = kind.identity;
  const oldName = namePath ? at(olds, namePath) : undefined;
  const newName = namePath ? at(news, namePath) : undefined;
  return {
    changes: replaced.length > 0 || updated.size > 0,
    replaces: [...new Set(replaced.map((rule) => rule.path.split(".")[0]))],
    // Names are unique where the object lives: a same-named replacement can only be created once the
    // old object is gone. With a new name, the new object is created first (nothing is ever missing).
    deleteBeforeReplace: replaced.length > 0 && namePath !== undefined && !isUnknown(newName) && oldName === newName,
  };
}

function differs(rule: FieldRule, olds: Json, news: Json): boolean {
  const wanted = at(news, rule.path);
  // An unknown anywhere on the way counts too: the engine asks whether a dependent of an object that
  // is replaced must be replaced with it by passing the dependent's whole input as unknown.
  if (isUnknownAt(news, rule.path.split("."))) return true;
  if (rule.onlyWhenSet && (wanted === undefined || wanted === null)) return false;
  const held = at(olds, rule.path);
  if (rule.keyedBy && Array.isArray(wanted)) {
    return keyedListDiffers(held, wanted, rule.keyedBy, rule.defaults) || droppedKey(olds, rule, wanted, rule.keyedBy);
  }
  return !deepEqual(canonical(held, rule.defaults), canonical(wanted, rule.defaults));
}

/** Whether an element the program lists is missing from `held` or differs from the held one with its key. */
function keyedListDiffers(held: unknown, wanted: unknown[], keyPath: string, defaults: unknown): boolean {
  const keyOf = (element: unknown) => JSON.stringify(valueAt(element, keyPath.split(".")) ?? null);
  const heldByKey = new Map((Array.isArray(held) ? held : []).map((element) => [keyOf(element), element]));
  return wanted.some((element) => {
    const previous = heldByKey.get(keyOf(element));
    return previous === undefined || !deepEqual(canonical(previous, defaults), canonical(element, defaults));
  });
}

/** Whether the program listed, at its last write, a key it no longer lists (see FieldRule.listedKeysIn). */
function droppedKey(olds: Json, rule: FieldRule, wanted: unknown[], keyPath: string): boolean {
  const listed = rule.listedKeysIn ? olds[rule.listedKeysIn] : undefined;
  if (!Array.isArray(listed)) return false;
  const keys = new Set(wanted.map((element) => valueAt(element, keyPath.split("."))));
  return listed.some((key) => !keys.has(key));
}

/**
 * One form per meaning: `null`, a missing key, an empty object or list and a server default all
 * read as "not set".
 */
function canonical(value: unknown, defaults: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object") return defaults !== undefined && value === defaults ? undefined : value;
  const stripped = stripDefaults(stripNulls(value), defaults);
  if (stripped && typeof stripped === "object" && Object.keys(stripped).length === 0) return undefined;
  return stripped;
}

function at(root: Json, path: string): unknown {
  return valueAt(root, path.split("."));
}
