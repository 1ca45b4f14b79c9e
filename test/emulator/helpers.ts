// Request bodies and small matchers shared by the emulator's tests. The emulator itself, the path
// constants and the contract check of responses are in the harness (test/support/emulator.ts).

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function configMapBody(name: string, projectId = 1001, spec: Record<string, unknown> = {}) {
  return {
    meta: { name, scope: "project", projectId },
    spec: { configMap: `${name}-cm`, mountPath: "/etc/config", ...spec },
  };
}

export function environmentBody(
  name: string,
  meta: Record<string, unknown> = { scope: "project", projectId: 1001 },
  spec: Record<string, unknown> = {},
) {
  return { meta: { name, ...meta }, spec: { image: "python:3.12", ...spec } };
}

/** Decodes a JWT's claims without verifying it (what clients do to read `exp`). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}

/** Collection paths of the kinds beyond config-map and environment (test/support/emulator.ts has those two). */
export const COMPUTE = "/api/v1/asset/compute";
export const PVCS = "/api/v1/asset/datasource/pvc";
export const NFS = "/api/v1/asset/datasource/nfs";
export const S3 = "/api/v1/asset/datasource/s3";
export const GIT = "/api/v1/asset/datasource/git";
export const HOST_PATHS = "/api/v1/asset/datasource/host-path";
export const SECRET_VOLUMES = "/api/v1/asset/datasource/secrets";
export const ACCESS_KEYS = "/api/v1/asset/credentials/access-key";
export const PASSWORDS = "/api/v1/asset/credentials/password";
export const DOCKER_REGISTRIES = "/api/v1/asset/credentials/docker-registry";
export const GENERIC_SECRETS = "/api/v1/asset/credentials/generic-secret";

export const PROJECT_META = { scope: "project", projectId: 1001 };

/** A creation body of any kind: `{meta: {name, ...meta}, spec}`. */
export function assetBody(name: string, spec: unknown, meta: Record<string, unknown> = PROJECT_META) {
  return { meta: { name, ...meta }, spec };
}
