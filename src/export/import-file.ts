// The bulk import file `pulumi import --file` reads (pkg/cmd/pulumi/operations/import.go, v3.248:
// `{"resources": [{"type", "name", "id"}]}`), written byte for byte the same for the same tenant.
import * as fs from "node:fs";
import * as path from "node:path";
import { typeToken } from "../plugin/token";
import type { ListedObject } from "./listing";

export interface ImportFile {
  resources: { type: string; name: string; id: string }[];
}

export function importFile(objects: readonly ListedObject[], names: ReadonlyMap<string, string>): ImportFile {
  return {
    resources: objects.map((object) => ({ type: typeToken(object.type), name: names.get(`${object.type}/${object.id}`)!, id: object.id })),
  };
}

/** `runai-import.json`, then `runai-import.2.json`, … for the later rounds (see references.ts). */
export function roundPath(first: string, round: number): string {
  if (round === 0) return first;
  const ext = path.extname(first);
  return `${first.slice(0, first.length - ext.length)}.${round + 1}${ext || ".json"}`;
}

export function writeJson(file: string, content: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
