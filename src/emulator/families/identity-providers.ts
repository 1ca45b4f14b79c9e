// The tenant's identity providers (/api/v1/idps): created, read, replaced and deleted by alias,
// with their claim mappers (…/mappers). The routes shape them as the contract's `Idp1`: the client
// secret masked, the SAML metadata never returned, the redirect URI and the SAML service-provider
// metadata URL derived from the alias. Only the admin client may change one (UNCONFIRMED, as for the
// settings). The admin API's `POST /__emulator/idps` stages one without data.
import type { EmulatorContext } from "../context";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import type { ApiRequest, ApiResponse } from "../http/http";
import { defineFamily } from "../http/operations";
import type { IdentityProviderRecord } from "../state/settings-table";

type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;
type IdpType = IdentityProviderRecord["type"];

const IDPS = "/api/v1/idps";
const IDP_TYPES: readonly IdpType[] = ["saml", "oidc", "openshift-v4"];
const ALIAS_PATTERN = /^[a-z0-9_-]+$/;
/** What the contract's URL patterns mean (as written they are regex literals no string matches). */
const URL_PATTERN = /^(https?:\/\/)?([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})(:[0-9]{1,5})?(\/[^\s]*)?$/;
/** The contract's example of a secret as GET returns it. */
export const MASKED_SECRET = "*******";
const DATA_FIELD = { oidc: "oidcData", saml: "samlData", "openshift-v4": "ocpData" } as const;

export const IDENTITY_PROVIDERS_FAMILY = defineFamily({
  name: "identity providers",
  rows: [
    { method: "GET", template: IDPS, operationId: "get_idps", handler: "list" },
    { method: "POST", template: IDPS, operationId: "create_idp", handler: "create" },
    { method: "GET", template: `${IDPS}/{idp}`, operationId: "get_idp", handler: "get" },
    { method: "PUT", template: `${IDPS}/{idp}`, operationId: "update_idp", handler: "update" },
    { method: "DELETE", template: `${IDPS}/{idp}`, operationId: "delete_idp", handler: "remove" },
    { method: "GET", template: `${IDPS}/{idp}/mappers`, operationId: "get_idp_mappers", handler: "getMappers" },
    { method: "PUT", template: `${IDPS}/{idp}/mappers`, operationId: "update_idp_mappers", handler: "setMappers" },
  ],
  handlers: identityProviderHandlers,
});

export interface IdentityProviderHandlers {
  list: Handler;
  create: Handler;
  get: Handler;
  update: Handler;
  remove: Handler;
  getMappers: Handler;
  setMappers: Handler;
}

/** UNCONFIRMED: the host of the tenant's Keycloak broker, which Run:ai derives from the tenant URL. */
const redirectUriOf = (alias: string): string => `https://emulator.run.ai/auth/realms/runai/broker/${alias}/endpoint`;

/** `Idp1` as GET and the list answer it. */
export function publicIdentityProvider(idp: IdentityProviderRecord): Record<string, unknown> {
  const shaped: Record<string, unknown> = { alias: idp.alias, type: idp.type, redirectUri: idp.redirectUri };
  if (idp.oidcData) shaped.oidcData = { ...idp.oidcData, clientSecret: MASKED_SECRET };
  if (idp.ocpData) shaped.ocpData = { ...idp.ocpData, clientSecret: MASKED_SECRET };
  if (idp.samlData) {
    const { entityId, metadataXmlUrl } = idp.samlData;
    shaped.samlData = {
      ...(entityId !== undefined ? { entityId } : {}),
      serviceProviderMetadataUrl: `${idp.redirectUri}/descriptor`,
      // UNCONFIRMED: what Run:ai reads from the provider's metadata; the emulator reads no metadata.
      signingCertificate: "emulator-signing-certificate",
      singleSignOnServiceUrl:
        typeof metadataXmlUrl === "string" ? `${originOf(metadataXmlUrl)}/protocol/saml` : "https://idp.invalid/protocol/saml",
    };
  }
  if (idp.mappers) shaped.mappers = idp.mappers;
  return shaped;
}

function originOf(url: string): string {
  const withScheme = /^https?:\/\//.test(url) ? url : `https://${url}`;
  return new URL(withScheme).origin;
}

