// EnvironmentAsset's input rules (the part of check that needs no control plane: the provider's
// check runs them after the settings and credentials) and diff through the provider registry, with
// the exact reasons a user reads in `pulumi preview`.
import { providerFor } from "../../src/provider";
import { checkInputs } from "../../src/provider/check";
import { kindFor } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";
import { CAPABILITIES } from "../../src/schemas";
import { CREDENTIAL_ID, fullEnvironmentSpec } from "../fixtures/environment";
import { ENVIRONMENT_BAD_INPUTS } from "../fixtures/environment-bad-inputs";

const provider = providerFor("EnvironmentAsset");
const META = { name: "env", scope: "project", projectId: 1001 };

async function reasonsFor(inputs: Record<string, unknown>): Promise<string[]> {
  const result = checkInputs(kindFor("EnvironmentAsset"), { meta: META, ...inputs });
  return (result.failures ?? []).map((failure) => failure.reason);
}

const jupyter = (port: number) => ({
  name: "jupyter",
  internalToolInfo: { toolType: "jupyter-notebook", connectionType: "NodePort", containerPort: port },
});
const variable = (name: string, source: Record<string, unknown> = { value: "x" }) => ({ name, ...source });
const inference = { ...META, workloadSupportedTypes: { inference: true } };

describe("EnvironmentAsset check accepts good inputs", () => {
  test.each<[string, Record<string, unknown>]>([
    ["every field of the contract", { spec: fullEnvironmentSpec }],
    ["an empty spec (every field is optional)", { spec: {} }],
    ["a tenant-scoped environment", { meta: { name: "base", scope: "tenant" }, spec: { image: "ubuntu:22.04" } }],
    [
      "an inference server: ServingPort and a readiness probe",
      {
        meta: inference,
        spec: {
          image: "vllm/vllm-openai:v0.5.0",
          connections: [
            {
              name: "http",
              internalToolInfo: {
                toolType: "custom",
                connectionType: "ServingPort",
                containerPort: 8000,
                servingPortInfo: { protocol: "http" },
              },
            },
          ],
          probes: { readiness: { periodSeconds: 5, failureThreshold: 3, handler: { httpGet: { path: "/health", port: 8000 } } } },
        },
      },
    ],
    [
      "distributed PyTorch",
      {
        meta: { ...META, workloadSupportedTypes: { training: true, distributed: true, distFramework: "PyTorch" } },
        spec: { image: "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime" },
      },
    ],
    ["an empty value (a variable may be empty)", { spec: { environmentVariables: [variable("EMPTY", { value: "" })] } }],
    ["supplemental groups as an empty string (revert to the image's)", { spec: { supplementalGroups: "" } }],
    ["uid/gid from the IdP token", { spec: { uidGidSource: "fromIdpToken", runAsUid: 1000 } }],
    ["stdin without tty", { spec: { stdin: true } }],
    ["tty false without stdin", { spec: { tty: false } }],
  ])("%s", async (_label, inputs) => {
    expect(await reasonsFor(inputs)).toEqual([]);
  });
});

