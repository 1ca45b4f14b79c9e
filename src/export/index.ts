// runai-export (bin/runai-export.js): a Pulumi bulk import file for an existing Run:ai tenant.
export { runExport, USAGE } from "./cli";
export type { CliIo } from "./cli";
export { exportTenant } from "./export";
export type { ExportResult } from "./export";
export { parseFilters } from "./filters";
export { EXPORTED_TYPES } from "./kinds";
export { resourceNames, slug } from "./naming";
export { importRounds, linksAmong } from "./references";