/** The data the body gives for its type, or every reason it does not fit (the schema checked the fields' types). */
function dataFor(type: IdpType, body: Record<string, unknown>): Record<string, unknown> {
  const problems: string[] = [];
  for (const [other, field] of Object.entries(DATA_FIELD)) {
    if (other !== type && body[field] !== undefined && body[field] !== null) problems.push(`${field}: is not the data of type ${type}`);
  }
  const field = DATA_FIELD[type];
  const data = (body[field] ?? undefined) as Record<string, unknown> | undefined;
  if (!data) problems.push(`${field}: is required for type ${type}`);
  else {
    const url = (name: string): void => {
      const value = data[name];
      if (typeof value === "string" && !URL_PATTERN.test(value)) problems.push(`${field}.${name}: must be a URL`);
    };
    if (type === "oidc") url("discoverDocumentUrl");
    if (type === "openshift-v4") url("idpBaseUrl");
    if (type === "saml") {
      url("metadataXmlUrl");
      const byFile = data.metadataXmlType === "file";
      if (!byFile && !data.metadataXmlUrl) problems.push(`${field}.metadataXmlUrl: is required when metadataXmlType is url`);
      if (byFile && !data.metadataXmlFile) problems.push(`${field}.metadataXmlFile: is required when metadataXmlType is file`);
      if (byFile && !data.fileName) problems.push(`${field}.fileName: is required when metadataXmlType is file`);
    }
  }
  if (problems.length > 0) throw badRequest(problems.join("; "));
  return { ...data };
}

function mappersOf(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  return { ...(value as Record<string, string>) };
}

export function identityProviderHandlers(ctx: EmulatorContext): IdentityProviderHandlers {
  const providers = (): IdentityProviderRecord[] => ctx.store.settings.identityProviders;
  const adminOnly = (req: ApiRequest): void => {
    if (!ctx.access.isAdmin(req.callerId)) throw forbidden("only a tenant administrator may change the tenant's identity providers");
  };
  const existing = (alias: string): IdentityProviderRecord => {
    const found = providers().find((idp) => idp.alias === alias);
    if (!found) throw notFound(`identity provider "${alias}" not found`);
    return found;
  };
  const body = (req: ApiRequest): Record<string, unknown> => req.body as Record<string, unknown>;
  return {
    list() {
      return { status: 200, body: providers().map(publicIdentityProvider) };
    },
    async create(req) {
      adminOnly(req);
      const request = body(req);
      const type = request.type as IdpType;
      // UNCONFIRMED: the alias is the request's `name`, or the type when it has none.
      const alias = typeof request.name === "string" && request.name !== "" ? request.name : type;
      if (!ALIAS_PATTERN.test(alias)) throw badRequest("name: must match ^[a-z0-9_-]+$ (it becomes the alias)");
      if (providers().some((idp) => idp.alias === alias)) throw conflict(`an identity provider "${alias}" exists already`);
      const data = dataFor(type, request);
      const record: IdentityProviderRecord = { alias, type, redirectUri: redirectUriOf(alias), [DATA_FIELD[type]]: data };
      const mappers = mappersOf(request.mappers);
      if (mappers) record.mappers = mappers;
      providers().push(record);
      await ctx.commit();
      return { status: 201, body: { alias } };
    },
    get(req) {
      return { status: 200, body: publicIdentityProvider(existing(req.params.idp)) };
    },
    async update(req) {
      adminOnly(req);
      const idp = existing(req.params.idp);
      const request = body(req);
      const type = request.type as IdpType;
      // UNCONFIRMED: a PUT keeps the type (another protocol is another provider: delete and create).
      if (type !== idp.type) throw badRequest(`type: an identity provider's type cannot change (it is ${idp.type})`);
      const data = dataFor(type, request);
      idp[DATA_FIELD[type]] = data;
      const mappers = mappersOf(request.mappers);
      if (mappers) idp.mappers = mappers;
      await ctx.commit();
      return { status: 200 };
    },
    async remove(req) {
      adminOnly(req);
      const idp = existing(req.params.idp);
      ctx.store.settings.identityProviders = providers().filter((other) => other !== idp);
      await ctx.commit();
      return { status: 200 };
    },
    getMappers(req) {
      return { status: 200, body: existing(req.params.idp).mappers ?? {} };
    },
    async setMappers(req) {
      adminOnly(req);
      const idp = existing(req.params.idp);
      // UNCONFIRMED: the PUT replaces every mapper (one left out is gone).
      idp.mappers = mappersOf(req.body) ?? {};
      await ctx.commit();
      return { status: 202 };
    },
  };
}

/**
 * The admin API's `POST /__emulator/idps` `{alias, type?}`: the tenant gains an identity provider
 * (type "oidc" unless given) without data, as if one had been configured, so a test can stage a
 * tenant with SSO.
 */
export async function stageIdentityProvider(ctx: EmulatorContext, body: unknown): Promise<ApiResponse> {
  const { alias, type = "oidc" } = (body ?? {}) as { alias?: unknown; type?: unknown };
  if (typeof alias !== "string" || !ALIAS_PATTERN.test(alias))
    throw badRequest("alias: is required: lowercase letters, digits, '_' or '-'");
  if (!IDP_TYPES.includes(type as IdpType)) throw badRequest(`type: must be one of ${IDP_TYPES.join(", ")}`);
  const providers = ctx.store.settings.identityProviders;
  if (providers.some((idp) => idp.alias === alias)) throw badRequest(`alias: an identity provider "${alias}" exists already`);
  providers.push({ alias, type: type as IdpType, redirectUri: redirectUriOf(alias) });
  await ctx.commit();
  return { status: 200, body: providers.map(publicIdentityProvider) };
}