// Each row: what a user might write, and every reason preview must print for it, in order.
const badInputs: [string, Record<string, unknown>, string[]][] = [
  [
    "an environment variable name used twice (and three times)",
    {
      spec: {
        environmentVariables: [variable("HOME"), variable("PATH"), variable("HOME"), variable("LANG"), variable("LANG"), variable("LANG")],
      },
    },
    [
      'spec.environmentVariables[2].name: "HOME" is used twice; names must be unique',
      'spec.environmentVariables[4].name: "LANG" is used 3 times; names must be unique',
      'spec.environmentVariables[5].name: "LANG" is used 3 times; names must be unique',
    ],
  ],
  [
    "a variable with both a value and a credential",
    { spec: { environmentVariables: [variable("TOKEN", { value: "x", credential: { assetId: CREDENTIAL_ID, key: "token" } })] } },
    [
      "spec.environmentVariables[0]: has 2 value sources (value, credential); set exactly one of value, credential, configMap or podFieldRef",
    ],
  ],
  [
    "a variable without a value source",
    { spec: { environmentVariables: [{ name: "TOKEN", description: "forgot the value" }] } },
    [
      "spec.environmentVariables[0]: has no value source; set exactly one of value, credential, configMap or podFieldRef (or exclude: true)",
    ],
  ],
  [
    "a variable without a name, and references missing their mandatory parts",
    {
      spec: {
        environmentVariables: [
          { value: "x" },
          { name: "A", credential: { assetId: CREDENTIAL_ID } },
          { name: "B", configMap: { key: "k" } },
          { name: "C", podFieldRef: {} },
        ],
      },
    },
    [
      "spec.environmentVariables[0].name: is required",
      "spec.environmentVariables[1].credential.key: is required",
      "spec.environmentVariables[2].configMap.name: is required",
      "spec.environmentVariables[3].podFieldRef.path: is required",
    ],
  ],
  [
    "a credential whose assetId is not a UUID",
    { spec: { environmentVariables: [variable("A", { credential: { assetId: "db-password", key: "k" } })] } },
    ["spec.environmentVariables[0].credential.assetId: must be a UUID"],
  ],
  [
    "a connection name used twice",
    { spec: { connections: [jupyter(8888), jupyter(8889)] } },
    ['spec.connections[1].name: "jupyter" is used twice; names must be unique'],
  ],
  [
    "an internal tool (the default) without internalToolInfo, given externalToolInfo instead",
    { spec: { connections: [{ name: "wandb", externalToolInfo: { toolType: "wandb", externalUrl: "https://wandb.ai" } }] } },
    [
      "spec.connections[0].internalToolInfo: required when isExternal is false (the default)",
      "spec.connections[0].externalToolInfo: must not be set when isExternal is false (the default); set isExternal: true for an external tool",
    ],
  ],
  [
    "an external tool with internalToolInfo instead of externalToolInfo",
    { spec: { connections: [{ ...jupyter(8888), isExternal: true }] } },
    [
      "spec.connections[0].externalToolInfo: required when isExternal is true",
      "spec.connections[0].internalToolInfo: must not be set when isExternal is true (an external tool runs outside the container)",
    ],
  ],
  [
    "a ServingPort without servingPortInfo",
    {
      spec: {
        connections: [{ name: "serve", internalToolInfo: { toolType: "custom", connectionType: "ServingPort", containerPort: 8000 } }],
      },
    },
    ['spec.connections[0].internalToolInfo.servingPortInfo: required when connectionType is "ServingPort"'],
  ],
  [
    "a default external URL on a NodePort tool",
    {
      spec: {
        connections: [
          {
            name: "nb",
            internalToolInfo: { ...jupyter(8888).internalToolInfo, externalUrlInfo: { externalUrl: "https://nb.example.com" } },
          },
        ],
      },
    },
    [
      'spec.connections[0].internalToolInfo.externalUrlInfo.externalUrl: only applies when connectionType is "ExternalUrl" (it is "NodePort")',
    ],
  ],
  [
    "container ports out of range and an unknown connection type",
    {
      spec: {
        connections: [
          jupyter(0),
          jupyter(65536),
          { name: "ingress", internalToolInfo: { toolType: "custom", connectionType: "Ingress", containerPort: 80 } },
        ],
      },
    },
    [
      "spec.connections[0].internalToolInfo.containerPort: must be at least 1",
      "spec.connections[1].internalToolInfo.containerPort: must be at most 65535",
      'spec.connections[2].internalToolInfo.connectionType: must be one of "LoadBalancer", "NodePort", "ExternalUrl", "ServingPort"',
      'spec.connections[1].name: "jupyter" is used twice; names must be unique',
    ],
  ],
  [
    "probe thresholds below 1, a relative path and port 0",
    {
      spec: {
        probes: {
          readiness: {
            periodSeconds: 0,
            timeoutSeconds: 0,
            successThreshold: 0,
            failureThreshold: 0,
            initialDelaySeconds: -1,
            handler: { httpGet: { path: "healthz", port: 0 } },
          },
        },
      },
    },
    [
      "spec.probes.readiness.initialDelaySeconds: must be at least 0",
      "spec.probes.readiness.periodSeconds: must be at least 1",
      "spec.probes.readiness.timeoutSeconds: must be at least 1",
      "spec.probes.readiness.successThreshold: must be at least 1",
      "spec.probes.readiness.failureThreshold: must be at least 1",
      "spec.probes.readiness.handler.httpGet.path: must match /^(\\/[a-zA-Z0-9\\-_./]*)?$/",
      "spec.probes.readiness.handler.httpGet.port: must be at least 1",
    ],
  ],
  [
    "a readiness probe without a handler",
    { spec: { probes: { readiness: { periodSeconds: 5 } } } },
    ["spec.probes.readiness.handler: is required (the action that probes the container)"],
  ],
  ["tty without stdin", { spec: { tty: true } }, ["spec.tty: requires spec.stdin to be true"]],
  [
    "fields the contract forbids for inference containers",
    { meta: inference, spec: { tty: true, stdin: true, allowPrivilegeEscalation: false, hostIpc: false, hostNetwork: true } },
    ["tty", "stdin", "allowPrivilegeEscalation", "hostIpc", "hostNetwork"].map(
      (field) =>
        `spec.${field}: not allowed when meta.workloadSupportedTypes.inference is true (the contract forbids it for inference containers)`,
    ),
  ],
  [
    "values outside the enums",
    { spec: { imagePullPolicy: "Sometimes", uidGidSource: "fromLdap", seccompProfileType: "Default", capabilities: ["CAP_CHOWN"] } },
    [
      'spec.imagePullPolicy: must be one of "Always", "Never", "IfNotPresent"',
      'spec.uidGidSource: must be one of "fromTheImage", "fromIdpToken", "custom"',
      // The contract's 38 capabilities, quoted, in its order.
      `spec.capabilities[0]: must be one of ${CAPABILITIES.map((c) => `"${c}"`).join(", ")}`,
      'spec.seccompProfileType: must be one of "RuntimeDefault", "Unconfined", "Localhost"',
    ],
  ],
  [
    "the Localhost seccomp profile, which Run:ai does not support",
    { spec: { seccompProfileType: "Localhost" } },
    ['spec.seccompProfileType: "Localhost" is not supported by Run:ai yet; use "RuntimeDefault" or "Unconfined"'],
  ],
  [
    "uid, gid and groups while they come from the image (the default)",
    { spec: { runAsUid: 1000, runAsGid: 100, supplementalGroups: "4,5", overrideUidGidInWorkspace: true } },
    [
      ...["runAsUid", "runAsGid", "supplementalGroups"].map(
        (field) => `spec.${field}: applies only when spec.uidGidSource is not "fromTheImage" (the default); set uidGidSource: "custom"`,
      ),
      'spec.overrideUidGidInWorkspace: applies only when spec.uidGidSource is "custom" (it is "fromTheImage")',
    ],
  ],
  [
    "supplemental groups that are not a comma-separated list of ids",
    { spec: { uidGidSource: "custom", supplementalGroups: "2;3" } },
    ['spec.supplementalGroups: must be a comma-separated list of group ids, e.g. "2,3,5,8" (got "2;3")'],
  ],
  [
    "misspelt and made-up fields",
    {
      spec: {
        imagePullPolicy: "Always",
        Image: "python:3.12",
        ports: [8080],
        connections: [{ ...jupyter(8888), internalToolInfo: { ...jupyter(8888).internalToolInfo, port: 1 } }],
      },
    },
    ['spec.connections[0].internalToolInfo: unknown field "port"', 'spec: unknown fields "Image", "ports"'],
  ],
  [
    "wrong types, empty strings and a null list",
    { spec: { image: "", command: ["python", "train.py"], uidGidSource: "custom", runAsUid: 1000.5, tty: "yes", connections: null } },
    [
      "spec.command: must be a string",
      "spec.runAsUid: must be an integer",
      "spec.image: must not be empty",
      "spec.tty: must be true or false",
      "spec.connections: must be a list, not null",
    ],
  ],
  [
    "an external tool without its URL, and an internal tool without its port",
    {
      spec: {
        connections: [
          { name: "wandb", isExternal: true, externalToolInfo: { toolType: "wandb" } },
          { name: "nb", internalToolInfo: { toolType: "jupyter-notebook", connectionType: "NodePort" } },
        ],
      },
    },
    ["spec.connections[0].externalToolInfo.externalUrl: is required", "spec.connections[1].internalToolInfo.containerPort: is required"],
  ],
  [
    "meta problems together with spec problems",
    { meta: { scope: "project", name: "env", workloadSupportedTypes: { distributed: true, distFramework: "Ray" } }, spec: { tty: true } },
    [
      'meta.workloadSupportedTypes.distFramework: must be one of "MPI", "PyTorch", "TF", "XGBoost"',
      'meta.projectId: required when meta.scope is "project"',
      "spec.tty: requires spec.stdin to be true",
    ],
  ],
];

