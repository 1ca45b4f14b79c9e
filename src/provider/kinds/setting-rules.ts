// What the two setting kinds share: they are singletons that exist before any stack, so the id is the
// key, creating the resource sets the value and records the one it replaced (`previousValue`), and
// deleting it puts that value back unless `restoreOnDelete` is false. Nothing is ever created or
// deleted in Run:ai, so there is nothing to adopt and nothing to wait for.
import { isDeepStrictEqual } from "node:util";
import type { FieldRule, Json } from "../kind";
import { uniqueKeyOf } from "../unique-claims";
import { warn } from "../warnings";

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

/**
 * The create found the program's value in place already. Usually the tenant had it; but when an
 * interrupted `pulumi up` set it (Run:ai took the value, the engine never saved the resource), the
 * value from before that run is known nowhere any more: the engine keeps no output of an
 * interrupted create, and Run:ai no history. Saying so is all a provider can do.
 */
export function warnWhenAlreadySet(description: string, previousValue: unknown, value: unknown): void {
  if (!isDeepStrictEqual(previousValue, value)) return;
  warn(
    `${description} already held this program's value ${JSON.stringify(value)} when the resource was created, so destroy ` +
      "leaves that value. If an interrupted `pulumi up` of this stack set it, the value from before that run is not known: " +
      "after destroy, set the one you want by hand.",
  );
}
