// The Run:ai REST client. Imports nothing from Pulumi: usable from any Node.js program.
export { RunaiClient, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from "./client";
export type { RunaiClientOptions, StaticTokenCredentials } from "./client";
export { AssetEndpoint, matchesAssetKey } from "./assets";
export type { AssetGetOptions, AssetKey, AssetListFilter } from "./assets";
export { AppsEndpoint, APPS_PATH } from "./apps";
export { clearTokenCache, decodeJwtTimes, tokenSchedule, TOKEN_PATH } from "./auth";
export type { ClientCredentials, JwtTimes, TokenSchedule } from "./auth";
export type { RetryEvent } from "./http";
export { DEFAULT_RETRY, isRetryableStatus, isTransient, isUncertainOutcome, parseRetryAfter, retryDelayMs, retryPolicy } from "./retry";
export type { RetryOptions, RetryPolicy } from "./retry";
export * from "./errors";
