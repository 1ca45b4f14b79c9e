// The independent referee: request bodies, path and query parameters are checked against the
// OpenAPI document in api/ with ajv, never against src/schemas, so a mistake in the provider's own
// schemas cannot hide itself. Validators are compiled once per process and reused by every server.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { badRequest } from "./errors";
import {
  openApiDocument,
  type JsonSchema,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type ParameterOrRef,
} from "./openapi";

const DOC_ID = "runai-2.22.json";

export interface ValidatedParams {
  query: Record<string, unknown>;
  path: Record<string, string>;
}

export interface OperationValidator {
  /** Throws a 400 ApiError naming every failing field; returns the body to use, with the schema's defaults filled in. */
  validateBody(body: unknown): unknown;
  /** Throws a 400 ApiError naming every failing parameter; returns the parameters with their declared types. */
  validateParams(query: URLSearchParams | null, pathParams: Record<string, string>): ValidatedParams;
}

export interface ContractValidator {
  operation(operationId: string): OperationValidator;
  /**
   * Validates `value` against components.schemas[schemaName], filling in the schema's defaults;
   * `fieldPrefix` prefixes field names in messages.
   */
  validateSchema(schemaName: string, value: unknown, fieldPrefix: string): void;
  /** Compiles components.schemas[schemaName] now, so a kind row naming a missing schema fails at start. */
  prepareSchema(schemaName: string): void;
}

let shared: ContractValidator | null = null;

/** The process-wide validator (compiling the document takes a moment, so it is done once). */
export function contractValidator(): ContractValidator {
  shared ??= buildContractValidator(openApiDocument());
  return shared;
}

function buildContractValidator(doc: OpenApiDocument): ContractValidator {
  // strict:false because the document carries OpenAPI-only keywords (example, deprecated); ajv
  // understands `nullable` natively. useDefaults: like the real control plane, every `default` the
  // document declares is filled into the request body (an absent property of an object that is
  // present; null stays null), so it is stored and returned. It does not change which bodies pass
  // nor the errors of those that fail.
  const bodyAjv = new Ajv({ strict: false, allErrors: true, useDefaults: true });
  // Query strings arrive as text: coerce "1001" to 1001 and "true" to true, exactly as declared.
  const paramAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  const compilable = withoutTypelessNullable(doc);
  for (const ajv of [bodyAjv, paramAjv]) {
    addFormats(ajv);
    ajv.addSchema(compilable, DOC_ID);
  }

  const schemaValidators = new Map<string, ValidateFunction>();
  const namedSchema = (name: string): ValidateFunction => {
    let validate = schemaValidators.get(name);
    if (!validate) {
      if (!doc.components.schemas[name]) throw new Error(`schema ${name} is not in the OpenAPI document`);
      validate = bodyAjv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
      schemaValidators.set(name, validate);
    }
    return validate;
  };

  // Each operation is compiled the first time it is asked for; the server asks for every route's
  // when it is created, so no request pays for a compilation.
  const operations = new Map<string, OperationValidator>();
  const compileOperation = (operationId: string): OperationValidator | undefined => {
    for (const pathItem of Object.values(doc.paths)) {
      for (const [key, op] of Object.entries(pathItem)) {
        if (key === "parameters" || (op as OperationObject | null)?.operationId !== operationId) continue;
        // An operation's parameter overrides the path item's of the same name and location (OpenAPI
        // 3.0; DELETE .../s3/{AssetId} declares AssetId at both levels).
        const byKey = new Map<string, ParameterObject>();
        const declared = [...(pathItem.parameters ?? []), ...((op as OperationObject).parameters ?? [])];
        for (const p of declared.map((q) => resolveParameter(doc, q))) byKey.set(`${p.in} ${p.name}`, p);
        return buildOperationValidator(bodyAjv, paramAjv, op as OperationObject, [...byKey.values()]);
      }
    }
    return undefined;
  };

  return {
    operation(operationId) {
      let validator = operations.get(operationId);
      if (!validator) {
        validator = compileOperation(operationId);
        if (!validator) throw new Error(`no operation ${operationId} in the OpenAPI document`);
        operations.set(operationId, validator);
      }
      return validator;
    },
    validateSchema(schemaName, value, fieldPrefix) {
      const validate = namedSchema(schemaName);
      if (!validate(value)) throw validationError(validate.errors ?? [], fieldPrefix, `does not match schema ${schemaName}`);
    },
    prepareSchema(schemaName) {
      namedSchema(schemaName);
    },
  };
}

