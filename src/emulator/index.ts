// Public entry point: `import { startEmulator } from "pulumi-runai/emulator"`.
export { startEmulator } from "./start";
export { runCli } from "./cli";
export type { Emulator, EmulatorOptions, FaultRule, Organisation, Department, Project } from "./types";
export { SEED_ORGANISATION, DEFAULT_ADMIN_CLIENT_ID, DEFAULT_ADMIN_CLIENT_SECRET } from "./state/seed";
export { OPENAPI_DOCUMENT_PATH } from "./http/openapi";
