// `runai-emulator` command line (bin/runai-emulator.js is a thin wrapper around runCli).
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { SEED_CLUSTER, SEED_NODE_POOLS } from "./state/seed";
import { startEmulator } from "./start";
import type { Emulator, FaultRule } from "./types";

const USAGE = `Usage: runai-emulator [options]

A local NVIDIA Run:ai 2.22 control plane (assets, applications, tokens) for demos, tests and CI.

Options:
  --port <n>                     port to listen on (default 8090; 0 = any free port)
  --host <host>                  interface to bind (default 127.0.0.1)
  --state-file <path>            persist state to this JSON file and load it at start
  --sync-delay-ms <n>            how long assets report Creating/Updating/Deleting (default 200)
  --token-ttl-seconds <n>        access token lifetime (default 3600)
  --admin-client-id <id>         admin client id (default runai-admin)
  --admin-client-secret <secret> admin client secret (default runai-admin-secret)
  --latency-ms <n>               fault: add this latency to every API request
  --jitter-ms <n>                fault: add up to this much random latency
  --error-rate <0..1>            fault: answer this share of API requests with an error
  --error-status <503|429>       fault: status of injected errors (default 503)
  --retry-after-seconds <n>      fault: Retry-After sent with injected errors
  --drop-after-commit-rate <0..1> fault: commit this share of writes, then drop the connection
  --fault-method <METHOD>        apply the fault flags above to this HTTP method only
  --fault-route <template>       ... and/or to this route only, e.g. /api/v1/asset/environment/{AssetId}
  --faults-file <path>           more start-time fault rules: JSON {"rules": [...]}, the body of
                                 PUT /__emulator/faults (rules can change at run time there)
  --quiet                        no per-request log lines
  --help                         show this help
`;

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  "state-file": { type: "string" },
  "sync-delay-ms": { type: "string" },
  "token-ttl-seconds": { type: "string" },
  "admin-client-id": { type: "string" },
  "admin-client-secret": { type: "string" },
  "latency-ms": { type: "string" },
  "jitter-ms": { type: "string" },
  "error-rate": { type: "string" },
  "error-status": { type: "string" },
  "retry-after-seconds": { type: "string" },
  "drop-after-commit-rate": { type: "string" },
  "fault-method": { type: "string" },
  "fault-route": { type: "string" },
  "faults-file": { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean" },
} as const;

class UsageError extends Error {}

function numberFlag(values: Record<string, unknown>, flag: string): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw === "" || !Number.isFinite(value)) throw new UsageError(`--${flag}: expected a number, got "${String(raw)}"`);
  return value;
}

/** The start-time fault rule built from the fault flags (null when none is given). */
function faultRuleFromFlags(values: Record<string, unknown>): FaultRule | null {
  const rule: FaultRule = {};
  const latencyMs = numberFlag(values, "latency-ms");
  const jitterMs = numberFlag(values, "jitter-ms");
  const errorRate = numberFlag(values, "error-rate");
  const errorStatus = numberFlag(values, "error-status");
  const retryAfterSeconds = numberFlag(values, "retry-after-seconds");
  const dropAfterCommitRate = numberFlag(values, "drop-after-commit-rate");
  if (latencyMs !== undefined) rule.latencyMs = latencyMs;
  if (jitterMs !== undefined) rule.jitterMs = jitterMs;
  if (errorRate !== undefined) rule.errorRate = errorRate;
  if (errorStatus !== undefined) {
    if (errorStatus !== 503 && errorStatus !== 429) throw new UsageError("--error-status: must be 503 or 429");
    rule.errorStatus = errorStatus;
  }
  if (retryAfterSeconds !== undefined) rule.retryAfterSeconds = retryAfterSeconds;
  if (dropAfterCommitRate !== undefined) rule.dropAfterCommitRate = dropAfterCommitRate;
  if (Object.keys(rule).length === 0) {
    if (values["fault-method"] !== undefined || values["fault-route"] !== undefined) {
      throw new UsageError("--fault-method and --fault-route scope a fault: give a fault flag too (e.g. --error-rate)");
    }
    return null;
  }
  if (values["fault-method"] !== undefined) rule.method = String(values["fault-method"]).toUpperCase();
  if (values["fault-route"] !== undefined) rule.route = String(values["fault-route"]);
  return rule;
}

