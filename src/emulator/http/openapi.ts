// The contract document, read once per process. Both the routes (operation ids by method and path)
// and the validator (parameters, body schemas) come from it, so it has its own module: neither of
// them has to import the other to get at it.
import * as fs from "node:fs";
import * as path from "node:path";

// Three levels below the repo root both as src/emulator/http (ts-jest, ts-node) and dist/emulator/http (compiled).
export const OPENAPI_DOCUMENT_PATH = path.join(__dirname, "../../../api/runai-2.22.openapi.json");

export type JsonSchema = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  /** For arrays in the query: false means one comma-joined value (`filterBy=a==1,b==2`). */
  explode?: boolean;
  schema?: JsonSchema;
}

export type ParameterOrRef = ParameterObject | { $ref: string };

export interface OperationObject {
  operationId: string;
  parameters?: ParameterOrRef[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}

export type PathItem = Record<string, unknown> & { parameters?: ParameterOrRef[] };

export interface OpenApiDocument {
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema>; parameters: Record<string, ParameterObject> };
}

let document: OpenApiDocument | null = null;

export function openApiDocument(): OpenApiDocument {
  document ??= JSON.parse(fs.readFileSync(OPENAPI_DOCUMENT_PATH, "utf8")) as OpenApiDocument;
  return document;
}

/** The operation at `method` + path template, or undefined when the document has none. */
export function operationAt(method: string, template: string): OperationObject | undefined {
  const op = openApiDocument().paths[template]?.[method.toLowerCase()] as OperationObject | undefined;
  return op && typeof op.operationId === "string" ? op : undefined;
}
