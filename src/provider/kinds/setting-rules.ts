// What the two setting kinds share: they are singletons that exist before any stack, so the id is the
// key, creating the resource sets the value and records the one it replaced (`previousValue`), and
// deleting it puts that value back unless `restoreOnDelete` is false. Nothing is ever created or
// deleted in Run:ai, so there is nothing to adopt and nothing to wait for.
import type { FieldRule, Json } from "../kind";
import { uniqueKeyOf } from "../unique-claims";

/** The fields both kinds update in place; the key is fixed (a change replaces: the old key gets its value back). */
export const SETTING_UPDATABLE: readonly FieldRule[] = [{ path: "value" }, { path: "restoreOnDelete", defaults: true }];
export const SETTING_CREATION_ONLY: readonly FieldRule[] = [{ path: "key" }];

/** One resource per key: two would each record the other's value as the one to put back. */
export const settingUniqueKey = (label: string) => (inputs: Json) =>
  uniqueKeyOf(inputs, [["key"]], ["key"], `${label} has one value: one resource per key`);

/** The value to put back when the resource is deleted, or undefined to leave the current one. */
export function valueToRestore<V>(outputs: { restoreOnDelete?: boolean; previousValue?: V }): V | undefined {
  if (outputs.restoreOnDelete === false) return undefined;
  return outputs.previousValue;
}

/** "a", "b" and "c" for messages; "none" for an empty list. */
export const quotedList = (values: readonly string[]): string => (values.length ? values.map((v) => `"${v}"`).join(", ") : "none");
