// Test helpers: start an emulator, call it with the global fetch, and check every API response
// against the OpenAPI document's response schemas with an ajv instance of the tests' own (so the
// emulator's validator is not checking itself).
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator";

const DOC = JSON.parse(fs.readFileSync(path.join(__dirname, "../../api/runai-2.22.openapi.json"), "utf8"));
const DOC_ID = "contract.json";
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(DOC, DOC_ID);

export const CONFIG_MAPS = "/api/v1/asset/datasource/config-map";
export const ENVIRONMENTS = "/api/v1/asset/environment";
export const APPS = "/api/v1/apps";
export const TOKEN = "/api/v1/token";

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
  expect((body as { code: number }).code).toBe(status);
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Raw request text instead of JSON.stringify(body). */
  rawBody?: string;
  /** Bearer token; null sends none. Defaults to the admin token. */
  token?: string | null;
}

export interface TestEmulator {
  emulator: Emulator;
  url: string;
  adminToken: string;
  logs: string[];
  call<T = any>(method: string, urlPath: string, options?: CallOptions): Promise<CallResult<T>>;
  admin<T = any>(method: string, urlPath: string, body?: unknown): Promise<CallResult<T>>;
  token(clientId: string, clientSecret: string): Promise<CallResult<{ accessToken?: string; message?: string }>>;
  stop(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const logs: string[] = [];
  const emulator = await startEmulator({ port: 0, syncDelayMs: 50, log: (line) => logs.push(line), ...options });
  const url = emulator.url;

  const call = async (method: string, urlPath: string, callOptions: CallOptions = {}): Promise<CallResult> => {
    const token = callOptions.token === undefined ? adminToken : callOptions.token;
    const payload = callOptions.rawBody ?? (callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body));
    const res = await fetch(url + urlPath, {
      method,
      headers: {
        ...(payload !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: payload,
    });
    const text = await res.text();
    const body = text === "" ? undefined : JSON.parse(text);
    if (!urlPath.startsWith("/__emulator/")) expectContractResponse(method, urlPath, res.status, body);
    return { status: res.status, body, headers: res.headers };
  };

  const token = (clientId: string, clientSecret: string) =>
    call("POST", TOKEN, { body: { grantType: "client_credentials", clientId, clientSecret }, token: null });

  let adminToken: string | null = null;
  const granted = await token(emulator.adminClientId, emulator.adminClientSecret);
  adminToken = granted.body.accessToken!;

  return {
    emulator,
    url,
    adminToken: adminToken!,
    logs,
    call,
    admin: (method, urlPath, body) => call(method, urlPath, { body, token: null }),
    token,
    stop: () => emulator.stop(),
  };
}

/**
 * One emulator for the whole test file, reset to the seed before each test: registers the
 * beforeAll/afterAll/beforeEach hooks and returns a handle usable inside tests. The handle forwards
 * to the emulator started in beforeAll, so test files can keep writing `t.call(...)`.
 */
export function useTestEmulator(options: EmulatorOptions = {}): TestEmulator {
  let current: TestEmulator | null = null;
  beforeAll(async () => {
    current = await startTestEmulator(options);
  });
  afterAll(() => current?.stop());
  beforeEach(async () => {
    await current!.admin("POST", "/__emulator/reset");
  });
  return new Proxy({} as TestEmulator, {
    get(_target, property) {
      if (!current) throw new Error("the test emulator starts in beforeAll: use it inside hooks and tests only");
      return current[property as keyof TestEmulator];
    },
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function configMapBody(name: string, projectId = 1001, spec: Record<string, unknown> = {}) {
  return {
    meta: { name, scope: "project", projectId },
    spec: { configMap: `${name}-cm`, mountPath: "/etc/config", ...spec },
  };
}

export function environmentBody(
  name: string,
  meta: Record<string, unknown> = { scope: "project", projectId: 1001 },
  spec: Record<string, unknown> = {},
) {
  return { meta: { name, ...meta }, spec: { image: "python:3.12", ...spec } };
}

/** Decodes a JWT's claims without verifying it (what clients do to read `exp`). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}