describe("EnvironmentAsset check rejects bad inputs with every reason at once", () => {
  test("the table has at least 15 bad inputs", () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(15);
  });

  test.each(badInputs)("%s", async (_label, inputs, expected) => {
    expect(await reasonsFor(inputs)).toEqual(expected);
  });

  // The e2e test previews a few of these through the engine; every one is checked here.
  test.each(Object.entries(ENVIRONMENT_BAD_INPUTS))("the e2e table's %s", (name, { args, reasons }) => {
    const inputs = { ...args, meta: { name, ...args.meta } };
    expect(checkInputs(kindFor("EnvironmentAsset"), inputs).failures.map((failure) => failure.reason)).toEqual(reasons);
  });

  test("failures carry an empty property, so the engine prints our reason and not the input's value", async () => {
    const result = checkInputs(kindFor("EnvironmentAsset"), { meta: META, spec: { tty: true } });
    expect(result.failures).toEqual([{ property: "", reason: "spec.tty: requires spec.stdin to be true" }]);
  });
});

describe("EnvironmentAsset check tolerates values unknown during preview", () => {
  test.each<[string, Record<string, unknown>]>([
    ["the whole spec", { spec: UNKNOWN }],
    ["the whole meta", { meta: UNKNOWN, spec: { tty: true, stdin: true } }],
    ["workloadSupportedTypes (could be inference)", { meta: { ...META, workloadSupportedTypes: UNKNOWN }, spec: { hostNetwork: true } }],
    ["the variable list", { spec: { environmentVariables: UNKNOWN } }],
    ["a variable (could duplicate a name)", { spec: { environmentVariables: [variable("A"), UNKNOWN] } }],
    ["a variable name (could be a duplicate)", { spec: { environmentVariables: [variable("A"), variable(UNKNOWN), variable(UNKNOWN)] } }],
    ["a variable value (counts as its source)", { spec: { environmentVariables: [variable("A", { value: UNKNOWN })] } }],
    ["a credential id", { spec: { environmentVariables: [variable("A", { credential: { assetId: UNKNOWN, key: "k" } })] } }],
    ["isExternal (either info object could be right)", { spec: { connections: [{ ...jupyter(8888), isExternal: UNKNOWN }] } }],
    [
      "connectionType (could be ServingPort or ExternalUrl)",
      {
        spec: {
          connections: [
            {
              name: "c",
              internalToolInfo: {
                toolType: "custom",
                connectionType: UNKNOWN,
                containerPort: 80,
                externalUrlInfo: { externalUrl: "https://x" },
              },
            },
          ],
        },
      },
    ],
    [
      "a container port",
      {
        spec: {
          connections: [{ name: "c", internalToolInfo: { toolType: "custom", connectionType: "NodePort", containerPort: UNKNOWN } }],
        },
      },
    ],
    ["stdin, with tty true", { spec: { tty: true, stdin: UNKNOWN } }],
    ["uidGidSource, with runAsUid set", { spec: { uidGidSource: UNKNOWN, runAsUid: 1000, overrideUidGidInWorkspace: true } }],
    ["the probe path", { spec: { probes: { readiness: { handler: { httpGet: { path: UNKNOWN, port: 80 } } } } } }],
    ["the image and the project", { meta: { ...META, projectId: UNKNOWN }, spec: { image: UNKNOWN } }],
  ])("%s", async (_label, inputs) => {
    expect(await reasonsFor(inputs)).toEqual([]);
  });

  test("known problems next to unknown values are still reported", async () => {
    const reasons = await reasonsFor({
      spec: { image: UNKNOWN, tty: true, environmentVariables: [variable(UNKNOWN), variable("A"), variable("A")] },
    });
    expect(reasons).toEqual([
      'spec.environmentVariables[2].name: "A" is used twice; names must be unique',
      "spec.tty: requires spec.stdin to be true",
    ]);
  });
});

