// Environment asset, `/api/v1/asset/environment`: the complete Run:ai 2.22 `EnvironmentAssetSpec`
// (REFERENCE.md §2.1; api/runai-2.22.openapi.json). Only the contract's own rules are here: types,
// enums, lengths, ranges, patterns, nullability. Cross-field rules (one value source per variable,
// internalToolInfo vs isExternal, tty needs stdin, inference restrictions…) belong to the validation layer.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { HOSTNAME_PATTERN, REQUEST_MODE, RESPONSE_MODE, SchemaMode, Uuid } from "./common";
import {
  CAPABILITIES,
  EXTERNAL_TOOL_TYPES,
  IMAGE_PULL_POLICIES,
  INTERNAL_CONNECTION_TYPES,
  INTERNAL_TOOL_TYPES,
  PROBE_SCHEMES,
  SECCOMP_PROFILE_TYPES,
  SERVING_PORT_PROTOCOLS,
  UID_GID_SOURCES,
} from "./environment-enums";

export * from "./environment-enums";

/** `httpGet.path` pattern (2.19+): empty, or an absolute path of `[a-zA-Z0-9-_./]`. */
export const PROBE_PATH_PATTERN = /^(\/[a-zA-Z0-9\-_./]*)?$/;

/** A TCP port: `containerPort` and `httpGet.port` are int32 in 1..65535. */
const port = () => z.int32().min(1).max(65535);

// ---- the schema set, built once per mode (strict requests, lenient responses) ----------------------

