// The enums of the environment asset's spec (Run:ai 2.22 `EnvironmentAssetSpec`), kept apart from
// the schemas in environment.ts, which re-exports them.

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
