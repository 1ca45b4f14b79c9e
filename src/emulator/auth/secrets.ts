// Application secrets exist in plaintext only in the 201/200 response that hands them out. The
// emulator keeps (in memory and in the state file) a salted SHA-256 of each one. The secrets are 192
// random bits, so a fast salted hash is enough; a slow KDF would only slow token requests down.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { SecretHash } from "../types";

export function generateSecret(): string {
  return randomBytes(24).toString("base64url");
}

export function hashSecret(secret: string, salt = randomBytes(16).toString("base64")): SecretHash {
  return { salt, hash: digest(salt, secret) };
}

export function secretMatches(secret: string, stored: SecretHash): boolean {
  const actual = Buffer.from(digest(stored.salt, secret), "base64");
  const expected = Buffer.from(stored.hash, "base64");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Constant-time comparison of two plaintext strings (the configured admin secret). */
export function sameString(a: string, b: string): boolean {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return timingSafeEqual(x, y);
}

function digest(salt: string, secret: string): string {
  return createHash("sha256").update(salt).update("\0").update(secret).digest("base64");
}