describe("EnvironmentAsset diff", () => {
  const ID = "0f5c2a1e-6d0b-4d8e-9a51-3c2b7f1e9d40";
  const programSpec = {
    image: "jupyter/scipy-notebook:2024-01-15",
    environmentVariables: [
      variable("HOME", { value: "/home/jovyan" }),
      variable("TOKEN", { credential: { assetId: CREDENTIAL_ID, key: "token" } }),
    ],
    connections: [
      jupyter(8888),
      { name: "board", internalToolInfo: { toolType: "tensorboard", connectionType: "LoadBalancer", containerPort: 6006 } },
    ],
    probes: { readiness: { handler: { httpGet: { port: 8888 } } } },
  };
  const inputs = (spec: Record<string, unknown>, meta: Record<string, unknown> = META) => ({ meta, spec });
  /** State outputs as `read` returns them: the server's meta (with read-only fields) and spec. */
  const state = (spec: Record<string, unknown>, meta: Record<string, unknown> = META) => ({
    meta: {
      ...meta,
      id: ID,
      kind: "environment",
      createdBy: "admin",
      createdAt: "2025-01-01T00:00:00Z",
      updatedBy: "admin",
      updatedAt: "2025-01-01T00:00:00Z",
    },
    spec,
    status: { status: "No issues found" },
  });
  const diff = (olds: Record<string, unknown>, news: Record<string, unknown>) => provider.diff!(ID, olds, news);
  const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };
  const IN_PLACE = { changes: true, replaces: [], deleteBeforeReplace: false };

  test("the same spec is no change", async () => {
    expect(await diff(state(programSpec), inputs(programSpec))).toEqual(NO_CHANGE);
  });

  test("server defaults the program never wrote are no change, nor are explicit defaults the server leaves out", async () => {
    const withDefaults = {
      ...programSpec,
      connections: [
        {
          ...jupyter(8888),
          isExternal: false,
          internalToolInfo: { ...jupyter(8888).internalToolInfo, nodePortInfo: { isCustomPort: false } },
        },
        {
          name: "board",
          isExternal: false,
          internalToolInfo: {
            toolType: "tensorboard",
            connectionType: "LoadBalancer",
            containerPort: 6006,
            externalUrlInfo: { isCustomUrl: false },
          },
        },
      ],
      probes: { readiness: { handler: { httpGet: { port: 8888, path: "/", scheme: "HTTP" } } } },
      overrideUidGidInWorkspace: false,
      uidGidSource: "fromTheImage",
      hostIpc: false,
      hostNetwork: false,
      capabilities: [],
    };
    expect(await diff(state(withDefaults), inputs(programSpec))).toEqual(NO_CHANGE);
    expect(await diff(state(programSpec), inputs(withDefaults))).toEqual(NO_CHANGE);
  });

  test("a non-default value of a defaulted field is a change", async () => {
    const custom = {
      ...programSpec,
      connections: [{ ...jupyter(8888), internalToolInfo: { ...jupyter(8888).internalToolInfo, nodePortInfo: { isCustomPort: true } } }],
    };
    expect(await diff(state({ ...programSpec, connections: [jupyter(8888)] }), inputs(custom))).toEqual(IN_PLACE);
    expect(await diff(state(programSpec), inputs({ ...programSpec, hostNetwork: true }))).toEqual(IN_PLACE);
  });

  test.each<[string, Record<string, unknown>]>([
    ["a changed variable value", { environmentVariables: [variable("HOME", { value: "/root" }), programSpec.environmentVariables[1]] }],
    [
      "a changed credential key",
      {
        environmentVariables: [
          programSpec.environmentVariables[0],
          variable("TOKEN", { credential: { assetId: CREDENTIAL_ID, key: "other" } }),
        ],
      },
    ],
    ["an added variable", { environmentVariables: [...programSpec.environmentVariables, variable("LANG")] }],
    ["a removed variable", { environmentVariables: [programSpec.environmentVariables[0]] }],
    ["reordered variables", { environmentVariables: [...programSpec.environmentVariables].reverse() }],
    ["a changed container port", { connections: [jupyter(8889), programSpec.connections[1]] }],
    [
      "a changed connection type",
      {
        connections: [
          programSpec.connections[0],
          { name: "board", internalToolInfo: { toolType: "tensorboard", connectionType: "NodePort", containerPort: 6006 } },
        ],
      },
    ],
    ["a changed probe port", { probes: { readiness: { handler: { httpGet: { port: 9999 } } } } }],
    ["a new image", { image: "jupyter/scipy-notebook:2024-06-01" }],
    ["a removed field (unset)", { image: undefined }],
    ["an added security field", { runAsNonRoot: true }],
  ])("%s is an in-place update (the PUT carries the whole spec)", async (_label, change) => {
    const changed = JSON.parse(JSON.stringify({ ...programSpec, ...change }));
    expect(await diff(state(programSpec), inputs(changed))).toEqual(IN_PLACE);
  });

  test("a spec value unknown during preview is a possible change, never a replace", async () => {
    expect(await diff(state(programSpec), inputs({ ...programSpec, image: UNKNOWN }))).toEqual(IN_PLACE);
  });

  test.each<[string, Record<string, unknown>]>([
    ["projectId", { ...META, projectId: 1002 }],
    ["workloadSupportedTypes", { ...META, workloadSupportedTypes: { inference: true } }],
    ["scope", { name: "env", scope: "tenant" }],
  ])("a changed %s replaces the asset, deleting the same-named old one first", async (_label, meta) => {
    expect(await diff(state(programSpec), inputs(programSpec, meta))).toEqual({
      changes: true,
      replaces: ["meta"],
      deleteBeforeReplace: true,
    });
  });

  test("a new name with a changed creation-only field replaces without deleting first", async () => {
    expect(await diff(state(programSpec), inputs(programSpec, { ...META, name: "env-2", projectId: 1002 }))).toEqual({
      changes: true,
      replaces: ["meta"],
      deleteBeforeReplace: false,
    });
  });
});
