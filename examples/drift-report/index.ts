// Drift report: which resources of a stack were changed outside Pulumi, which of their fields, and
// their old and new values, as JSON on stdout. It runs `pulumi preview --refresh` through the
// Automation API: the resources are read from the cloud, but nothing is saved (a preview never
// writes the stack's state), and the program is run, so the provider itself says whether the live
// object still matches the program (fields the server fills in, like timestamps, never count).
//
//   node -r ts-node/register/transpile-only index.ts --stack <org/project/stack> [--cwd <program dir>]
//        [--summary <file>]    # also append a Markdown table (e.g. to $GITHUB_STEP_SUMMARY)
//
// Exit codes: 0 no drift, 2 drift found, 1 the report could not be made (bad arguments, the
// preview failed). Secret values are never printed: the engine's events carry them masked, and they
// are reported as "[secret]".
import { parseArgs } from "node:util";
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import type { EngineEvent, StepEventStateMetadata } from "@pulumi/pulumi/automation";

export const EXIT_NO_DRIFT = 0;
export const EXIT_FAILED = 1;
export const EXIT_DRIFT = 2;

/** How the engine marks a secret value in its events (the value itself is masked). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_MARK = "1b47061264138c4ac30d75fd1eb44270";
export const SECRET = "[secret]";

type Json = Record<string, unknown>;

export interface FieldDrift {
  /** Dotted path in the resource's outputs, e.g. "spec.mountPath"; a list counts as one field. */
  path: string;
  /** The value the stack's state holds (from its last update); absent when the field was not set. */
  old?: unknown;
  /** The value found in the cloud now; absent when the field is no longer set. */
  new?: unknown;
}

export interface ResourceDrift {
  urn: string;
  type: string;
  name: string;
  id?: string;
  /** "modified": changed outside Pulumi; "deleted": gone from the cloud. */
  change: "modified" | "deleted";
  fields: FieldDrift[];
}

export interface DriftReport {
  stack: string;
  drifted: ResourceDrift[];
  /** Changes `pulumi up` would make because the program differs from the state: not drift. */
  programChanges: { urn: string; ops: string[] }[];
}

/** Runs the refreshing preview and builds the report; throws when the preview fails. */
export async function driftReport(stackName: string, workDir: string): Promise<DriftReport> {
  const stack = await LocalWorkspace.selectStack({ stackName, workDir });
  // Per URN: the state before and after the refresh, and the steps the preview plans after it.
  const refreshed = new Map<string, { before?: StepEventStateMetadata; after?: StepEventStateMetadata }>();
  const planned = new Map<string, { type: string; ops: Set<string>; inputs?: Json }>();
  const onEvent = (event: EngineEvent) => {
    const metadata = event.resOutputsEvent?.metadata ?? event.resourcePreEvent?.metadata;
    if (!metadata || metadata.type.startsWith("pulumi:")) return; // the stack itself and providers
    if (metadata.op === "refresh") {
      if (event.resOutputsEvent) refreshed.set(metadata.urn, { before: metadata.old, after: metadata.new });
    } else if (event.resourcePreEvent) {
      const entry = planned.get(metadata.urn) ?? { type: metadata.type, ops: new Set<string>() };
      entry.ops.add(metadata.op);
      entry.inputs ??= metadata.new?.inputs;
      planned.set(metadata.urn, entry);
    }
  };
  await stack.preview({ refresh: true, onEvent });

  const drifted: ResourceDrift[] = [];
  const programChanges: DriftReport["programChanges"] = [];
  for (const [urn, plan] of planned) {
    const ops = [...plan.ops].filter((op) => op !== "same");
    if (ops.length === 0) continue;
    const refresh = refreshed.get(urn);
    const resource = { urn, type: plan.type, name: urn.split("::").pop() ?? urn, id: refresh?.before?.id };
    if (refresh?.before && !refresh.after) {
      drifted.push({ ...resource, change: "deleted", fields: [] });
      continue;
    }
    if (!refresh?.before || !refresh.after) {
      programChanges.push({ urn, ops }); // a resource the program adds (or one the state lost track of)
      continue;
    }
    let fields = changedFields(refresh.before, refresh.after, plan.inputs);
    // Nothing visible changed, yet the program is what the stack last deployed and the provider
    // still plans a change: the difference is hidden in a secret. Name the secret fields, never
    // their values.
    if (fields.length === 0 && sameJson(leaves(refresh.before.inputs ?? {}), leaves(plan.inputs ?? {}))) {
      fields = leaves(refresh.after.outputs ?? {})
        .filter(([, value]) => value === SECRET)
        .map(([fieldPath]) => ({ path: fieldPath, old: SECRET, new: SECRET }));
    }
    if (fields.length > 0) drifted.push({ ...resource, change: "modified", fields });
    else programChanges.push({ urn, ops });
  }
  return { stack: stackName, drifted, programChanges };
}

