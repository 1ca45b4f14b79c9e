import * as pulumi from "@pulumi/pulumi";
import { IdentityProvider } from "pulumi-runai";

// Single sign-on through an OIDC provider, with the claims that give each user's uid, groups and email:
//   pulumi config set --secret oidcClientSecret <the client secret of Run:ai's application at the provider>
const config = new pulumi.Config();
const corpSso = new IdentityProvider("corp-sso", {
  type: "oidc",
  oidc: {
    discoverDocumentUrl: "https://idp.example.com/.well-known/openid-configuration",
    clientId: "runai",
    scopes: ["openid", "email", "profile"],
  },
  clientSecret: config.requireSecret("oidcClientSecret"),
  mappers: { uid: "uid", gid: "gid", groups: "groups", email: "email" },
});

// What the provider's application for Run:ai needs.
export const identityProviderRedirectUri = corpSso.redirectUri;
