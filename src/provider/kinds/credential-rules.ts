// Credential assets: either the values or the name of an existing Kubernetes secret that holds them,
// never both (the contract's descriptions; runapy checks the same on the client). No message here
// ever quotes a value: credentials carry secrets.
import type { Failures } from "../validation";
import { isKnown, isObject, isSet } from "../validation";
import type { AssetRuleInputs } from "./asset";
import { KUBERNETES_NAME, reportDuplicateKeys } from "./datasource-rules";

/** A key of a Kubernetes secret's data. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** The rule of a credential kind whose values are the given spec fields (all needed without an existing secret). */
export function credentialRule(valueFields: readonly string[]) {
  return (failures: Failures, inputs: AssetRuleInputs): void => {
    const spec = inputs.spec;
    const existing = spec.existingSecretName;
    if (typeof existing === "string" && isKnown(existing) && existing !== "" && !KUBERNETES_NAME.test(existing)) {
      failures.add(
        ["spec", "existingSecretName"],
        'must be a Kubernetes secret name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
      );
    }
    if (!isKnown(existing)) return;
    const given = valueFields.filter((field) => isSet(spec[field]));
    if (isSet(existing)) {
      if (given.length > 0) {
        const listed = given.map((field) => `spec.${field}`).join(", ");
        failures.add(
          ["spec", "existingSecretName"],
          `must not be set together with ${listed}: take the values either from an existing Kubernetes secret or from the program`,
        );
      }
      return;
    }
    for (const field of valueFields) {
      if (!given.includes(field)) failures.add(["spec", field], "is required unless spec.existingSecretName is set");
    }
  };
}

/** Generic secrets: key/value pairs (each with both), keys usable as Kubernetes secret keys, each once. */
export function validateGenericSecret(failures: Failures, inputs: AssetRuleInputs): void {
  credentialRule(["keyValuePairs"])(failures, inputs);
  const pairs = inputs.spec.keyValuePairs;
  if (!Array.isArray(pairs)) return;
  if (pairs.length === 0 && !isSet(inputs.spec.existingSecretName)) {
    failures.add(["spec", "keyValuePairs"], "must hold at least one pair unless spec.existingSecretName is set");
  }
  pairs.forEach((pair, index) => {
    if (!isObject(pair)) return;
    const path = ["spec", "keyValuePairs", index];
    if (!isSet(pair.key)) failures.add([...path, "key"], "is required");
    else if (typeof pair.key === "string" && isKnown(pair.key) && !SECRET_KEY.test(pair.key)) {
      failures.add([...path, "key"], 'must consist of letters, digits, "-", "_" and "." (a Kubernetes secret key)');
    }
    if (!isSet(pair.value)) failures.add([...path, "value"], "is required");
  });
  reportDuplicateKeys(failures, pairs, ["spec", "keyValuePairs"]);
}
