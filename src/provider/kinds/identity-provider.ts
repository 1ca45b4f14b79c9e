// Identity providers (`/api/v1/idps`): the tenant's single sign-on, by alias. The provider itself is
// written with the whole `IdpCreationRequest` (POST, then PUT for an update); its claim mappers with
// PUT …/mappers after each create and update, and read back on refresh, so a hand edit of a mapper
// is drift. The type fixes the protocol: a change of type replaces the provider.
//
// Secrets: `clientSecret` is a secret input Run:ai never returns (it reads back masked), so the
// outputs keep the program's value (`writeOnlyInputs`) and its drift is invisible; the same holds for the
// SAML metadata, which no read returns.
import type { ProviderContext } from "../context";
import type { IdentityProvider, IdentityProviderInputs, IdpCreationRequest, IdpMappers } from "../../schemas/identity-provider";
import { IDENTITY_PROVIDER_OUTPUTS, IdentityProviderInputs as InputSchema } from "../../schemas/identity-provider";
import type { ResourceKind } from "../kind";
import { stripNulls } from "../normalize";
import { uniqueKeyOf } from "../unique-claims";
import { validateIdentityProvider } from "./identity-provider-rules";

/** An identity provider as the provider handles it: the API's view with the mappers' own read. */
export type IdentityProviderObject = IdentityProvider;

/** The contract's POST and PUT body from the inputs (check has enforced each type's required data). */
export function creationRequest(inputs: IdentityProviderInputs): IdpCreationRequest {
  const secret = inputs.clientSecret ?? "";
  switch (inputs.type) {
    case "oidc": {
      const { discoverDocumentUrl = "", clientId = "", scopes, mandatoryClaim } = inputs.oidc ?? {};
      return {
        name: inputs.alias,
        type: "oidc",
        oidcData: { clientId, clientSecret: secret, discoverDocumentUrl, scopes, mandatoryClaim },
      };
    }
    case "saml": {
      const { metadataXmlUrl, metadataXmlFile, fileName, entityId } = inputs.saml ?? {};
      const metadataXmlType = metadataXmlFile !== undefined ? "file" : "url";
      return { name: inputs.alias, type: "saml", samlData: { metadataXmlType, metadataXmlUrl, metadataXmlFile, fileName, entityId } };
    }
    case "openshift-v4": {
      const { idpBaseUrl = "", clientId, scopes } = inputs.openshift ?? {};
      return { name: inputs.alias, type: "openshift-v4", ocpData: { idpBaseUrl, clientId, clientSecret: secret, scopes } };
    }
  }
}

/** The provider with its mappers as `…/mappers` answers them (the canonical read of the mappers). */
async function readProvider(ctx: ProviderContext, alias: string): Promise<IdentityProviderObject> {
  const provider = await ctx.client.identityProviders.get(alias);
  return { ...provider, mappers: await ctx.client.identityProviders.getMappers(alias) };
}

async function writeMappers(ctx: ProviderContext, alias: string, mappers: IdpMappers | undefined): Promise<void> {
  if (mappers !== undefined) await ctx.client.identityProviders.setMappers(alias, mappers);
}

async function findByAlias(ctx: ProviderContext, alias: string): Promise<IdentityProviderObject | undefined> {
  const found = await ctx.client.identityProviders.findByAlias(alias);
  return found && { ...found, mappers: await ctx.client.identityProviders.getMappers(alias) };
}

export const identityProviderKind: ResourceKind<IdentityProviderObject, IdentityProviderInputs> = {
  type: "IdentityProvider",
  label: "Identity provider",
  inputSchema: InputSchema,
  outputTypes: IDENTITY_PROVIDER_OUTPUTS,
  validate: validateIdentityProvider,
  creationOnly: [{ path: "alias" }, { path: "type" }],
  updatable: [
    { path: "oidc", onlyWhenSet: true },
    { path: "saml", onlyWhenSet: true },
    { path: "openshift", onlyWhenSet: true },
    { path: "clientSecret" },
    { path: "mappers", onlyWhenSet: true },
  ],
  identity: {
    idOf: (provider) => provider.alias,
    namePath: "alias",
    location: () => "the tenant",
    uniqueKey: (inputs) => uniqueKeyOf(inputs, [["alias"]], ["alias"], "an identity provider's alias is unique in the tenant"),
  },
  // The contract declares no 409 for a taken alias: create looks for it first.
  adoption: { findBeforeCreate: true },
  secrets: { inputs: ["clientSecret"] },
  writeOnlyInputs: ["clientSecret", "saml.metadataXmlUrl", "saml.metadataXmlFile", "saml.fileName"],
  toOutputs: (provider) =>
    stripNulls({
      alias: provider.alias,
      type: provider.type,
      oidc: provider.oidcData && {
        discoverDocumentUrl: provider.oidcData.discoverDocumentUrl,
        clientId: provider.oidcData.clientId,
        scopes: provider.oidcData.scopes,
        mandatoryClaim: provider.oidcData.mandatoryClaim,
      },
      saml: provider.samlData && { entityId: provider.samlData.entityId },
      openshift: provider.ocpData && {
        idpBaseUrl: provider.ocpData.idpBaseUrl,
        clientId: provider.ocpData.clientId,
        scopes: provider.ocpData.scopes,
      },
      mappers: provider.mappers && stripNulls(provider.mappers),
      redirectUri: provider.redirectUri,
      serviceProviderMetadataUrl: provider.samlData?.serviceProviderMetadataUrl,
    }) as Record<string, unknown>,
  operations: {
    async create(ctx, inputs) {
      const alias = await ctx.client.identityProviders.create(creationRequest(inputs));
      return { alias, type: inputs.type };
    },
    findExisting: (ctx, inputs) => findByAlias(ctx, inputs.alias),
    async adopt(ctx, existing, inputs) {
      await ctx.client.identityProviders.update(existing.alias, creationRequest(inputs));
      return existing;
    },
    async afterCreate(ctx, provider, inputs) {
      await writeMappers(ctx, provider.alias, inputs.mappers);
      return readProvider(ctx, provider.alias);
    },
    read: readProvider,
    // The list carries no mappers: each provider's come from their own read.
    async list(ctx) {
      const providers = await ctx.client.identityProviders.list();
      return Promise.all(
        providers.map(async (provider) => ({ ...provider, mappers: await ctx.client.identityProviders.getMappers(provider.alias) })),
      );
    },
    async update(ctx, alias, _olds, news, changed) {
      const providerChanged = ["oidc", "saml", "openshift", "clientSecret"].some((path) => changed.has(path));
      if (providerChanged) await ctx.client.identityProviders.update(alias, creationRequest(news));
      if (changed.has("mappers")) await writeMappers(ctx, alias, news.mappers);
      return readProvider(ctx, alias);
    },
    delete: (ctx, alias) => ctx.client.identityProviders.delete(alias),
  },
};
