// Applications (organization API clients), `/api/v1/apps`, and the token endpoint `/api/v1/token`
// (REFERENCE.md §4, Run:ai 2.22).
import { z } from "zod";
import { lenientObject } from "./common";

/** `ApplicationCreationRequest.name` pattern (2.20+). Names are unique in the organization (409). */
export const APPLICATION_NAME_PATTERN = /^[a-z][-_a-z0-9]*[a-z0-9]$/;

/** How check words the name rule. */
export const APPLICATION_NAME_RULE =
  `must match ${APPLICATION_NAME_PATTERN.source} ` +
  '(lowercase letters, digits, "-" and "_", starting with a letter and ending with a letter or digit, at least 2 characters long)';

/**
 * What a program declares for an Application (the resource inputs, `adoptExisting` aside). The name
 * rule quotes the offending value: names are not secret, and the pattern alone is hard to read.
 */
export const ApplicationInputs = z.strictObject({
  name: z
    .string()
    .check((ctx) => {
      if (!APPLICATION_NAME_PATTERN.test(ctx.value)) {
        ctx.issues.push({ code: "custom", input: ctx.value, message: `${APPLICATION_NAME_RULE}, got ${JSON.stringify(ctx.value)}` });
      }
    })
    .describe(
      "Application name, unique in the organization; defaults to the Pulumi resource name. Must match `^[a-z][-_a-z0-9]*[a-z0-9]$`. A change replaces the application (the one with the new name is created first).",
    ),
  enabled: z.boolean().optional().describe("Whether the application may obtain tokens. Default true. Changes in place."),
  rotateWhenChanged: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'Any change to this map regenerates the secret in place: same application id, new secret, the old one revoked at once. E.g. `{ rotation: "2025-q3" }`. (Values are never quoted back in messages: they may be hashes of secrets.)',
    ),
});
export type ApplicationInputs = z.infer<typeof ApplicationInputs>;

/** `ApplicationCreationRequest { name }`. */
export const ApplicationCreationRequest = z.strictObject({
  name: z.string().regex(APPLICATION_NAME_PATTERN),
});
export type ApplicationCreationRequest = z.infer<typeof ApplicationCreationRequest>;

/** `ApplicationPatchRequest { enabled }`: the only mutable attribute (renaming is impossible). */
export const ApplicationPatchRequest = z.strictObject({
  enabled: z.boolean(),
});
export type ApplicationPatchRequest = z.infer<typeof ApplicationPatchRequest>;

/**
 * `ApplicationPostResponse`: the create response, the only one that carries the secret.
 * `clientId` is optional in the contract (2.20+); before 2.20 the name served as the client id.
 */
export const ApplicationPostResponse = lenientObject({
  id: z.string().min(1),
  name: z.string(),
  secret: z.string().min(1),
  clientId: z.string().optional(),
});
export type ApplicationPostResponse = z.infer<typeof ApplicationPostResponse>;

/**
 * `Application` as returned by get and list. Never carries the secret. `tenantId` is declared a string
 * but the contract's own example sends a number: both are accepted.
 */
export const Application = lenientObject({
  id: z.string().min(1),
  name: z.string(),
  clientId: z.string(),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  lastLogin: z.string().nullable(),
  tenantId: z.union([z.string(), z.number()]).optional(),
});
export type Application = z.infer<typeof Application>;

/** `Applications`: the list response, a bare array (no paging). */
export const ApplicationList = z.array(Application);
export type ApplicationList = z.infer<typeof ApplicationList>;

/** The 200 body of `POST /api/v1/apps/{appId}/secret` (the old secret is revoked). */
export const ApplicationSecretResponse = lenientObject({
  secret: z.string().min(1),
});
export type ApplicationSecretResponse = z.infer<typeof ApplicationSecretResponse>;

// ---- token endpoint -------------------------------------------------------------------------------

export const TOKEN_GRANT_TYPES = [
  "app_token",
  "client_credentials",
  "refresh_token",
  "exchange_token",
  "password",
  "external_token_exchange",
] as const;

/**
 * `TokenRequest`. The schema spells the id `clientID`; the public docs' examples send `clientId`.
 * Both are declared here (the schema has no `required` list).
 */
export const TokenRequest = z.strictObject({
  grantType: z.enum(TOKEN_GRANT_TYPES),
  clientId: z.string().optional(),
  clientID: z.string().optional(),
  clientSecret: z.string().optional(),
  appID: z.string().optional(),
  appSecret: z.string().optional(),
  code: z.string().optional(),
  redirectUri: z.string().optional(),
  refreshToken: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  externalToken: z.string().optional(),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

/**
 * `TokenResponse`. The contract requires nothing; we rely on `accessToken` (a JWT whose `exp` gives
 * the lifetime up to 2.23; 2.24 adds `expiresIn`), so it is required here.
 */
export const TokenResponse = lenientObject({
  accessToken: z.string().min(1),
  idToken: z.string().optional(),
  refreshToken: z.string().optional(),
  externalToken: z.string().optional(),
  expiresIn: z.number().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;
