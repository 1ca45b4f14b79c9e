// The contract check of responses for the organisation and authorization routes. The shared check
// (test/support/contract.ts) cannot compile the Project and Department schemas: ajv refuses
// DataUpdatableFields.nodeTypes, `{nullable: true, $ref}`, where OpenAPI 3.0 ignores the nullable.
// This one drops such typeless `nullable`s from its copy of the document and otherwise checks the same
// way: the schema the operation declares for the status, or the Error shape.
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const DOC = JSON.parse(fs.readFileSync(path.join(__dirname, "../../api/runai-2.22.openapi.json"), "utf8"), (_key, value) => {
  if (value && typeof value === "object" && !Array.isArray(value) && "nullable" in value && !("type" in value)) {
    const { nullable: _nullable, ...rest } = value;
    return rest;
  }
  return value;
});
const DOC_ID = "org-contract.json";
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(DOC, DOC_ID);

const TEMPLATES = Object.keys(DOC.paths).map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));
const validators = new Map<string, ValidateFunction | null>();
const errorSchema = () => ajv.getSchema(`${DOC_ID}#/components/schemas/Error`)!;

/** Throws unless the response matches what the document declares for this operation and status. */
export function expectOrgContract(method: string, urlPath: string, status: number, body: unknown): void {
  const match = TEMPLATES.find((t) => t.regex.test(urlPath.split("?")[0]));
  const operation = match && DOC.paths[match.template][method.toLowerCase()];
  const key = `${method} ${match?.template} ${status}`;
  if (!validators.has(key)) {
    let response = operation?.responses[String(status)] ?? (status >= 400 ? operation?.responses.default : undefined);
    if (response?.$ref) response = DOC.components.responses[response.$ref.split("/").pop()];
    const schema = response?.content?.["application/json"]?.schema;
    if (!response && status < 400) throw new Error(`${method} ${urlPath} does not declare status ${status}`);
    validators.set(
      key,
      !response ? errorSchema() : schema ? ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\//g, `"${DOC_ID}#/`))) : null,
    );
  }
  const validate = validators.get(key);
  if (validate && !validate(body)) {
    throw new Error(
      `${method} ${urlPath} -> ${status} does not match the contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    );
  }
  if (status >= 400 && (body as { code?: unknown })?.code !== status)
    throw new Error(`error body code is not ${status}: ${JSON.stringify(body)}`);
}
