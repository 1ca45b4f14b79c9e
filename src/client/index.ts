// The Run:ai REST client. Imports nothing from Pulumi: usable from any Node.js program.
export { RunaiClient, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from "./client";
export type { RunaiClientOptions, StaticTokenCredentials } from "./client";
export { AssetEndpoint, matchesAssetKey } from "./assets";
export type { AssetGetOptions, AssetKey, AssetListFilter } from "./assets";
export { AppsEndpoint, APPS_PATH } from "./apps";
export { DEPARTMENT_CONTRACT, OrgUnitEndpoint, PROJECT_CONTRACT } from "./org-units";
export type { DepartmentsEndpoint, OrgUnitContract, OrgUnitIdentity, OrgUnitListFilter, ProjectsEndpoint } from "./org-units";
export { AccessRulesEndpoint, matchesAccessRule } from "./access-rules";
export type { AccessRuleListFilter } from "./access-rules";
export { RolesEndpoint } from "./roles";
export { ClustersEndpoint, NodePoolsEndpoint } from "./clusters";
export type { NodePoolListFilter } from "./clusters";
export {
  ACCESS_RULES_PATH,
  CLUSTERS_PATH,
  DEPARTMENTS_PATH,
  filterBy,
  MAX_PAGES,
  NODE_POOLS_PATH,
  PAGE_LIMIT,
  PROJECTS_PATH,
  ROLES_PATH,
} from "./org";
export { clearTokenCache, decodeJwtTimes, tokenSchedule, TOKEN_PATH } from "./auth";
export type { ClientCredentials, JwtTimes, TokenSchedule } from "./auth";
export type { RetryEvent } from "./http";
export {
  DEFAULT_RETRY,
  isRetryableStatus,
  isTransient,
  isUncertainOutcome,
  mayRetry,
  parseRetryAfter,
  retryDelayMs,
  retryPolicy,
} from "./retry";
export type { RetryOptions, RetryPolicy } from "./retry";
export * from "./errors";