function buildOperationValidator(bodyAjv: Ajv, paramAjv: Ajv, op: OperationObject, parameters: ParameterObject[]): OperationValidator {
  const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
  const bodyRequired = op.requestBody?.required === true;
  const bodySchemaName = typeof bodySchema?.$ref === "string" ? bodySchema.$ref.split("/").pop() : "inline";
  const validateBody = bodySchema ? bodyAjv.compile(pointAtDocument(bodySchema)) : null;

  const queryParams = parameters.filter((p) => p.in === "query");
  const pathParams = parameters.filter((p) => p.in === "path");
  const queryNames = queryParams.map((p) => p.name);
  // Array parameters: every occurrence, each split on commas unless the parameter explodes.
  const arrayParams = new Map(queryParams.filter((p) => p.schema?.type === "array").map((p) => [p.name, p.explode !== false]));
  const validateQuery = queryParams.length ? paramAjv.compile(objectSchema(queryParams)) : null;
  const validatePath = pathParams.length ? paramAjv.compile(objectSchema(pathParams)) : null;

  return {
    validateBody(body) {
      if (!validateBody) return body;
      if (body === undefined) {
        if (bodyRequired) throw badRequest("request body: is required");
        body = {};
      }
      if (!validateBody(body)) {
        throw validationError(validateBody.errors ?? [], "", `request body does not match schema ${bodySchemaName}`);
      }
      return body;
    },
    validateParams(search, rawPath) {
      const query: Record<string, unknown> = {};
      if (search && validateQuery) {
        for (const name of queryNames) {
          const explode = arrayParams.get(name);
          if (explode !== undefined) {
            const values = search.getAll(name);
            if (values.length) query[name] = explode ? values : values.flatMap((v) => v.split(","));
            continue;
          }
          const value = search.get(name);
          if (value !== null) query[name] = value;
        }
        if (!validateQuery(query)) {
          throw validationError(validateQuery.errors ?? [], "query", "query parameters do not match the operation");
        }
      }
      const pathValues: Record<string, string> = { ...rawPath };
      if (validatePath && !validatePath(pathValues)) {
        throw validationError(validatePath.errors ?? [], "path", "path parameters do not match the operation");
      }
      return { query, path: pathValues };
    },
  };
}

/**
 * A copy of the document without `nullable` where a schema has no `type` (DataUpdatableFields.nodeTypes
 * is `{nullable: true, $ref}`): OpenAPI 3.0 ignores it there, and ajv refuses to compile it.
 */
function withoutTypelessNullable(doc: OpenApiDocument): JsonSchema {
  return JSON.parse(JSON.stringify(doc), (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value) && "nullable" in value && !("type" in value)) {
      const { nullable: _nullable, ...rest } = value as Record<string, unknown>;
      return rest;
    }
    return value;
  }) as JsonSchema;
}

function resolveParameter(doc: OpenApiDocument, p: ParameterOrRef): ParameterObject {
  if ("$ref" in p) {
    const name = p.$ref.replace("#/components/parameters/", "");
    const resolved = doc.components.parameters[name];
    if (!resolved) throw new Error(`unresolvable parameter ${p.$ref}`);
    return resolved;
  }
  return p;
}

function objectSchema(parameters: ParameterObject[]): JsonSchema {
  return pointAtDocument({
    type: "object",
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  });
}

/** Rewrites local refs ("#/components/...") so a schema compiled on its own resolves them in the document. */
function pointAtDocument(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${DOC_ID}#/`)) as JsonSchema;
}

function validationError(errors: ErrorObject[], fieldPrefix: string, details: string) {
  const messages = [...new Set(errors.map((e) => describeError(e, fieldPrefix)))];
  return badRequest(messages.join("; "), details);
}

/** "spec.connections[0].containerPort: must be integer": the field path first, then the rule. */
export function describeError(error: ErrorObject, fieldPrefix: string): string {
  let field = joinField(fieldPrefix, pointerToField(error.instancePath));
  let rule = error.message ?? "is invalid";
  switch (error.keyword) {
    case "required":
      field = joinField(field, (error.params as { missingProperty: string }).missingProperty);
      rule = "is required";
      break;
    case "additionalProperties":
      field = joinField(field, (error.params as { additionalProperty: string }).additionalProperty);
      rule = "is not allowed";
      break;
    case "enum":
      rule = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
      break;
  }
  return `${field || "request body"}: ${rule}`;
}

function pointerToField(pointer: string): string {
  if (!pointer) return "";
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, segment) => (/^\d+$/.test(segment) ? `${acc}[${segment}]` : joinField(acc, segment)), "");
}

function joinField(prefix: string, name: string): string {
  if (!prefix) return name;
  if (!name) return prefix;
  return name.startsWith("[") ? `${prefix}${name}` : `${prefix}.${name}`;
}
