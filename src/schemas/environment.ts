// Environment asset, `/api/v1/asset/environment`: the complete Run:ai 2.22 `EnvironmentAssetSpec`
// (REFERENCE.md §2.1; api/runai-2.22.openapi.json). Only the contract's own rules are here: types,
// enums, lengths, ranges, patterns, nullability. Cross-field rules (one value source per variable,
// internalToolInfo vs isExternal, tty needs stdin, inference restrictions…) belong to the validation layer.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { HOSTNAME_PATTERN, REQUEST_MODE, RESPONSE_MODE, SchemaMode, Uuid } from "./common";

// ---- enums ----------------------------------------------------------------------------------------

export const IMAGE_PULL_POLICIES = ["Always", "Never", "IfNotPresent"] as const;
export type ImagePullPolicy = (typeof IMAGE_PULL_POLICIES)[number];

export const UID_GID_SOURCES = ["fromTheImage", "fromIdpToken", "custom"] as const;
export type UidGidSource = (typeof UID_GID_SOURCES)[number];

export const SECCOMP_PROFILE_TYPES = ["RuntimeDefault", "Unconfined", "Localhost"] as const;
export type SeccompProfileType = (typeof SECCOMP_PROFILE_TYPES)[number];

/** Linux capabilities the contract allows in `capabilities`. */
export const CAPABILITIES = [
  "AUDIT_CONTROL",
  "AUDIT_READ",
  "AUDIT_WRITE",
  "BLOCK_SUSPEND",
  "CHOWN",
  "DAC_OVERRIDE",
  "DAC_READ_SEARCH",
  "FOWNER",
  "FSETID",
  "IPC_LOCK",
  "IPC_OWNER",
  "KILL",
  "LEASE",
  "LINUX_IMMUTABLE",
  "MAC_ADMIN",
  "MAC_OVERRIDE",
  "MKNOD",
  "NET_ADMIN",
  "NET_BIND_SERVICE",
  "NET_BROADCAST",
  "NET_RAW",
  "SETGID",
  "SETFCAP",
  "SETPCAP",
  "SETUID",
  "SYS_ADMIN",
  "SYS_BOOT",
  "SYS_CHROOT",
  "SYS_MODULE",
  "SYS_NICE",
  "SYS_PACCT",
  "SYS_PTRACE",
  "SYS_RAWIO",
  "SYS_RESOURCE",
  "SYS_TIME",
  "SYS_TTY_CONFIG",
  "SYSLOG",
  "WAKE_ALARM",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Tools that run inside the container (`InternalToolType`). */
export const INTERNAL_TOOL_TYPES = [
  "jupyter-notebook",
  "pycharm",
  "visual-studio-code",
  "tensorboard",
  "rstudio",
  "mlflow",
  "custom",
  "matlab",
  "chatbot-ui",
] as const;
export type InternalToolType = (typeof INTERNAL_TOOL_TYPES)[number];

/** How an internal tool is reached (`InternalConnectionType`). */
export const INTERNAL_CONNECTION_TYPES = ["LoadBalancer", "NodePort", "ExternalUrl", "ServingPort"] as const;
export type InternalConnectionType = (typeof INTERNAL_CONNECTION_TYPES)[number];

/** External tools (`ExternalToolType`). */
export const EXTERNAL_TOOL_TYPES = ["wandb", "comet"] as const;
export type ExternalToolType = (typeof EXTERNAL_TOOL_TYPES)[number];

export const SERVING_PORT_PROTOCOLS = ["grpc", "http"] as const;
export type ServingPortProtocol = (typeof SERVING_PORT_PROTOCOLS)[number];

export const PROBE_SCHEMES = ["HTTP", "HTTPS"] as const;
export type ProbeScheme = (typeof PROBE_SCHEMES)[number];

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
    /** A pod field path, e.g. "metadata.name". */
    path: z.string().min(1).nullish(),
  });
  const EnvironmentVariable = obj({
    /** Variable name (described as mandatory). */
    name: z.string().min(1).nullish(),
    /** A literal value; mutually exclusive with credential, configMap and podFieldRef. */
    value: z.string().nullish(),
    credential: EnvironmentVariableCredential.nullish(),
    configMap: EnvironmentVariableConfigMap.nullish(),
    podFieldRef: EnvironmentVariablePodFieldRef.nullish(),
    /** true drops a variable that the policy's defaults would add. */
    exclude: z.boolean().nullish(),
    description: z.string().nullish(),
  });

  const NodePortInfo = obj({
    /** false: the node port is generated per workload; true: set per workload by the user. */
    isCustomPort: z.boolean().optional(),
  });
  const ExternalUrlInfo = obj({
    isCustomUrl: z.boolean().optional(),
    /** The default external URL. */
    externalUrl: z.string().min(1).nullish(),
  });
  const ServingPortInfo = obj({
    protocol: optionalOneOf(SERVING_PORT_PROTOCOLS),
  });
  const InternalToolInfo = obj({
    toolType: oneOf(INTERNAL_TOOL_TYPES),
    connectionType: oneOf(INTERNAL_CONNECTION_TYPES),
    containerPort: port(),
    nodePortInfo: NodePortInfo.nullish(),
    externalUrlInfo: ExternalUrlInfo.nullish(),
    servingPortInfo: ServingPortInfo.nullish(),
  });
  const ExternalToolInfo = obj({
    toolType: oneOf(EXTERNAL_TOOL_TYPES),
    /** May contain `${VAR}` placeholders, resolved when a workspace is created. */
    externalUrl: z.string().min(1),
  });
  const Connection = obj({
    /** Unique within the environment; workloads refer to it by this name. */
    name: z.string().min(1),
    /** Server default false: a tool inside the container. */
    isExternal: z.boolean().optional(),
    internalToolInfo: InternalToolInfo.nullish(),
    externalToolInfo: ExternalToolInfo.nullish(),
  });

  const HttpGetAction = obj({
    /** Defaults to "/" on the server. */
    path: z.string().regex(PROBE_PATH_PATTERN).nullish(),
    port: port().nullish(),
    /** Defaults to the pod IP. */
    host: z.string().regex(HOSTNAME_PATTERN).nullish(),
    /** Defaults to HTTP. */
    scheme: optionalOneOf(PROBE_SCHEMES),
  });
  const ProbeHandler = obj({
    httpGet: HttpGetAction.optional(),
  });
  const Probe = obj({
    initialDelaySeconds: z.int32().min(0).nullish(),
    periodSeconds: z.int32().min(1).nullish(),
    timeoutSeconds: z.int32().min(1).nullish(),
    successThreshold: z.int32().min(1).nullish(),
    failureThreshold: z.int32().min(1).nullish(),
    /** Described as mandatory. */
    handler: ProbeHandler.nullish(),
  });
  const Probes = obj({
    readiness: Probe.nullish(),
  });

  const EnvironmentSpec = obj({
    // ContainerOverridable (a workload may override these)
    /** The container entry point, one string (not an array). */
    command: z.string().min(1).nullish(),
    /** Arguments, one string. */
    args: z.string().min(1).nullish(),
    // CommonSecurityOverridable
    runAsUid: z.int().nullish(),
    runAsGid: z.int().nullish(),
    /** Comma-separated gids, e.g. "2,3,5,8"; "" reverts to the image's groups. */
    supplementalGroups: z.string().nullish(),
    // EnvironmentVariablesAssetField (the array's items are nullable in the contract)
    environmentVariables: z.array(EnvironmentVariable.nullable()).nullish(),
    // ContainerNonOverridable
    /** Needed to submit a workload; optional for the asset itself. */
    image: z.string().min(1).nullish(),
    imagePullPolicy: optionalOneOf(IMAGE_PULL_POLICIES),
    workingDir: z.string().min(1).nullish(),
    createHomeDir: z.boolean().nullish(),
    probes: Probes.nullish(),
    // CommonSecurityNonOverridable
    uidGidSource: optionalOneOf(UID_GID_SOURCES),
    capabilities: z.array(oneOf(CAPABILITIES)).nullish(),
    seccompProfileType: optionalOneOf(SECCOMP_PROFILE_TYPES),
    runAsNonRoot: z.boolean().nullish(),
    readOnlyRootFilesystem: z.boolean().nullish(),
    // ContainerNonInferenceNonOverridable (not allowed for inference)
    tty: z.boolean().nullish(),
    stdin: z.boolean().nullish(),
    // NonInferenceSecurityNonOverridable (not allowed for inference)
    allowPrivilegeEscalation: z.boolean().nullish(),
    hostIpc: z.boolean().nullish(),
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
