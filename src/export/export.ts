// One export: list the kinds asked for, leave out what the filters and --include-system say, name
// what is left, and split it into import files where Pulumi would link values by coincidence.
import type { ProviderContext } from "../provider/context";
import { leftOutBy, resolveScopes } from "./filters";
import type { Filters } from "./filters";
import { EXPORTED_KINDS } from "./kinds";
import { listKind, readListed } from "./listing";
import type { ListedObject } from "./listing";
import { compare, resourceNames } from "./naming";
import { importRounds } from "./references";
import type { Link } from "./references";

export interface ExportResult {
  /** The objects of each import file, in order. */
  rounds: ListedObject[][];
  names: Map<string, string>;
  /** What was listed and left out, and why. */
  leftOut: { object: ListedObject; reason: string }[];
  /** Coincidental links that moved an object to a later file. */
  coincidences: Link[];
}

export async function exportTenant(ctx: ProviderContext, filters: Filters, progress: (line: string) => void): Promise<ExportResult> {
  const scoped = filters.departments.length > 0 || filters.projects.length > 0;
  // Projects are listed whenever places matter: an asset's department is its project's.
  const needed = new Set(filters.kinds);
  if (
    scoped ||
    needed.has("AccessRule") ||
    needed.has("WorkloadPolicy") ||
    [...needed].some((type) => type.endsWith("Asset") || type.endsWith("Credential"))
  ) {
    needed.add("Project");
  }
  if (filters.departments.length > 0) needed.add("Department");
  const kinds = EXPORTED_KINDS.filter((kind) => needed.has(kind.type));
  const raw = new Map(
    await Promise.all(
      kinds.map(async (kind) => {
        const objects = await listKind(ctx, kind.type);
        return [kind.type, objects] as const;
      }),
    ),
  );
  const projectDepartment = new Map((raw.get("Project") ?? []).map(({ id, outputs }) => [id, String(outputs.departmentId)]));
  const listedByKind = new Map<string, ListedObject[]>();
  for (const kind of kinds) {
    const objects = readListed(kind, raw.get(kind.type)!, projectDepartment);
    listedByKind.set(kind.type, objects);
    if (filters.kinds.includes(kind.type)) progress(`${kind.type}: ${objects.length} listed`);
  }
  const scopes = {
    departments: resolveScopes("department", filters.departments, listedByKind.get("Department") ?? []),
    projects: resolveScopes("project", filters.projects, listedByKind.get("Project") ?? []),
  };
  const kept: ListedObject[] = [];
  const leftOut: ExportResult["leftOut"] = [];
  for (const type of filters.kinds) {
    const objects = [...listedByKind.get(type)!].sort((a, b) => compare(a.runaiName, b.runaiName) || compare(a.id, b.id));
    for (const object of objects) {
      const reason = leftOutBy(object, filters, scopes);
      if (reason) leftOut.push({ object, reason });
      else kept.push(object);
    }
  }
  const names = resourceNames(kept);
  const byName = (a: ListedObject, b: ListedObject) => compare(names.get(`${a.type}/${a.id}`)!, names.get(`${b.type}/${b.id}`)!);
  const ordered = filters.kinds.flatMap((type) => kept.filter((object) => object.type === type).sort(byName));
  const { rounds, coincidences } = importRounds(ordered);
  return { rounds, names, leftOut, coincidences };
}