function environmentSchemas(mode: SchemaMode) {
  const { obj, oneOf, optionalOneOf } = mode;

  const EnvironmentVariableCredential = obj({
    assetId: Uuid.nullish().describe("Id of a credential asset (uuid). Described as mandatory."),
    key: z.string().min(1).nullish().describe("Key within the credential's secret. Described as mandatory."),
  });
  const EnvironmentVariableConfigMap = obj({
    name: z.string().min(1).nullish().describe("Name of the Kubernetes ConfigMap."),
    key: z.string().min(1).nullish().describe("Key within the ConfigMap."),
  });
  const EnvironmentVariablePodFieldRef = obj({
    path: z.string().min(1).nullish().describe('A pod field path, e.g. "metadata.name".'),
  });
  const EnvironmentVariable = obj({
    name: z.string().min(1).nullish().describe("Variable name (described as mandatory)."),
    value: z.string().nullish().describe("A literal value; mutually exclusive with credential, configMap and podFieldRef."),
    credential: EnvironmentVariableCredential.nullish().describe("The value of a key of a credential asset."),
    configMap: EnvironmentVariableConfigMap.nullish().describe("The value of a key of a Kubernetes ConfigMap."),
    podFieldRef: EnvironmentVariablePodFieldRef.nullish().describe("The value of a field of the pod."),
    exclude: z.boolean().nullish().describe("true drops a variable that the policy's defaults would add."),
    description: z.string().nullish().describe("Free text about the variable."),
  });

  const NodePortInfo = obj({
    isCustomPort: z.boolean().optional().describe("false: the node port is generated per workload; true: set per workload by the user."),
  });
  const ExternalUrlInfo = obj({
    isCustomUrl: z.boolean().optional().describe("false: the URL is generated per workload; true: set per workload by the user."),
    externalUrl: z.string().min(1).nullish().describe("The default external URL."),
  });
  const ServingPortInfo = obj({
    protocol: optionalOneOf(SERVING_PORT_PROTOCOLS).describe('The protocol the serving port speaks: "grpc" or "http".'),
  });
  const InternalToolInfo = obj({
    toolType: oneOf(INTERNAL_TOOL_TYPES).describe('The tool that runs inside the container, e.g. "jupyter-notebook".'),
    connectionType: oneOf(INTERNAL_CONNECTION_TYPES).describe(
      "How the tool is reached: LoadBalancer, NodePort, ExternalUrl or ServingPort.",
    ),
    containerPort: port().describe("The port the tool listens on in the container (1..65535)."),
    nodePortInfo: NodePortInfo.nullish().describe("For a NodePort connection: how the node port is chosen."),
    externalUrlInfo: ExternalUrlInfo.nullish().describe("For an ExternalUrl connection: how the URL is chosen."),
    servingPortInfo: ServingPortInfo.nullish().describe("For a ServingPort connection (inference): its protocol."),
  });
  const ExternalToolInfo = obj({
    toolType: oneOf(EXTERNAL_TOOL_TYPES).describe('The external tool: "wandb" or "comet".'),
    externalUrl: z.string().min(1).describe("May contain `${VAR}` placeholders, resolved when a workspace is created."),
  });
  const Connection = obj({
    name: z.string().min(1).describe("Unique within the environment; workloads refer to it by this name."),
    isExternal: z.boolean().optional().describe("Server default false: a tool inside the container."),
    internalToolInfo: InternalToolInfo.nullish().describe(
      "The tool inside the container and how it is reached (when isExternal is false).",
    ),
    externalToolInfo: ExternalToolInfo.nullish().describe("The external tool (when isExternal is true)."),
  });

  const HttpGetAction = obj({
    path: z.string().regex(PROBE_PATH_PATTERN).nullish().describe('Defaults to "/" on the server.'),
    port: port().nullish().describe("The port to probe (1..65535)."),
    host: z.string().regex(HOSTNAME_PATTERN).nullish().describe("Defaults to the pod IP."),
    scheme: optionalOneOf(PROBE_SCHEMES).describe("Defaults to HTTP."),
  });
  const ProbeHandler = obj({
    httpGet: HttpGetAction.optional().describe("An HTTP GET request that succeeds with a 2xx or 3xx answer."),
  });
  const Probe = obj({
    initialDelaySeconds: z.int32().min(0).nullish().describe("Seconds after the container starts before the first probe (at least 0)."),
    periodSeconds: z.int32().min(1).nullish().describe("Seconds between probes (at least 1)."),
    timeoutSeconds: z.int32().min(1).nullish().describe("Seconds after which a probe counts as failed (at least 1)."),
    successThreshold: z
      .int32()
      .min(1)
      .nullish()
      .describe("Consecutive successes after a failure for the container to count as ready again (at least 1)."),
    failureThreshold: z.int32().min(1).nullish().describe("Consecutive failures for the container to count as not ready (at least 1)."),
    handler: ProbeHandler.nullish().describe("Described as mandatory."),
  });
  const Probes = obj({
    readiness: Probe.nullish().describe("When the container is ready to take requests."),
  });

  const EnvironmentSpec = obj({
    // ContainerOverridable (a workload may override these)
    command: z.string().min(1).nullish().describe("The container entry point, one string (not an array)."),
    args: z.string().min(1).nullish().describe("Arguments, one string."),
    // CommonSecurityOverridable
    runAsUid: z.int().nullish().describe('The uid the container runs as (with a uidGidSource other than "fromTheImage").'),
    runAsGid: z.int().nullish().describe('The gid the container runs as (with a uidGidSource other than "fromTheImage").'),
    supplementalGroups: z.string().nullish().describe('Comma-separated gids, e.g. "2,3,5,8"; "" reverts to the image\'s groups.'),
    // EnvironmentVariablesAssetField (the array's items are nullable in the contract)
    environmentVariables: z
      .array(EnvironmentVariable.nullable())
      .nullish()
      .describe("The container's environment variables, each from a value, a credential, a ConfigMap or a pod field."),
    // ContainerNonOverridable
    image: z.string().min(1).nullish().describe("Needed to submit a workload; optional for the asset itself."),
    imagePullPolicy: optionalOneOf(IMAGE_PULL_POLICIES).describe("When the image is pulled: Always, Never or IfNotPresent."),
    workingDir: z.string().min(1).nullish().describe("The container's working directory."),
    createHomeDir: z.boolean().nullish().describe("Create a home directory for the user the container runs as."),
    probes: Probes.nullish().describe("The container's probes (readiness)."),
    // CommonSecurityNonOverridable
    uidGidSource: optionalOneOf(UID_GID_SOURCES).describe(
      'Where the uid and gid come from: "fromTheImage" (the default), "fromIdpToken" or "custom".',
    ),
    capabilities: z.array(oneOf(CAPABILITIES)).nullish().describe('Linux capabilities added to the container, e.g. "NET_ADMIN".'),
    seccompProfileType: optionalOneOf(SECCOMP_PROFILE_TYPES).describe(
      "The seccomp profile: RuntimeDefault or Unconfined (Run:ai does not support Localhost).",
    ),
    runAsNonRoot: z.boolean().nullish().describe("Refuse to start the container as root."),
    readOnlyRootFilesystem: z.boolean().nullish().describe("Mount the container's root filesystem read-only."),
    // ContainerNonInferenceNonOverridable (not allowed for inference)
    tty: z.boolean().nullish().describe("Allocate a terminal (needs stdin; not for inference)."),
    stdin: z.boolean().nullish().describe("Keep the container's standard input open (not for inference)."),
    // NonInferenceSecurityNonOverridable (not allowed for inference)
    allowPrivilegeEscalation: z.boolean().nullish().describe("Let a process gain more privileges than its parent (not for inference)."),
    hostIpc: z.boolean().nullish().describe("Use the node's IPC namespace (not for inference)."),
    hostNetwork: z.boolean().nullish().describe("Use the node's network namespace (not for inference)."),
    // NonOverridableSpecFields' own properties
    connections: z.array(Connection).optional().describe("Not nullable in the contract (unlike every other field)."),
    overrideUidGidInWorkspace: z
      .boolean()
      .optional()
      .describe('Server default false. Lets a workspace set uid/gid; relevant when uidGidSource is "custom".'),
  });

  return {
    EnvironmentVariableCredential,
    EnvironmentVariableConfigMap,
    EnvironmentVariablePodFieldRef,
    EnvironmentVariable,
    NodePortInfo,
    ExternalUrlInfo,
    ServingPortInfo,
    InternalToolInfo,
    ExternalToolInfo,
    Connection,
    HttpGetAction,
    ProbeHandler,
    Probe,
    Probes,
    EnvironmentSpec,
  };
}

