// One list request per kind (paged by the client, within its retry and rate-limit rules), each
// object read into the inputs `pulumi import` will give it: the kind's outputs cut down to its
// inputs by the provider's own import code (provider/import.ts), so what the exporter filters,
// names and links is exactly what the generated program will hold.
import { explainSettingsFailure } from "../provider/credential-check";
import { importedInputs } from "../provider/import";
import type { Json } from "../provider/kind";
import { stripNulls } from "../provider/normalize";
import { kindFor } from "../provider/registry";
import type { ProviderContext } from "../provider/context";
import type { ExportedKind, Placement } from "./kinds";

/** One listed object, as the exporter sees it. */
export interface ListedObject {
  type: string;
  /** The import id (the kind's own: provider/kinds/*, identity.idOf). */
  id: string;
  /** Its Run:ai name (or an access rule's description). */
  runaiName: string;
  /** The inputs `pulumi import` generates code from. */
  inputs: Json;
  /** The `name` output, which Pulumi's code generation links by too (see references.ts). */
  nameOutput?: string;
  placement: Placement;
  /** Why Run:ai made it itself, when it did. */
  system?: string;
}

/** The raw objects of one kind, listed in one (paged) request. */
export async function listKind(ctx: ProviderContext, type: string): Promise<{ raw: Json; outputs: Json; id: string }[]> {
  const kind = kindFor(type);
  if (!kind.operations.list) throw new Error(`the ${type} kind has no list operation`);
  let objects: unknown[];
  try {
    objects = await kind.operations.list(ctx);
  } catch (err) {
    throw explainSettingsFailure(err);
  }
  return objects.map((object) => ({
    raw: object as Json,
    outputs: JSON.parse(JSON.stringify(stripNulls(kind.toOutputs(object)))) as Json,
    id: kind.identity.idOf(object),
  }));
}

/** The listed objects of one kind, read for export. */
export function readListed(
  exported: ExportedKind,
  listed: { raw: Json; outputs: Json; id: string }[],
  projectDepartment: ReadonlyMap<string, string>,
): ListedObject[] {
  const kind = kindFor(exported.type);
  return listed.map(({ raw, outputs, id }) => {
    const inputs = importedInputs(kind, outputs);
    return {
      type: exported.type,
      id,
      runaiName: exported.nameOf(inputs, raw),
      inputs,
      nameOutput: typeof outputs.name === "string" ? outputs.name : undefined,
      placement: exported.placementOf(inputs, projectDepartment),
      system: exported.systemReason?.(inputs, raw),
    };
  });
}
