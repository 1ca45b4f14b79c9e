// Minimal HS256 JSON Web Tokens with node:crypto: enough for clients to read `exp` and for the
// emulator to verify what it issued. No external JWT library is needed for one algorithm.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export interface TokenClaims {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  tenant_id: number;
}

const HEADER = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));

export function signToken(
  key: Buffer,
  subject: string,
  tenantId: number,
  ttlSeconds: number,
  nowMs = Date.now(),
): { token: string; claims: TokenClaims } {
  const iat = Math.floor(nowMs / 1000);
  const claims: TokenClaims = {
    iss: "runai-emulator",
    sub: subject,
    iat,
    exp: iat + ttlSeconds,
    jti: randomUUID(),
    tenant_id: tenantId,
  };
  const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return { token: `${unsigned}.${signature(key, unsigned)}`, claims };
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: "malformed" | "signature" | "expired" };

export function verifyToken(key: Buffer, token: string, nowMs = Date.now()): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(signature(key, `${parts[0]}.${parts[1]}`));
  const actual = Buffer.from(parts[2]);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: "signature" };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as TokenClaims;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims.sub !== "string" || typeof claims.exp !== "number") return { ok: false, reason: "malformed" };
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}

function signature(key: Buffer, data: string): string {
  return createHmac("sha256", key).update(data).digest("base64url");
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}
