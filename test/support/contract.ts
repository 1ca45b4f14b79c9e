// Checks API responses against the OpenAPI document's response schemas with an ajv instance of the
// tests' own, so the emulator's validator is never checking itself. It throws instead of using
// jest's `expect`, so the harness can run it outside jest too (scripts/demo.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

// `nullable: true` beside a `$ref` with no `type` (DataUpdatableFields.nodeTypes, …) is ignored by
// OpenAPI 3.0, but ajv refuses to compile it: drop such typeless `nullable`s.
const DOC = JSON.parse(fs.readFileSync(path.join(__dirname, "../../api/runai-2.22.openapi.json"), "utf8"), (_key, value: unknown) => {
  if (value && typeof value === "object" && !Array.isArray(value) && "nullable" in value && !("type" in value)) {
    const { nullable: _nullable, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
});
const DOC_ID = "contract.json";
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(DOC, DOC_ID);

const TEMPLATES = Object.keys(DOC.paths).map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));
const validators = new Map<string, ValidateFunction | null>();

/**
 * Validates a response against the contract: the schema declared for this operation and status
 * (or `default`). Error statuses the operation does not declare (the emulator's 401 on the token
 * endpoint, 409 on PUT, injected 429) must still use the document's Error schema.
 */
export function expectContractResponse(method: string, urlPath: string, status: number, body: unknown): void {
  const pathOnly = urlPath.split("?")[0];
  const match = TEMPLATES.find((t) => t.regex.test(pathOnly));
  if (!match) {
    expectErrorShape(status, body);
    return;
  }
  const operation = DOC.paths[match.template][method.toLowerCase()];
  if (!operation) {
    expectErrorShape(status, body);
    return;
  }
  const key = `${method} ${match.template} ${status}`;
  if (!validators.has(key)) {
    let response = operation.responses[String(status)] ?? (status >= 400 ? operation.responses.default : undefined);
    if (response?.$ref) response = DOC.components.responses[response.$ref.split("/").pop()];
    const schema = response?.content?.["application/json"]?.schema;
    if (!response && status >= 400) {
      validators.set(key, ajv.compile({ $ref: `${DOC_ID}#/components/schemas/Error` }));
    } else if (!response) {
      throw new Error(`${method} ${match.template} does not declare status ${status}`);
    } else {
      validators.set(key, schema ? ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\//g, `"${DOC_ID}#/`))) : null);
    }
  }
  const validate = validators.get(key);
  if (validate && !validate(body)) {
    throw new Error(
      `${method} ${urlPath} -> ${status} does not match the contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    );
  }
}

function expectErrorShape(status: number, body: unknown): void {
  if (status < 400) return;
  const validate = ajv.getSchema(`${DOC_ID}#/components/schemas/Error`)!;
  if (!validate(body)) throw new Error(`error body does not match Error: ${JSON.stringify(body)}`);
  // Object.is: the same comparison as expect(code).toBe(status).
  const code = (body as { code: number }).code;
  if (!Object.is(code, status)) throw new Error(`error body code ${code} is not the response status ${status}: ${JSON.stringify(body)}`);
}
