// Applications (/api/v1/apps) and the token endpoint (/api/v1/token). Applications are synchronous
// (no sync status); the secret is returned by create and regenerate only and stored as a salted hash.
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { badRequest, conflict, notFound } from "../http/errors";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import { TENANT_SCOPE } from "./organisation";
import type { Action } from "../auth/roles";
import { generateSecret, hashSecret } from "../auth/secrets";
import type { AppRecord } from "../types";

const TOKEN_PATH = "/api/v1/token";
const APPS_PATH = "/api/v1/apps";

/** The token endpoint: the one route served without a bearer token. */
export const TOKEN_FAMILY = defineFamily({
  name: "token",
  rows: [{ method: "POST", template: TOKEN_PATH, operationId: "grant_token", handler: "grantToken", anonymous: true }],
  handlers: appHandlers,
});

export const APPS_FAMILY = defineFamily({
  name: "apps",
  rows: [
    { method: "GET", template: APPS_PATH, operationId: "get_applications", handler: "list" },
    { method: "POST", template: APPS_PATH, operationId: "create_application", handler: "create" },
    { method: "GET", template: `${APPS_PATH}/{appId}`, operationId: "get_application_by_id", handler: "get" },
    { method: "PATCH", template: `${APPS_PATH}/{appId}`, operationId: "update_application_by_id", handler: "patch" },
    { method: "DELETE", template: `${APPS_PATH}/{appId}`, operationId: "delete_application_by_id", handler: "remove" },
    { method: "POST", template: `${APPS_PATH}/{appId}/secret`, operationId: "regenerate_application_secret", handler: "regenerateSecret" },
  ],
  handlers: appHandlers,
});

/** The `Application` wire shape: everything but the secret. */
export function publicApp(app: AppRecord, tenantId: number): Record<string, unknown> {
  return {
    id: app.id,
    name: app.name,
    clientId: app.clientId,
    enabled: app.enabled,
    tenantId: String(tenantId), // the Application schema types tenantId as a string
    createdAt: app.createdAt,
    createdBy: app.createdBy,
    updatedAt: app.updatedAt,
    lastLogin: app.lastLogin,
  };
}

export interface AppHandlers {
  list(req: ApiRequest): ApiResponse;
  create(req: ApiRequest): Promise<ApiResponse>;
  get(req: ApiRequest): ApiResponse;
  patch(req: ApiRequest): Promise<ApiResponse>;
  remove(req: ApiRequest): Promise<ApiResponse>;
  regenerateSecret(req: ApiRequest): Promise<ApiResponse>;
  grantToken(req: ApiRequest): Promise<ApiResponse>;
}

export function appHandlers(ctx: EmulatorContext): AppHandlers {
  const { store } = ctx;
  const tenantId = ctx.organisation.tenantId;

  /** Applications are tenant-wide: the caller needs the action on "apps" in the tenant. */
  const allow = (req: ApiRequest, action: Action): void => ctx.access.require(req.callerId, "apps", action, TENANT_SCOPE);

  const existing = (id: string): AppRecord => {
    const app = store.apps.get(id);
    if (!app) throw notFound(`application "${id}" not found`);
    return app;
  };

  return {
    list(req) {
      allow(req, "read");
      return { status: 200, body: store.apps.all().map((app) => publicApp(app, tenantId)) };
    },

    async create(req) {
      allow(req, "create");
      // The name pattern ^[a-z][-_a-z0-9]*[a-z0-9]$ is enforced by the contract validator.
      const { name } = req.body as { name: string };
      // The client id equals the name (as in the docs' examples), so it must not shadow the admin client.
      if (store.apps.byName(name) || name === ctx.config.adminClientId) {
        throw conflict(`application named "${name}" already exists`);
      }
      const now = new Date().toISOString();
      const secret = generateSecret();
      const app: AppRecord = {
        id: randomUUID(),
        name,
        clientId: name,
        enabled: true,
        createdAt: now,
        createdBy: req.callerId,
        updatedAt: now,
        lastLogin: null,
        secretHash: hashSecret(secret),
      };
      store.apps.insert(app);
      await ctx.commit();
      return { status: 201, body: { ...publicApp(app, tenantId), secret } };
    },

    get(req) {
      allow(req, "read");
      return { status: 200, body: publicApp(existing(req.params.appId), tenantId) };
    },

    async patch(req) {
      allow(req, "update");
      const app = existing(req.params.appId);
      app.enabled = (req.body as { enabled: boolean }).enabled;
      app.updatedAt = new Date().toISOString();
      await ctx.commit();
      return { status: 200, body: publicApp(app, tenantId) };
    },

    async remove(req) {
      allow(req, "delete");
      store.apps.remove(existing(req.params.appId));
      await ctx.commit();
      return { status: 204 };
    },

    async regenerateSecret(req) {
      allow(req, "update");
      const app = existing(req.params.appId);
      const secret = generateSecret();
      app.secretHash = hashSecret(secret); // the previous secret stops working now
      app.updatedAt = new Date().toISOString();
      await ctx.commit();
      return { status: 200, body: { secret } };
    },

    async grantToken(req) {
      const body = req.body as Record<string, unknown>;
      const { clientId, clientSecret } = credentialsOf(body);
      const app = ctx.tokens.checkCredentials(clientId, clientSecret);
      const accessToken = ctx.tokens.issue(clientId);
      if (app) {
        app.lastLogin = new Date().toISOString();
        await ctx.commit();
      }
      return { status: 200, body: { accessToken } };
    },
  };
}

/**
 * The schema spells the field `clientID`; the public docs' examples send `clientId`. Both are accepted,
 * as is the deprecated app_token grant with `appID`/`appSecret` (runapy sends `AppId`/`AppSecret`).
 */
function credentialsOf(body: Record<string, unknown>): { clientId: string; clientSecret: string } {
  const grantType = body.grantType;
  if (grantType === undefined) throw badRequest("grantType: is required");
  const first = (...keys: string[]): unknown => keys.map((k) => body[k]).find((v) => v !== undefined);
  let clientId: unknown;
  let clientSecret: unknown;
  let idField: string;
  let secretField: string;
  if (grantType === "client_credentials") {
    [clientId, clientSecret, idField, secretField] = [first("clientId", "clientID"), first("clientSecret"), "clientId", "clientSecret"];
  } else if (grantType === "app_token") {
    [clientId, clientSecret, idField, secretField] = [
      first("appID", "appId", "AppId"),
      first("appSecret", "AppSecret"),
      "appID",
      "appSecret",
    ];
  } else {
    throw badRequest(`grantType: "${String(grantType)}" is not supported by the emulator (use "client_credentials")`);
  }
  const problems: string[] = [];
  const check = (value: unknown, field: string) => {
    if (value === undefined) problems.push(`${field}: is required`);
    else if (typeof value !== "string" || value === "") problems.push(`${field}: must be a non-empty string`);
  };
  check(clientId, idField);
  check(clientSecret, secretField);
  if (problems.length) throw badRequest(problems.join("; "));
  return { clientId: clientId as string, clientSecret: clientSecret as string };
}