/** Start-time rules from --faults-file (validated with the rest by startEmulator). */
function faultRulesFromFile(values: Record<string, unknown>): FaultRule[] {
  const file = values["faults-file"];
  if (file === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(String(file), "utf8"));
  } catch (err) {
    throw new UsageError(`--faults-file: cannot read "${String(file)}" as JSON: ${(err as Error).message}`);
  }
  const rules = (parsed as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new UsageError(`--faults-file: expected {"rules": [...]} in "${String(file)}"`);
  return rules as FaultRule[];
}

/**
 * What a person trying the emulator needs first: where it listens, the admin credentials, the ids
 * and names look-ups and assets refer to (cluster, node pools, departments, projects), how to get a
 * token by hand, and the admin API (whose index answers at the printed URL).
 */
export function banner(emulator: Emulator, stateFile: string | undefined): string {
  const org = emulator.organisation;
  // In single quotes for the shell, whatever the credentials hold.
  const credentials = JSON.stringify({
    grantType: "client_credentials",
    clientId: emulator.adminClientId,
    clientSecret: emulator.adminClientSecret,
  }).replaceAll("'", "'\\''");
  const lines = [
    `Run:ai emulator listening on ${emulator.url}`,
    `  admin client id:     ${emulator.adminClientId}`,
    `  admin client secret: ${emulator.adminClientSecret}`,
    `  tenant id:           ${org.tenantId}`,
    `  cluster id:          ${org.clusterId}`,
    `  cluster name:        ${SEED_CLUSTER.name}`,
    ...SEED_NODE_POOLS.map((pool) => `  node pool:           ${pool.id} ${pool.name}${pool.isDefault ? " (the default)" : ""}`),
    ...org.departments.map((d) => `  department:          ${d.id} ${d.name}`),
    ...org.projects.map((p) => `  project:             ${p.id} ${p.name} (department ${p.departmentId})`),
    `  state file:          ${stateFile ?? "(none: state is in memory only)"}`,
    `  a token by hand:     curl -s -X POST ${emulator.url}/api/v1/token -H 'content-type: application/json' -d '${credentials}'`,
    `  admin API:           ${emulator.url}/__emulator/ (its routes: counters, faults, reset, state)`,
  ];
  return lines.join("\n");
}

/** Runs the emulator until SIGINT/SIGTERM; on a startup failure sets process.exitCode (2 for bad flags, 1 otherwise). */
export async function runCli(argv: string[]): Promise<void> {
  let values: Record<string, unknown>;
  let emulator: Emulator;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
    if (values.help) {
      process.stdout.write(USAGE);
      return;
    }
    const rule = faultRuleFromFlags(values);
    const faults = [...faultRulesFromFile(values), ...(rule ? [rule] : [])];
    emulator = await startEmulator({
      port: numberFlag(values, "port") ?? 8090,
      host: values.host as string | undefined,
      stateFile: values["state-file"] as string | undefined,
      syncDelayMs: numberFlag(values, "sync-delay-ms"),
      tokenTtlSeconds: numberFlag(values, "token-ttl-seconds"),
      adminClientId: values["admin-client-id"] as string | undefined,
      adminClientSecret: values["admin-client-secret"] as string | undefined,
      faults,
      quiet: values.quiet === true,
    });
  } catch (err) {
    process.stderr.write(`runai-emulator: ${(err as Error).message}\n`);
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`\n${USAGE}`);
    }
    process.exitCode = err instanceof UsageError ? 2 : 1;
    return;
  }

  process.stdout.write(`${banner(emulator, values["state-file"] as string | undefined)}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`received ${signal}, stopping\n`);
    emulator.stop().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`runai-emulator: stop failed: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

if (require.main === module) void runCli(process.argv.slice(2));
