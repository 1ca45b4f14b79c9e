// `runai-export`: the command line. Progress, the summary and the secret commands go to stderr (or
// --secrets-out); the import files are the only other output. Nothing is written to Run:ai.
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { RunaiError } from "../client/errors";
import { RunaiProviderError } from "../provider/errors";
import { typeToken } from "../plugin/token";
import { ExportError } from "./errors";
import { exportTenant } from "./export";
import type { ExportResult } from "./export";
import { parseFilters } from "./filters";
import { importFile, roundPath, writeJson } from "./import-file";
import { applicationSecrets, configCommands, unreadableSecrets } from "./secrets";
import { connect } from "./settings";

export const USAGE = `Usage: runai-export [options]

Writes a Pulumi bulk import file (pulumi import --file) for the Run:ai tenant the provider's settings
name: the runai:* config of the current stack (in a Pulumi project folder) or the RUNAI_* variables.

  --out <file>          the import file (default runai-import.json)
  --department <name>   only this department, its projects and what lives in them (repeatable)
  --project <name>      only this project and what lives in it (repeatable)
  --kinds <A,B,…>       only these kinds, e.g. Project,ConfigMapAsset
  --match <regex>       only objects whose Run:ai name matches
  --exclude <regex>     leave out objects whose Run:ai name matches
  --include-system      also what Run:ai makes itself (the default node pool, system assets)
  --stack <name>        read this stack's config instead of the current one
  --secrets-out <file>  write the pulumi config set --secret commands there (default: stderr)
`;

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stderr: (text: string) => void;
}

/** Runs the command; resolves with its exit code. */
export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (err) {
    if (err instanceof ExportError || err instanceof RunaiProviderError || err instanceof RunaiError) {
      io.stderr(`runai-export: ${err.message}\n`);
      return err instanceof ExportError ? err.exitCode : 1;
    }
    throw err;
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: "string", default: "runai-import.json" },
        department: { type: "string", multiple: true },
        project: { type: "string", multiple: true },
        kinds: { type: "string", multiple: true },
        match: { type: "string" },
        exclude: { type: "string" },
        "include-system": { type: "boolean", default: false },
        stack: { type: "string" },
        "secrets-out": { type: "string" },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (err) {
    throw new ExportError(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<void> {
  const options = parse(argv);
  if (options.help) {
    io.stderr(USAGE);
    return;
  }
  const filters = parseFilters({
    departments: options.department,
    projects: options.project,
    kinds: options.kinds,
    match: options.match,
    exclude: options.exclude,
    includeSystem: options["include-system"],
  });
  const ctx = await connect({ projectDir: io.cwd, stack: options.stack, env: io.env });
  const result = await exportTenant(ctx, filters, (line) => io.stderr(`${line}\n`));
  const files = result.rounds.map((objects, round) => {
    const file = roundPath(options.out, round);
    writeJson(file, importFile(objects, result.names));
    return { file, count: objects.length };
  });
  if (files.length === 0) {
    writeJson(options.out, importFile([], result.names));
    files.push({ file: options.out, count: 0 });
  }
  io.stderr(summary(result, files));
  // A later file of an earlier export of more coincidences would be imported by mistake.
  for (let round = files.length; fs.existsSync(roundPath(options.out, round)); round++) {
    fs.rmSync(roundPath(options.out, round));
    io.stderr(`removed ${roundPath(options.out, round)}, a later file of an earlier export\n`);
  }
  const exported = result.rounds.flat();
  const commands = configCommands(unreadableSecrets(exported, result.names));
  if (options["secrets-out"]) fs.writeFileSync(options["secrets-out"], commands);
  else io.stderr(commands);
  const apps = applicationSecrets(exported, result.names);
  if (apps.length > 0) {
    io.stderr(
      `Application secrets are shown once by Run:ai and not exported: ${apps.join(", ")} (changing rotateWhenChanged regenerates one)\n`,
    );
  }
}

function summary(result: ExportResult, files: { file: string; count: number }[]): string {
  const lines: string[] = [];
  for (const { file, count } of files) lines.push(`wrote ${file}: ${count} resource${count === 1 ? "" : "s"}`);
  const reasons = new Map<string, Map<string, number>>();
  for (const { object, reason } of result.leftOut) {
    const byType = reasons.get(reason) ?? new Map<string, number>();
    byType.set(object.type, (byType.get(object.type) ?? 0) + 1);
    reasons.set(reason, byType);
  }
  for (const [reason, byType] of reasons) {
    const counted = [...byType].map(([type, count]) => `${count} ${type}`).join(", ");
    lines.push(`left out ${counted}: ${reason}`);
  }
  for (const link of result.coincidences) {
    const name = (object: typeof link.from) => `${typeToken(object.type)} ${result.names.get(`${object.type}/${object.id}`)!}`;
    lines.push(
      `split: ${name(link.from)} ${link.path} equals the ${link.by} of ${name(link.to)} by coincidence; ` +
        "they go to different import files, so the generated code keeps the value",
    );
  }
  if (files.length > 1) lines.push(`import the files in order: ${files.map(({ file }) => `pulumi import --file ${file}`).join(", then ")}`);
  return `${lines.join("\n")}\n`;
}
