// Environment assets: the container a workload runs (image, tools and their ports, security
// context, probes, environment variables). The schema checks each field; the rules below are the
// contract's cross-field rules, which only prose states (api/runai-2.22.openapi.json descriptions).
import { isKnown, isObject, isSet, type Failures, type Path } from "../validation";
import type { AssetRuleInputs } from "./asset";

type Json = Record<string, unknown>;

/**
 * What the server assumes when a field is left out, in the shape of the spec (a default under
 * `connections` applies to every connection). The first four are the contract's `default:` values;
 * the others are defaults its descriptions state ("Defaults to false", "defaults to /", …). A field
 * equal to its default means the same as an absent one, so neither side shows as a change.
 */
export const ENVIRONMENT_SPEC_DEFAULTS = {
  overrideUidGidInWorkspace: false,
  connections: {
    isExternal: false,
    internalToolInfo: {
      nodePortInfo: { isCustomPort: false },
      externalUrlInfo: { isCustomUrl: false },
    },
  },
  uidGidSource: "fromTheImage",
  hostIpc: false,
  hostNetwork: false,
  probes: { readiness: { handler: { httpGet: { path: "/", scheme: "HTTP" } } } },
} as const;

/** The ways an environment variable gets its value; the contract makes them mutually exclusive. */
const VALUE_SOURCES = ["value", "credential", "configMap", "podFieldRef"] as const;
/** Parts of a value source the contract marks "(mandatory)". */
const MANDATORY_SOURCE_FIELDS: Record<string, readonly string[]> = {
  credential: ["assetId", "key"],
  configMap: ["name", "key"],
  podFieldRef: ["path"],
};
/** ContainerNonInferenceNonOverridable + NonInferenceSecurityNonOverridable: "not allowed for Inference containers". */
const NON_INFERENCE_FIELDS = ["tty", "stdin", "allowPrivilegeEscalation", "hostIpc", "hostNetwork"] as const;
/** CommonSecurityOverridable: "Use only when the source uid/gid of the environment asset is not `fromTheImage`". */
const CUSTOM_IDENTITY_FIELDS = ["runAsUid", "runAsGid", "supplementalGroups"] as const;
/** "Comma separated list of groups", e.g. "2,3,5,8". */
const SUPPLEMENTAL_GROUPS_PATTERN = /^\s*\d+\s*(,\s*\d+\s*)*$/;

/** The contract's cross-field rules for an environment's spec. */
export function validateEnvironmentSpec(failures: Failures, inputs: AssetRuleInputs): void {
  const spec = inputs.spec;
  validateEnvironmentVariables(failures, spec.environmentVariables);
  validateConnections(failures, spec.connections);
  validateProbes(failures, spec.probes);
  validateContainer(failures, spec, inputs);
}

// A rule must never fire on a value that is still unknown (preview): it may turn out fine. The
// Failures collector already skips failures whose own path is unknown; these guard the conditions.
const known = isKnown;

function validateEnvironmentVariables(failures: Failures, variables: unknown): void {
  if (!Array.isArray(variables)) return;
  variables.forEach((variable, index) => {
    if (!isObject(variable)) return;
    const path: Path = ["spec", "environmentVariables", index];
    if (!isSet(variable.name)) failures.add([...path, "name"], "is required");

    const sources = VALUE_SOURCES.filter((source) => isSet(variable[source]));
    if (sources.length > 1) {
      failures.add(
        path,
        `has ${sources.length} value sources (${sources.join(", ")}); set exactly one of value, credential, configMap or podFieldRef`,
      );
    } else if (sources.length === 0 && variable.exclude !== true) {
      // An excluded variable only removes a policy default, so it needs no value.
      failures.add(path, "has no value source; set exactly one of value, credential, configMap or podFieldRef (or exclude: true)");
    }
    for (const [source, fields] of Object.entries(MANDATORY_SOURCE_FIELDS)) {
      const reference = variable[source];
      if (!isObject(reference)) continue;
      for (const field of fields) if (!isSet(reference[field])) failures.add([...path, source, field], "is required");
    }
  });
  reportDuplicateNames(failures, variables, ["spec", "environmentVariables"]);
}