/**
 * The fields whose value the refresh changed. Fields the program declares (in the stack's inputs or
 * the program's) count with any change; other fields only when they appeared or disappeared, which
 * keeps out what the server updates by itself (timestamps, counters, sync status).
 */
function changedFields(before: StepEventStateMetadata, after: StepEventStateMetadata, programInputs: Json | undefined): FieldDrift[] {
  const declared = new Set([...leafPaths(before.inputs ?? {}), ...leafPaths(programInputs ?? {})]);
  const fields: FieldDrift[] = [];
  for (const fieldPath of new Set([...declared, ...leafPaths(before.outputs ?? {}), ...leafPaths(after.outputs ?? {})])) {
    const covered = [...declared].some((d) => fieldPath === d || fieldPath.startsWith(`${d}.`));
    if (!declared.has(fieldPath) && covered) continue; // inside a declared field: reported as a whole
    const [oldValue, newValue] = [valueAt(before.outputs, fieldPath), valueAt(after.outputs, fieldPath)].map(masked);
    if (declared.has(fieldPath) ? sameJson(oldValue, newValue) : (oldValue === undefined) === (newValue === undefined)) continue;
    fields.push({ path: fieldPath, old: oldValue, new: newValue });
  }
  return fields;
}

function isSecret(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Json)[SECRET_SIG] === SECRET_MARK;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isSecret(value);
}

/** The value with every secret replaced by "[secret]". */
function masked(value: unknown): unknown {
  if (isSecret(value)) return SECRET;
  if (Array.isArray(value)) return value.map(masked);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
}

/** [path, masked value] of every leaf: objects are walked, lists, scalars and secrets are leaves. */
function leaves(value: Json, prefix = ""): [string, unknown][] {
  return Object.entries(value).flatMap(([key, child]): [string, unknown][] => {
    if (key.startsWith("__")) return []; // engine-internal, e.g. a dynamic provider's serialized code
    const fieldPath = prefix + key;
    return isObject(child) && Object.keys(child).length > 0 ? leaves(child, `${fieldPath}.`) : [[fieldPath, masked(child)]];
  });
}

function leafPaths(value: Json): string[] {
  return leaves(value).map(([fieldPath]) => fieldPath);
}

function valueAt(root: Json | undefined, fieldPath: string): unknown {
  let current: unknown = root;
  for (const key of fieldPath.split(".")) current = isObject(current) ? current[key] : undefined;
  return current;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  return value;
}

/** The report as a Markdown section, for a CI job summary. */
export function markdown(report: DriftReport): string {
  const cell = (value: unknown) =>
    value === undefined ? "(not set)" : "`" + JSON.stringify(value).slice(0, 200).replace(/\|/g, "\\|").replace(/`/g, "'") + "`";
  const lines = [report.drifted.length === 0 ? `### No drift in \`${report.stack}\`` : `### Drift in \`${report.stack}\``, ""];
  if (report.drifted.length > 0) {
    lines.push("| resource | type | field | old (in the stack's state) | new (found now) |", "|---|---|---|---|---|");
    for (const r of report.drifted) {
      const resource = `| \`${r.name}\` | \`${r.type}\` |`;
      if (r.change === "deleted") lines.push(`${resource} (the whole resource) | exists | deleted outside Pulumi |`);
      for (const f of r.fields) lines.push(`${resource} \`${f.path}\` | ${cell(f.old)} | ${cell(f.new)} |`);
    }
    lines.push("", "`pulumi up --refresh` puts the program's values back; or change the program to keep the new ones.");
  }
  if (report.programChanges.length > 0) {
    lines.push("", "Not drift: the program differs from the stack's state (run `pulumi up`) for:", "");
    for (const change of report.programChanges) lines.push(`- \`${change.urn}\`: ${change.ops.join(", ")}`);
  }
  return lines.join("\n") + "\n";
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { stack: { type: "string" }, cwd: { type: "string", default: "." }, summary: { type: "string" } },
  });
  if (!values.stack) {
    process.stderr.write("usage: drift-report --stack <org/project/stack> [--cwd <program dir>] [--summary <file>]\n");
    return EXIT_FAILED;
  }
  const report = await driftReport(values.stack, path.resolve(values.cwd ?? "."));
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  if (values.summary) fs.appendFileSync(values.summary, markdown(report));
  return report.drifted.length > 0 ? EXIT_DRIFT : EXIT_NO_DRIFT;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`drift-report: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
