// The scopes objects live in, checked where the engine lets us look: at check time an id that names
// no project, department or cluster fails the preview (Run:ai would refuse the create at `up`), and
// at refresh an object whose scope was deleted since is marked, so refresh reports it and the next
// `up` replaces it. Each scope is read once per provider process (reference-cache.ts), whichever
// kind names it: 200 assets in one project cost one read of the project.
import type * as pulumi from "@pulumi/pulumi";
import type { Project } from "../schemas";
import type { ProviderContext } from "./context";
import type { Json, ResourceKind } from "./kind";
import { scopeOf, UNREADABLE } from "./reference-cache";
import type { ScopeType } from "./reference-cache";
import type { CheckFailure, Failures, Path } from "./validation";
import { formatPath, isKnown } from "./validation";

export type { ScopeType } from "./reference-cache";

/** A scope named by id at `path` of an object's inputs (or outputs). */
export interface ScopeRef {
  path: Path;
  type: ScopeType;
  id: unknown;
}

/**
 * The output that marks an object whose scope Run:ai no longer has, e.g. "project 1004": set by
 * read, it makes diff replace the object (its scope ids are fixed at creation).
 */
export const MISSING_SCOPE = "missingScope";

/** How a program finds the id of a scope of each type by name. */
const LOOKUP: Record<ScopeType, string> = {
  project: "getProject({ name, clusterId })",
  department: "getDepartment({ name, clusterId })",
  cluster: "getCluster({ name })",
};

/**
 * The references whose ids are known, as strings (an asset's projectId is a number, a project's id a
 * numeric string); a scope created in this run is still unknown at preview, and skipped.
 */
function knownRefs<T, I extends object>(kind: ResourceKind<T, I>, values: Json): (ScopeRef & { id: string })[] {
  return (kind.references?.scopeRefs?.(values) ?? [])
    .filter((ref) => (typeof ref.id === "string" && ref.id !== "" && isKnown(ref.id)) || typeof ref.id === "number")
    .map((ref) => ({ ...ref, id: String(ref.id) }));
}

/**
 * Adds a failure for every scope id of the inputs that names nothing, or a project being deleted;
 * ids the static rules already refused (`meta.projectId: must be an integer`) are not looked up.
 */
export async function checkScopes<T, I extends object>(
  ctx: ProviderContext,
  kind: ResourceKind<T, I>,
  inputs: Json,
  failures: Failures,
  refused: readonly CheckFailure[] = [],
): Promise<void> {
  const isRefused = (ref: ScopeRef) => refused.some((failure) => failure.reason.startsWith(`${formatPath(ref.path)}:`));
  const refs = knownRefs(kind, inputs).filter((ref) => !isRefused(ref));
  // Read in parallel, reported in the order of the fields.
  const scopes = await Promise.all(refs.map((ref) => scopeOf(ctx.client, ref.type, ref.id)));
  refs.forEach((ref, index) => {
    const scope = scopes[index];
    if (!scope) {
      failures.add(ref.path, `no ${ref.type} has id "${ref.id}" in Run:ai; ${LOOKUP[ref.type]} gives a ${ref.type}'s id by its name`);
    } else if (scope !== UNREADABLE && ref.type === "project" && (scope as Project).status?.phase === "Deleting") {
      failures.add(ref.path, `project "${(scope as Project).name}" (${ref.id}) is being deleted and takes nothing new`);
    }
  });
}

/** The first scope of the object (by its outputs) that Run:ai no longer has, e.g. "project 1004". */
export async function missingScope<T, I extends object>(
  ctx: ProviderContext,
  kind: ResourceKind<T, I>,
  outputs: Json,
): Promise<string | undefined> {
  const refs = knownRefs(kind, outputs);
  const scopes = await Promise.all(refs.map((ref) => scopeOf(ctx.client, ref.type, ref.id)));
  const gone = refs.find((_ref, index) => scopes[index] === undefined);
  return gone && `${gone.type} ${gone.id}`;
}

/**
 * Diff of an object marked by refresh as left in a deleted scope: replaced, whatever else changed,
 * since its scope ids are fixed at creation (check has already refused a program that still names
 * the deleted scope).
 */
export function withMissingScopeReplaced<T, I extends object>(
  kind: ResourceKind<T, I>,
  olds: Json,
  result: pulumi.dynamic.DiffResult,
): pulumi.dynamic.DiffResult {
  if (typeof olds[MISSING_SCOPE] !== "string") return result;
  const scopeInput = String(kind.references?.scopeRefs?.(olds)[0]?.path[0] ?? MISSING_SCOPE);
  return { ...result, changes: true, replaces: [...new Set([...(result.replaces ?? []), scopeInput])] };
}
