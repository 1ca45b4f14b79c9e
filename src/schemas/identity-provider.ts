// Identity providers (`/api/v1/idps`, `…/{idp}`, `…/{idp}/mappers`, Run:ai 2.22): the tenant's
// single sign-on through OIDC, SAML or OpenShift, addressed by alias, with the claim mappers that
// turn the provider's claims into a user's uid, gid, groups and email.
import { z } from "zod";
import { lenientObject } from "./common";

/** `Idp1.alias` pattern: the alias is the provider's name in every path. */
export const IDP_ALIAS_PATTERN = /^[a-z0-9_-]+$/;

/** The contract's `type` values; the input spells them the same way. */
export const IDP_TYPES = ["oidc", "saml", "openshift-v4"] as const;
export type IdpType = (typeof IDP_TYPES)[number];

const Scopes = z.array(z.string().min(1)).describe("Scopes requested from the provider, e.g. `openid`, `email`.");

export const IdpMappers = z
  .strictObject({
    uid: z.string().optional().describe("The claim that holds the user's Linux uid."),
    gid: z.string().optional().describe("The claim that holds the user's Linux gid."),
    groups: z.string().optional().describe("The claim that holds the user's groups."),
    supplementaryGroups: z.string().optional().describe("The claim that holds the user's supplementary Linux groups."),
    email: z.string().optional().describe("The claim that holds the user's email."),
  })
  .describe(
    "The claim mappers: which claim of the provider's tokens gives each user attribute. Written after each create and update; a mapper changed outside Pulumi shows as drift on refresh.",
  );
export type IdpMappers = z.infer<typeof IdpMappers>;

export const MandatoryClaim = z
  .strictObject({
    claim: z.string().min(1).describe("The claim a user's token must carry."),
    values: z.array(z.string().min(1)).min(1).describe("The values of the claim that let a user in (at least one)."),
  })
  .describe("A claim every user's token must carry with one of the values, or the login is refused.");

export const OidcInputs = z
  .strictObject({
    discoverDocumentUrl: z
      .string()
      .optional()
      .describe("The issuer's discovery document URL, e.g. `https://idp.example.com/.well-known/openid-configuration`. Required."),
    clientId: z.string().optional().describe("The client id Run:ai is registered with at the provider. Required."),
    scopes: Scopes.optional(),
    mandatoryClaim: MandatoryClaim.optional(),
  })
  .describe('The OIDC provider (type "oidc"): its issuer, the client id, scopes; the client secret is `clientSecret`.');

export const SamlInputs = z
  .strictObject({
    metadataXmlUrl: z.string().optional().describe("The URL of the provider's SAML metadata XML (give this or `metadataXmlFile`)."),
    metadataXmlFile: z
      .string()
      .optional()
      .describe("The provider's SAML metadata XML, base64-encoded (give this, with `fileName`, or `metadataXmlUrl`)."),
    fileName: z.string().optional().describe("The metadata file's name, with `metadataXmlFile`."),
    entityId: z.string().optional().describe("The SAML entity id Run:ai presents to the provider."),
  })
  .describe(
    'The SAML provider (type "saml"): its metadata, by URL or as a file. Run:ai never returns the metadata: a change of it outside Pulumi is invisible.',
  );

export const OpenshiftInputs = z
  .strictObject({
    idpBaseUrl: z.string().optional().describe("The OpenShift OAuth server's base URL. Required."),
    clientId: z.string().optional().describe("The OAuth client id Run:ai is registered with."),
    scopes: Scopes.optional(),
  })
  .describe('The OpenShift provider (type "openshift-v4"): its OAuth server and client id; the client secret is `clientSecret`.');

/** What a program declares for an IdentityProvider (the resource inputs, `adoptExisting` aside). */
export const IdentityProviderInputs = z.strictObject({
  alias: z
    .string()
    .regex(IDP_ALIAS_PATTERN)
    .describe(
      "The provider's alias, unique in the tenant and part of its redirect URI; defaults to the Pulumi resource name. Lowercase letters, digits, `_` and `-`. A change replaces the provider.",
    ),
  type: z.enum(IDP_TYPES).describe('The protocol: "oidc", "saml" or "openshift-v4". A change replaces the provider.'),
  oidc: OidcInputs.optional(),
  saml: SamlInputs.optional(),
  openshift: OpenshiftInputs.optional(),
  clientSecret: z
    .string()
    .optional()
    .describe(
      "The client secret of an OIDC or OpenShift provider, a Pulumi secret. Run:ai never returns it: the state keeps the program's value, and a change of it outside Pulumi is invisible to refresh.",
    ),
  mappers: IdpMappers.optional(),
});
export type IdentityProviderInputs = z.infer<typeof IdentityProviderInputs>;

/** The outputs that are not inputs. */
export const IDENTITY_PROVIDER_OUTPUTS = {
  redirectUri: z.string().describe("The redirect (callback) URI to register in the provider's application for Run:ai."),
  serviceProviderMetadataUrl: z
    .string()
    .describe("For a SAML provider: the URL of Run:ai's service-provider metadata, which the provider's SAML application imports."),
};

/** `IdpCreationRequest`, the body of POST and PUT. `name` is the alias the POST asks for. */
export interface IdpCreationRequest {
  name?: string;
  type: IdpType;
  oidcData?: { clientId: string; clientSecret: string; discoverDocumentUrl: string; scopes?: string[]; mandatoryClaim?: unknown };
  samlData?: { metadataXmlType: "url" | "file"; metadataXmlUrl?: string; metadataXmlFile?: string; fileName?: string; entityId?: string };
  ocpData?: { idpBaseUrl: string; clientId?: string; clientSecret: string; scopes?: string[] };
  mappers?: IdpMappers;
}

const ReadMappers = lenientObject({
  uid: z.string().nullish(),
  gid: z.string().nullish(),
  groups: z.string().nullish(),
  supplementaryGroups: z.string().nullish(),
  email: z.string().nullish(),
});
export const IdpMappersResponse = ReadMappers;
export type IdpMappersResponse = z.infer<typeof ReadMappers>;

/** `Idp1` as GET and the list return it; the client secret reads back masked. */
export const IdentityProvider = lenientObject({
  alias: z.string(),
  type: z.string(),
  redirectUri: z.string().nullish(),
  oidcData: lenientObject({
    clientId: z.string().nullish(),
    discoverDocumentUrl: z.string().nullish(),
    scopes: z.array(z.string()).nullish(),
    mandatoryClaim: lenientObject({ claim: z.string(), values: z.array(z.string()) }).nullish(),
  }).nullish(),
  samlData: lenientObject({
    entityId: z.string().nullish(),
    serviceProviderMetadataUrl: z.string().nullish(),
    signingCertificate: z.string().nullish(),
    singleSignOnServiceUrl: z.string().nullish(),
  }).nullish(),
  ocpData: lenientObject({
    idpBaseUrl: z.string().nullish(),
    clientId: z.string().nullish(),
    scopes: z.array(z.string()).nullish(),
  }).nullish(),
  mappers: ReadMappers.nullish(),
});
export type IdentityProvider = z.infer<typeof IdentityProvider>;
/** `Idps`: a bare array. */
export const IdentityProviderList = z.array(IdentityProvider);

/** `IdpPostResponse { alias }`. */
export const IdpPostResponse = lenientObject({ alias: z.string().min(1) });