const request = environmentSchemas(REQUEST_MODE);
const response = environmentSchemas(RESPONSE_MODE);

// Request/input schemas: exact contract, unknown keys rejected. Their types are the ones users write.
export const EnvironmentVariableCredential = request.EnvironmentVariableCredential;
export type EnvironmentVariableCredential = z.infer<typeof EnvironmentVariableCredential>;
export const EnvironmentVariableConfigMap = request.EnvironmentVariableConfigMap;
export type EnvironmentVariableConfigMap = z.infer<typeof EnvironmentVariableConfigMap>;
export const EnvironmentVariablePodFieldRef = request.EnvironmentVariablePodFieldRef;
export type EnvironmentVariablePodFieldRef = z.infer<typeof EnvironmentVariablePodFieldRef>;
/** `EnvironmentVariableOfAsset`. */
export const EnvironmentVariable = request.EnvironmentVariable;
export type EnvironmentVariable = z.infer<typeof EnvironmentVariable>;
export const NodePortInfo = request.NodePortInfo;
export type NodePortInfo = z.infer<typeof NodePortInfo>;
export const ExternalUrlInfo = request.ExternalUrlInfo;
export type ExternalUrlInfo = z.infer<typeof ExternalUrlInfo>;
export const ServingPortInfo = request.ServingPortInfo;
export type ServingPortInfo = z.infer<typeof ServingPortInfo>;
export const InternalToolInfo = request.InternalToolInfo;
export type InternalToolInfo = z.infer<typeof InternalToolInfo>;
export const ExternalToolInfo = request.ExternalToolInfo;
export type ExternalToolInfo = z.infer<typeof ExternalToolInfo>;
export const Connection = request.Connection;
export type Connection = z.infer<typeof Connection>;
export const HttpGetAction = request.HttpGetAction;
export type HttpGetAction = z.infer<typeof HttpGetAction>;
export const ProbeHandler = request.ProbeHandler;
export type ProbeHandler = z.infer<typeof ProbeHandler>;
export const Probe = request.Probe;
export type Probe = z.infer<typeof Probe>;
export const Probes = request.Probes;
export type Probes = z.infer<typeof Probes>;
/** `EnvironmentAssetSpec` (2.22): every field optional. */
export const EnvironmentSpec = request.EnvironmentSpec;
export type EnvironmentSpec = z.infer<typeof EnvironmentSpec>;

/** The spec as the server returns it: unknown keys kept, unknown enum values accepted. */
export const EnvironmentSpecResponse = response.EnvironmentSpec;

/** The environment asset endpoints. */
export const ENVIRONMENT_ASSET: AssetContract<EnvironmentSpec> = {
  kind: "environment",
  path: "/api/v1/asset/environment",
  spec: EnvironmentSpec,
  responseSpec: EnvironmentSpecResponse,
};
