// The identity providers' endpoints against a local server: the alias a POST answers, the whole
// `IdpCreationRequest` on PUT, the mappers' own GET and PUT, and the client secret a request
// carries redacted from the error of a server that echoes the request body back.
import { RunaiBadRequestError } from "../../src/client/errors";
import { caught } from "../support/async";
import { clientTestHarness } from "../support/client-setup";

const IDPS = "/api/v1/idps";
const SECRET = "oidc-cl1ent-s3cret-VALUE";
const REQUEST = {
  name: "corp-sso",
  type: "oidc" as const,
  oidcData: { clientId: "runai", clientSecret: SECRET, discoverDocumentUrl: "https://idp.example.com/.well-known/openid-configuration" },
};

const { setup } = clientTestHarness();

describe("identity providers", () => {
  it("creates one and answers its alias, replaces it with PUT, and reads and writes its mappers", async () => {
    const { server, client } = await setup();
    server.route("POST", IDPS, { status: 201, json: { alias: "corp-sso" } });
    server.route("PUT", `${IDPS}/corp-sso`, { status: 200 });
    server.route("PUT", `${IDPS}/corp-sso/mappers`, { status: 202 });
    server.route("GET", `${IDPS}/corp-sso/mappers`, { json: { email: "email" } });
    expect(await client.identityProviders.create(REQUEST)).toBe("corp-sso");
    await client.identityProviders.update("corp-sso", { ...REQUEST, name: undefined });
    await client.identityProviders.setMappers("corp-sso", { email: "email", groups: "groups" });
    expect(await client.identityProviders.getMappers("corp-sso")).toEqual({ email: "email" });
    expect(server.requestsTo("POST", IDPS)[0].json).toEqual(REQUEST);
    expect(server.requestsTo("PUT", `${IDPS}/corp-sso`)[0].json).toEqual({ type: "oidc", oidcData: REQUEST.oidcData });
    expect(server.requestsTo("PUT", `${IDPS}/corp-sso/mappers`)[0].json).toEqual({ email: "email", groups: "groups" });
  });

  it("after a 503 re-sends the POST once a look-up by alias finds nothing, and after a lost answer takes the provider the look-up finds", async () => {
    const { server, client } = await setup();
    server.route("POST", IDPS, [
      { status: 503, json: { code: 503, message: "unavailable" } },
      { status: 201, json: { alias: "corp-sso" } },
    ]);
    server.route("GET", `${IDPS}/corp-sso`, { status: 404, json: { code: 404, message: "not found" } });
    expect(await client.identityProviders.create(REQUEST)).toBe("corp-sso");
    expect(server.requestsTo("POST", IDPS)).toHaveLength(2);

    const lost = await setup();
    lost.server.route("POST", IDPS, { drop: true });
    lost.server.route("GET", `${IDPS}/corp-sso`, { json: { alias: "corp-sso", type: "oidc", redirectUri: "https://example.com/cb" } });
    expect(await lost.client.identityProviders.create(REQUEST)).toBe("corp-sso");
    expect(lost.server.requestsTo("POST", IDPS)).toHaveLength(1);
  });

  it("keeps the client secret out of the error of a server that echoes the request", async () => {
    const { server, client } = await setup();
    server.route("POST", IDPS, (r) => ({ status: 400, json: { code: 400, message: `you sent ${r.body}` } }));
    const error = await caught(client.identityProviders.create(REQUEST));
    expect(error).toBeInstanceOf(RunaiBadRequestError);
    expect(error.message).toContain('"clientId":"runai"');
    expect(`${error.message}\n${String(error.stack)}\n${JSON.stringify(error)}`).not.toContain(SECRET);
  });
});
