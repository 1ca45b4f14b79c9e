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