function validateConnections(failures: Failures, connections: unknown): void {
  if (!Array.isArray(connections)) return;
  connections.forEach((connection, index) => {
    if (!isObject(connection) || !known(connection.isExternal)) return;
    const path: Path = ["spec", "connections", index];
    const internal = connection.internalToolInfo;
    const external = connection.externalToolInfo;
    if (connection.isExternal === true) {
      if (!isSet(external)) failures.add([...path, "externalToolInfo"], "required when isExternal is true");
      if (isSet(internal))
        failures.add(
          [...path, "internalToolInfo"],
          "must not be set when isExternal is true (an external tool runs outside the container)",
        );
    } else if (connection.isExternal === undefined || connection.isExternal === false) {
      if (!isSet(internal)) failures.add([...path, "internalToolInfo"], "required when isExternal is false (the default)");
      if (isSet(external))
        failures.add(
          [...path, "externalToolInfo"],
          "must not be set when isExternal is false (the default); set isExternal: true for an external tool",
        );
      if (isObject(internal)) validateInternalTool(failures, [...path, "internalToolInfo"], internal);
    }
  });
  reportDuplicateNames(failures, connections, ["spec", "connections"]);
}

function validateInternalTool(failures: Failures, path: Path, tool: Json): void {
  const connectionType = tool.connectionType;
  if (typeof connectionType !== "string" || !known(connectionType)) return;
  if (connectionType === "ServingPort" && !isSet(tool.servingPortInfo)) {
    failures.add([...path, "servingPortInfo"], 'required when connectionType is "ServingPort"');
  }
  // ExternalUrlInfo.externalUrl: "Should be specified for ExternalUrl only."
  if (connectionType !== "ExternalUrl" && isObject(tool.externalUrlInfo) && isSet(tool.externalUrlInfo.externalUrl)) {
    failures.add(
      [...path, "externalUrlInfo", "externalUrl"],
      `only applies when connectionType is "ExternalUrl" (it is "${connectionType}")`,
    );
  }
}

function validateProbes(failures: Failures, probes: unknown): void {
  if (!isObject(probes) || !isObject(probes.readiness)) return;
  // ProbeHandler: "The action taken to determine the health of the container. (mandatory)"
  if (!isSet(probes.readiness.handler))
    failures.add(["spec", "probes", "readiness", "handler"], "is required (the action that probes the container)");
}

function validateContainer(failures: Failures, spec: Json, inputs: AssetRuleInputs): void {
  if (spec.tty === true && spec.stdin !== true && known(spec.stdin)) failures.add(["spec", "tty"], "requires spec.stdin to be true");

  if (spec.seccompProfileType === "Localhost") {
    failures.add(["spec", "seccompProfileType"], '"Localhost" is not supported by Run:ai yet; use "RuntimeDefault" or "Unconfined"');
  }

  if (
    typeof spec.supplementalGroups === "string" &&
    spec.supplementalGroups !== "" &&
    !SUPPLEMENTAL_GROUPS_PATTERN.test(spec.supplementalGroups)
  ) {
    failures.add(
      ["spec", "supplementalGroups"],
      `must be a comma-separated list of group ids, e.g. "2,3,5,8" (got "${spec.supplementalGroups}")`,
    );
  }

  const uidGidSource = spec.uidGidSource ?? ENVIRONMENT_SPEC_DEFAULTS.uidGidSource;
  if (known(uidGidSource)) {
    for (const field of CUSTOM_IDENTITY_FIELDS) {
      // "" reverts to the image's groups, which is what fromTheImage does anyway.
      if (!isSet(spec[field]) || spec[field] === "") continue;
      if (uidGidSource === "fromTheImage") {
        failures.add(
          ["spec", field],
          'applies only when spec.uidGidSource is not "fromTheImage" (the default); set uidGidSource: "custom"',
        );
      }
    }
    // "This is relevant only for custom uidGidSource."
    if (spec.overrideUidGidInWorkspace === true && uidGidSource !== "custom") {
      failures.add(
        ["spec", "overrideUidGidInWorkspace"],
        `applies only when spec.uidGidSource is "custom" (it is "${String(uidGidSource)}")`,
      );
    }
  }

  const workloadTypes = inputs.meta?.workloadSupportedTypes;
  if (isObject(workloadTypes) && workloadTypes.inference === true) {
    for (const field of NON_INFERENCE_FIELDS) {
      if (isSet(spec[field])) {
        failures.add(
          ["spec", field],
          "not allowed when meta.workloadSupportedTypes.inference is true (the contract forbids it for inference containers)",
        );
      }
    }
  }
}

/** Flags every repeat of a `name` within a list: workloads refer to these entries by name. */
function reportDuplicateNames(failures: Failures, items: unknown[], listPath: Path): void {
  const counts = new Map<string, number>();
  const named = items.map((item) => (isObject(item) && typeof item.name === "string" && known(item.name) ? item.name : undefined));
  for (const name of named) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  const seen = new Set<string>();
  named.forEach((name, index) => {
    if (name === undefined) return;
    if (seen.has(name)) {
      const count = counts.get(name) ?? 0;
      failures.add([...listPath, index, "name"], `"${name}" is used ${count === 2 ? "twice" : `${count} times`}; names must be unique`);
    }
    seen.add(name);
  });
}
