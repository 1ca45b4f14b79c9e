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
    /** Id of a credential asset (uuid). Described as mandatory. */
    assetId: Uuid.nullish(),
    /** Key within the credential's secret. Described as mandatory. */
    key: z.string().min(1).nullish(),
  });
  const EnvironmentVariableConfigMap = obj({
    /** Name of the Kubernetes ConfigMap. */
    name: z.string().min(1).nullish(),
    /** Key within the ConfigMap. */
    key: z.string().min(1).nullish(),
  });
  const EnvironmentVariablePodFieldRef = obj({
    path: z.string().min(1).nullish().describe('A pod field path, e.g. "metadata.name".'),
  });
  const EnvironmentVariable = obj({
    /** Variable name (described as mandatory). */
    name: z.string().min(1).nullish(),
    /** A literal value; mutually exclusive with credential, configMap and podFieldRef. */
    value: z.string().nullish(),
    /** The value of a key of a credential asset. */
    credential: EnvironmentVariableCredential.nullish(),
    /** The value of a key of a Kubernetes ConfigMap. */
    configMap: EnvironmentVariableConfigMap.nullish(),
    /** The value of a field of the pod. */
    podFieldRef: EnvironmentVariablePodFieldRef.nullish(),
    /** true drops a variable that the policy's defaults would add. */
    exclude: z.boolean().nullish(),
    /** Free text about the variable. */
    description: z.string().nullish(),
  });

  const NodePortInfo = obj({
    /** false: the node port is generated per workload; true: set per workload by the user. */
    isCustomPort: z.boolean().optional(),
  });
  const ExternalUrlInfo = obj({
    /** false: the URL is generated per workload; true: set per workload by the user. */
    isCustomUrl: z.boolean().optional(),
    /** The default external URL. */
    externalUrl: z.string().min(1).nullish(),
  });
  const ServingPortInfo = obj({
    /** The protocol the serving port speaks: "grpc" or "http". */
    protocol: optionalOneOf(SERVING_PORT_PROTOCOLS),
  });
  const InternalToolInfo = obj({
    /** The tool that runs inside the container, e.g. "jupyter-notebook". */
    toolType: oneOf(INTERNAL_TOOL_TYPES),
    /** How the tool is reached: LoadBalancer, NodePort, ExternalUrl or ServingPort. */
    connectionType: oneOf(INTERNAL_CONNECTION_TYPES),
    /** The port the tool listens on in the container (1..65535). */
    containerPort: port(),
    /** For a NodePort connection: how the node port is chosen. */
    nodePortInfo: NodePortInfo.nullish(),
    /** For an ExternalUrl connection: how the URL is chosen. */
    externalUrlInfo: ExternalUrlInfo.nullish(),
    /** For a ServingPort connection (inference): its protocol. */
    servingPortInfo: ServingPortInfo.nullish(),
  });
  const ExternalToolInfo = obj({
    /** The external tool: "wandb" or "comet". */
    toolType: oneOf(EXTERNAL_TOOL_TYPES),
    /** May contain `${VAR}` placeholders, resolved when a workspace is created. */
    externalUrl: z.string().min(1),
  });
  const Connection = obj({
    /** Unique within the environment; workloads refer to it by this name. */
    name: z.string().min(1),
    /** Server default false: a tool inside the container. */
    isExternal: z.boolean().optional(),
    /** The tool inside the container and how it is reached (when isExternal is false). */
    internalToolInfo: InternalToolInfo.nullish(),
    /** The external tool (when isExternal is true). */
    externalToolInfo: ExternalToolInfo.nullish(),
  });

  const HttpGetAction = obj({
    /** Defaults to "/" on the server. */
    path: z.string().regex(PROBE_PATH_PATTERN).nullish(),
    /** The port to probe (1..65535). */
    port: port().nullish(),
    /** Defaults to the pod IP. */
    host: z.string().regex(HOSTNAME_PATTERN).nullish(),
    /** Defaults to HTTP. */
    scheme: optionalOneOf(PROBE_SCHEMES),
  });
  const ProbeHandler = obj({
    /** An HTTP GET request that succeeds with a 2xx or 3xx answer. */
    httpGet: HttpGetAction.optional(),
  });
  const Probe = obj({
    /** Seconds after the container starts before the first probe (at least 0). */
    initialDelaySeconds: z.int32().min(0).nullish(),
    /** Seconds between probes (at least 1). */
    periodSeconds: z.int32().min(1).nullish(),
    /** Seconds after which a probe counts as failed (at least 1). */
    timeoutSeconds: z.int32().min(1).nullish(),
    /** Consecutive successes after a failure for the container to count as ready again (at least 1). */
    successThreshold: z.int32().min(1).nullish(),
    /** Consecutive failures for the container to count as not ready (at least 1). */
    failureThreshold: z.int32().min(1).nullish(),
    /** Described as mandatory. */
    handler: ProbeHandler.nullish(),
  });
  const Probes = obj({
    /** When the container is ready to take requests. */
    readiness: Probe.nullish(),
  });

  const EnvironmentSpec = obj({
    // ContainerOverridable (a workload may override these)
    /** The container entry point, one string (not an array). */
    command: z.string().min(1).nullish(),
    /** Arguments, one string. */
    args: z.string().min(1).nullish(),
    // CommonSecurityOverridable
    /** The uid the container runs as (with a uidGidSource other than "fromTheImage"). */
    runAsUid: z.int().nullish(),
    /** The gid the container runs as (with a uidGidSource other than "fromTheImage"). */
    runAsGid: z.int().nullish(),
    /** Comma-separated gids, e.g. "2,3,5,8"; "" reverts to the image's groups. */
    supplementalGroups: z.string().nullish(),
    // EnvironmentVariablesAssetField (the array's items are nullable in the contract)
    /** The container's environment variables, each from a value, a credential, a ConfigMap or a pod field. */
    environmentVariables: z.array(EnvironmentVariable.nullable()).nullish(),
    // ContainerNonOverridable
    /** Needed to submit a workload; optional for the asset itself. */
    image: z.string().min(1).nullish(),
    /** When the image is pulled: Always, Never or IfNotPresent. */
    imagePullPolicy: optionalOneOf(IMAGE_PULL_POLICIES),
    /** The container's working directory. */
    workingDir: z.string().min(1).nullish(),
    /** Create a home directory for the user the container runs as. */
    createHomeDir: z.boolean().nullish(),
    /** The container's probes (readiness). */
    probes: Probes.nullish(),
    // CommonSecurityNonOverridable
    /** Where the uid and gid come from: "fromTheImage" (the default), "fromIdpToken" or "custom". */
    uidGidSource: optionalOneOf(UID_GID_SOURCES),
    /** Linux capabilities added to the container, e.g. "NET_ADMIN". */
    capabilities: z.array(oneOf(CAPABILITIES)).nullish(),
    /** The seccomp profile: RuntimeDefault or Unconfined (Run:ai does not support Localhost). */
    seccompProfileType: optionalOneOf(SECCOMP_PROFILE_TYPES),
    /** Refuse to start the container as root. */
    runAsNonRoot: z.boolean().nullish(),
    /** Mount the container's root filesystem read-only. */
    readOnlyRootFilesystem: z.boolean().nullish(),
    // ContainerNonInferenceNonOverridable (not allowed for inference)
    /** Allocate a terminal (needs stdin; not for inference). */
    tty: z.boolean().nullish(),
    /** Keep the container's standard input open (not for inference). */
    stdin: z.boolean().nullish(),
    // NonInferenceSecurityNonOverridable (not allowed for inference)
    /** Let a process gain more privileges than its parent (not for inference). */
    allowPrivilegeEscalation: z.boolean().nullish(),
    /** Use the node's IPC namespace (not for inference). */
    hostIpc: z.boolean().nullish(),
    /** Use the node's network namespace (not for inference). */
    hostNetwork: z.boolean().nullish(),
    // NonOverridableSpecFields' own properties
    /** Not nullable in the contract (unlike every other field). */
    connections: z.array(Connection).optional(),
    /** Server default false. Lets a workspace set uid/gid; relevant when uidGidSource is "custom". */
    overrideUidGidInWorkspace: z.boolean().optional(),
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
