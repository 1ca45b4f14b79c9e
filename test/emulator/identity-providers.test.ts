// The emulator's identity providers: create, read, replace and delete by alias with their mappers,
// the shapes the contract gives (the client secret masked, the SAML metadata never returned, the
// redirect URI and SP metadata URL derived from the alias; every answer checked against it), and
// the refusals.
import { EmulatorHarness } from "../support/emulator";

const IDPS = "/api/v1/idps";
const MAPPERS = { uid: "UID", gid: "GID", groups: "GROUPS", supplementaryGroups: "SUPPLEMENTARYGROUPS", email: "email" };
const OIDC = {
  name: "corp-sso",
  type: "oidc",
  oidcData: {
    clientId: "runai",
    clientSecret: "s3cret-value-1",
    discoverDocumentUrl: "https://idp.example.com/.well-known/openid-configuration",
  },
  mappers: MAPPERS,
};

let t: EmulatorHarness;
beforeAll(async () => {
  t = await EmulatorHarness.start({ checkContract: true });
});
afterAll(async () => {
  await t?.stop();
});
beforeEach(async () => {
  await t.reset();
});

describe("identity providers", () => {
  it("creates an OIDC provider under the request's name and reads it back with the secret masked", async () => {
    expect(await t.api("POST", IDPS, OIDC)).toMatchObject({ status: 201, body: { alias: "corp-sso" } });
    const expected = {
      alias: "corp-sso",
      type: "oidc",
      redirectUri: "https://emulator.run.ai/auth/realms/runai/broker/corp-sso/endpoint",
      oidcData: { ...OIDC.oidcData, clientSecret: "*******" },
      mappers: MAPPERS,
    };
    expect((await t.api("GET", `${IDPS}/corp-sso`)).body).toEqual(expected);
    expect((await t.api("GET", IDPS)).body).toEqual([expected]);
    expect((await t.api("GET", `${IDPS}/corp-sso/mappers`)).body).toEqual(MAPPERS);
  });

  it("names a provider without a name after its type", async () => {
    const { name: _name, ...unnamed } = OIDC;
    expect(await t.api("POST", IDPS, unnamed)).toMatchObject({ status: 201, body: { alias: "oidc" } });
  });

  it("derives a SAML provider's service-provider metadata URL from its alias and never returns the metadata", async () => {
    const saml = {
      name: "corp-saml",
      type: "saml",
      samlData: { metadataXmlType: "url", metadataXmlUrl: "https://idp.example.com/saml/metadata.xml", entityId: "runai" },
    };
    expect((await t.api("POST", IDPS, saml)).status).toBe(201);
    expect((await t.api("GET", `${IDPS}/corp-saml`)).body).toEqual({
      alias: "corp-saml",
      type: "saml",
      redirectUri: "https://emulator.run.ai/auth/realms/runai/broker/corp-saml/endpoint",
      samlData: {
        entityId: "runai",
        serviceProviderMetadataUrl: "https://emulator.run.ai/auth/realms/runai/broker/corp-saml/endpoint/descriptor",
        signingCertificate: "emulator-signing-certificate",
        singleSignOnServiceUrl: "https://idp.example.com/protocol/saml",
      },
    });
  });

  it("replaces a provider's data with PUT, its mappers with PUT …/mappers, and deletes it", async () => {
    await t.api("POST", IDPS, OIDC);
    const updated = { type: "oidc", oidcData: { ...OIDC.oidcData, clientId: "runai-2", scopes: ["openid", "email"] } };
    expect((await t.api("PUT", `${IDPS}/corp-sso`, updated)).status).toBe(200);
    expect((await t.api("GET", `${IDPS}/corp-sso`)).body).toMatchObject({
      oidcData: { clientId: "runai-2", scopes: ["openid", "email"], clientSecret: "*******" },
    });
    expect((await t.api("PUT", `${IDPS}/corp-sso/mappers`, { email: "mail" })).status).toBe(202);
    expect((await t.api("GET", `${IDPS}/corp-sso/mappers`)).body).toEqual({ email: "mail" });
    expect((await t.api("DELETE", `${IDPS}/corp-sso`)).status).toBe(200);
    expect(await t.api("GET", `${IDPS}/corp-sso`)).toMatchObject({
      status: 404,
      body: { message: 'identity provider "corp-sso" not found' },
    });
    expect((await t.api("GET", IDPS)).body).toEqual([]);
  });

  it("refuses a taken alias, a type change, data of another type, a missing secret, a bad URL and SAML without metadata", async () => {
    await t.api("POST", IDPS, OIDC);
    expect(await t.api("POST", IDPS, OIDC)).toMatchObject({
      status: 409,
      body: { message: 'an identity provider "corp-sso" exists already' },
    });
    const saml = { type: "saml", samlData: { metadataXmlType: "url", metadataXmlUrl: "https://idp.example.com/m.xml" } };
    expect(await t.api("PUT", `${IDPS}/corp-sso`, saml)).toMatchObject({
      status: 400,
      body: { message: "type: an identity provider's type cannot change (it is oidc)" },
    });
    expect(
      await t.api("POST", IDPS, {
        name: "mixed",
        type: "oidc",
        oidcData: { ...OIDC.oidcData, discoverDocumentUrl: "not a url" },
        samlData: saml.samlData,
      }),
    ).toMatchObject({
      status: 400,
      body: { message: "samlData: is not the data of type oidc; oidcData.discoverDocumentUrl: must be a URL" },
    });
    expect(
      await t.api("POST", IDPS, {
        name: "no-secret",
        type: "oidc",
        oidcData: { clientId: "x", discoverDocumentUrl: "https://idp.example.com" },
      }),
    ).toMatchObject({
      status: 400,
      body: { message: "oidcData.clientSecret: is required" },
    });
    expect(await t.api("POST", IDPS, { name: "bare", type: "saml", samlData: { metadataXmlType: "file" } })).toMatchObject({
      status: 400,
      body: {
        message:
          "samlData.metadataXmlFile: is required when metadataXmlType is file; samlData.fileName: is required when metadataXmlType is file",
      },
    });
    expect((await t.api("GET", IDPS)).body).toHaveLength(1);
  });
});
