// IdentityProvider's provider against the emulator: a SAML provider's outputs (the redirect URI and
// the service-provider metadata URL a program wires into its IdP application), its metadata and an
// OIDC provider's client secret kept from the inputs since Run:ai never returns them, a mapper
// changed by hand read back as drift, an update in place, and the diff of a type change (replace)
// and of a client secret change (in place).
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { EmulatorHarness } from "../support/emulator";

type Json = Record<string, unknown>;
const provider = providerFor("IdentityProvider") as Required<ReturnType<typeof providerFor>>;
const BROKER = "https://emulator.run.ai/auth/realms/runai/broker";
const SAML = { alias: "corp-saml", type: "saml", saml: { metadataXmlUrl: "https://idp.example.com/saml/metadata.xml", entityId: "runai" } };
const OIDC = {
  alias: "corp-sso",
  type: "oidc",
  oidc: { discoverDocumentUrl: "https://idp.example.com/.well-known/openid-configuration", clientId: "runai" },
  clientSecret: "oidc-client-secret-1",
  mappers: { email: "email", groups: "groups" },
};

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await EmulatorHarness.start({ checkContract: true });
  const config = emulator.adminSettings();
  await provider.configure({ config: { get: (key: string) => config[key] } } as never);
});
afterAll(async () => {
  clearTokenCache();
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.reset();
});

describe("IdentityProvider against the emulator", () => {
  it("creates a SAML provider whose outputs hold its redirect URI, its SP metadata URL and the metadata it was given", async () => {
    const { id, outs } = await provider.create(SAML);
    expect(id).toBe("corp-saml");
    expect(outs).toEqual({
      ...SAML,
      redirectUri: `${BROKER}/corp-saml/endpoint`,
      serviceProviderMetadataUrl: `${BROKER}/corp-saml/endpoint/descriptor`,
      mappers: {},
    });
    const { props } = await provider.read(id, outs);
    expect(props).toEqual(outs);
    await provider.delete(id, outs as Json);
    expect((await emulator.api("GET", "/api/v1/idps")).body).toEqual([]);
  });

  it("keeps an OIDC provider's client secret from the inputs, reads a mapper changed by hand, and updates in place", async () => {
    const { id, outs } = await provider.create(OIDC);
    expect(outs).toMatchObject({ clientSecret: "oidc-client-secret-1", mappers: OIDC.mappers, oidc: OIDC.oidc });
    expect((await emulator.api("PUT", `/api/v1/idps/${id}/mappers`, { email: "mail" })).status).toBe(202);
    const { props } = await provider.read(id, outs);
    expect(props).toMatchObject({ clientSecret: "oidc-client-secret-1", mappers: { email: "mail" } });
    expect((await provider.diff(id, props as Json, OIDC)).changes).toBe(true);

    const news = { ...OIDC, oidc: { ...OIDC.oidc, clientId: "runai-2" }, clientSecret: "oidc-client-secret-2" };
    const diff = await provider.diff(id, props as Json, news);
    expect(diff.replaces ?? []).toEqual([]);
    const { outs: updated } = await provider.update(id, props as Json, news);
    expect(updated).toMatchObject({ clientSecret: "oidc-client-secret-2", mappers: OIDC.mappers, oidc: { clientId: "runai-2" } });
    expect((await emulator.api("GET", `/api/v1/idps/${id}`)).body).toMatchObject({
      oidcData: { clientId: "runai-2", clientSecret: "*******" },
    });
  });

  it("replaces a provider whose type changes", async () => {
    const { id, outs } = await provider.create(OIDC);
    expect((await provider.diff(id, outs as Json, { ...SAML, alias: "corp-sso" })).replaces).toEqual(["type"]);
  });
});
