// Contract tests of /api/v1/apps and /api/v1/token.
import { APPS, ENVIRONMENTS, EmulatorHarness, TOKEN, useEmulator } from "../support/emulator";
import { UUID_RE, environmentBody, jwtClaims } from "./helpers";

const t = useEmulator({ tokenTtlSeconds: 600, checkContract: true });

const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function createApp(name: string) {
  const res = await t.call("POST", APPS, { body: { name } });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; clientId: string; secret: string };
}

describe("applications", () => {
  test("create answers 201 with id, name, clientId and the secret", async () => {
    const res = await t.call("POST", APPS, { body: { name: "ci-bot" } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID_RE),
      name: "ci-bot",
      clientId: "ci-bot",
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      enabled: true,
      tenantId: "1",
      createdAt: expect.stringMatching(ISO_DATE),
      createdBy: "runai-admin",
      updatedAt: res.body.createdAt,
      lastLogin: null,
    });
  });

  test("list and get answer 200 without the secret; an unknown id 404", async () => {
    const app = await createApp("ci-bot");
    const list = await t.call("GET", APPS);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).not.toHaveProperty("secret");
    const got = await t.call("GET", `${APPS}/${app.id}`);
    expect(got.status).toBe(200);
    const { secret: _secret, ...withoutSecret } = app;
    expect(got.body).toEqual(withoutSecret);
    expect(list.body[0]).toEqual(got.body);

    const missing = await t.call("GET", `${APPS}/${MISSING_ID}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 404, message: `application "${MISSING_ID}" not found` });
  });

  test("names must match ^[a-z][-_a-z0-9]*[a-z0-9]$ (400)", async () => {
    for (const name of ["CI-Bot", "1bot", "bot-", "a", "my bot"]) {
      const res = await t.call("POST", APPS, { body: { name } });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('name: must match pattern "^[a-z][-_a-z0-9]*[a-z0-9]$"');
    }
    expect((await t.call("POST", APPS, { body: { name: "a_b-9" } })).status).toBe(201);
  });

  test("a missing name or body answers 400", async () => {
    expect((await t.call("POST", APPS, { body: {} })).body.message).toBe("name: is required");
    const noBody = await t.call("POST", APPS);
    expect(noBody.status).toBe(400);
    expect(noBody.body.message).toBe("request body: is required");
  });

  test("names are unique in the tenant (409), including the admin client id", async () => {
    await createApp("ci-bot");
    const dup = await t.call("POST", APPS, { body: { name: "ci-bot" } });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ code: 409, message: 'application named "ci-bot" already exists' });
    const admin = await t.call("POST", APPS, { body: { name: "runai-admin" } });
    expect(admin.status).toBe(409);
  });

  test("PATCH {enabled} answers 200; a disabled app gets 401 from the token endpoint", async () => {
    const app = await createApp("ci-bot");
    const patched = await t.call("PATCH", `${APPS}/${app.id}`, { body: { enabled: false } });
    expect(patched.status).toBe(200);
    expect(patched.body.enabled).toBe(false);
    expect((await t.call("GET", `${APPS}/${app.id}`)).body.enabled).toBe(false);

    const denied = await t.token("ci-bot", app.secret);
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual({ code: 401, message: 'application "ci-bot" is disabled' });

    await t.call("PATCH", `${APPS}/${app.id}`, { body: { enabled: true } });
    expect((await t.token("ci-bot", app.secret)).status).toBe(200);
  });

  test("PATCH validates its body and answers 404 for an unknown id", async () => {
    const app = await createApp("ci-bot");
    const bad = await t.call("PATCH", `${APPS}/${app.id}`, { body: { enabled: "yes" } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe("enabled: must be boolean");
    expect((await t.call("PATCH", `${APPS}/${app.id}`, { body: {} })).body.message).toBe("enabled: is required");
    expect((await t.call("PATCH", `${APPS}/${MISSING_ID}`, { body: { enabled: true } })).status).toBe(404);
  });

  test("POST /{appId}/secret answers 200 with a new secret and revokes the old one", async () => {
    const app = await createApp("ci-bot");
    const res = await t.call("POST", `${APPS}/${app.id}/secret`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["secret"]);
    expect(res.body.secret).not.toBe(app.secret);

    const old = await t.token("ci-bot", app.secret);
    expect(old.status).toBe(401);
    expect(old.body.message).toBe("invalid client credentials");
    expect((await t.token("ci-bot", res.body.secret)).status).toBe(200);
    expect((await t.call("POST", `${APPS}/${MISSING_ID}/secret`)).status).toBe(404);
  });

  test("DELETE answers 204 without a body; the app can no longer get or use tokens", async () => {
    const app = await createApp("ci-bot");
    const appToken = (await t.token("ci-bot", app.secret)).body.accessToken!;
    const res = await t.call("DELETE", `${APPS}/${app.id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await t.call("GET", `${APPS}/${app.id}`)).status).toBe(404);
    expect((await t.call("DELETE", `${APPS}/${app.id}`)).status).toBe(404);
    expect((await t.token("ci-bot", app.secret)).status).toBe(401);
    const used = await t.call("GET", ENVIRONMENTS, { token: appToken });
    expect(used.status).toBe(401);
    expect(used.body.message).toBe('access token subject "ci-bot" is not an enabled application');
  });

  test("every app route answers 401 without a token", async () => {
    const app = await createApp("ci-bot");
    const calls: Array<[string, string, unknown]> = [
      ["GET", APPS, undefined],
      ["POST", APPS, { name: "other" }],
      ["GET", `${APPS}/${app.id}`, undefined],
      ["PATCH", `${APPS}/${app.id}`, { enabled: false }],
      ["DELETE", `${APPS}/${app.id}`, undefined],
      ["POST", `${APPS}/${app.id}/secret`, undefined],
    ];
    for (const [method, urlPath, body] of calls) {
      expect((await t.call(method, urlPath, { body, token: null })).status).toBe(401);
    }
    expect((await t.call("GET", `${APPS}/${app.id}`)).body.enabled).toBe(true);
  });
});

describe("token endpoint", () => {
  test("issues an HS256 JWT with sub and exp for the admin client", async () => {
    const res = await t.token("runai-admin", "runai-admin-secret");
    expect(res.status).toBe(200);
    const token = res.body.accessToken!;
    expect(JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString())).toEqual({ alg: "HS256", typ: "JWT" });
    const claims = jwtClaims(token);
    expect(claims.sub).toBe("runai-admin");
    expect(claims.exp).toBe((claims.iat as number) + 600);
  });

  test("issues tokens to enabled apps, which then act as themselves (where an access rule lets them)", async () => {
    const app = await createApp("ci-bot");
    // ML engineer (role 7) in project 1001: enough to manage environments there.
    const rule = { subjectType: "app", subjectId: "ci-bot", roleId: 7, scopeType: "project", scopeId: "1001" };
    expect((await t.call("POST", "/api/v1/authorization/access-rules", { body: rule })).status).toBe(201);
    const granted = await t.call("POST", TOKEN, {
      body: { grantType: "client_credentials", clientID: "ci-bot", clientSecret: app.secret }, // the schema's spelling
      token: null,
    });
    expect(granted.status).toBe(200);
    const appToken = granted.body.accessToken;
    expect(jwtClaims(appToken).sub).toBe("ci-bot");
    expect((await t.call("GET", `${APPS}/${app.id}`)).body.lastLogin).toMatch(ISO_DATE);

    const created = await t.call("POST", ENVIRONMENTS, { body: environmentBody("by-app"), token: appToken });
    expect(created.body.meta.createdBy).toBe("ci-bot");
    const updated = await t.call("PUT", `${ENVIRONMENTS}/${created.body.meta.id}`, {
      body: { meta: { name: "by-app" }, spec: {} },
    });
    expect(updated.body.meta).toMatchObject({ createdBy: "ci-bot", updatedBy: "runai-admin" });
  });

  test("the deprecated app_token grant works too", async () => {
    const app = await createApp("ci-bot");
    const res = await t.call("POST", TOKEN, { body: { grantType: "app_token", appID: "ci-bot", appSecret: app.secret }, token: null });
    expect(res.status).toBe(200);
  });

  test.each([
    ["a wrong secret", "runai-admin", "nope", "invalid client credentials"],
    ["an unknown client", "who", "nope", "invalid client credentials"],
  ])("answers 401 for %s", async (_label, clientId, clientSecret, message) => {
    const res = await t.token(clientId, clientSecret);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 401, message });
  });

  test.each([
    [{}, "grantType: is required"],
    [
      { grantType: "password", username: "u", password: "p" },
      'grantType: "password" is not supported by the emulator (use "client_credentials")',
    ],
    [{ grantType: "client_credentials" }, "clientId: is required; clientSecret: is required"],
    [
      { grantType: "client_credentials", clientId: 5, clientSecret: "" },
      "clientId: must be a non-empty string; clientSecret: must be a non-empty string",
    ],
    [
      { grantType: "magic" },
      'grantType: must be one of "app_token", "client_credentials", "refresh_token", "exchange_token", "password", "external_token_exchange"',
    ],
    [{ grantType: "client_credentials", clientID: 7, clientSecret: "x" }, "clientID: must be string"],
  ])("answers 400 for %j", async (body, message) => {
    const res = await t.call("POST", TOKEN, { body, token: null });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  test("an expired token answers 401", async () => {
    // With a zero lifetime the harness's admin token is expired the moment it is issued.
    const shortLived = await EmulatorHarness.start({ tokenTtlSeconds: 0, checkContract: true });
    try {
      const res = await shortLived.call("GET", ENVIRONMENTS);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe("access token expired");
    } finally {
      await shortLived.stop();
    }
  });

  test("logs never contain secrets or tokens", async () => {
    const app = await createApp("ci-bot");
    const regenerated = await t.call("POST", `${APPS}/${app.id}/secret`);
    const token = (await t.token("ci-bot", regenerated.body.secret)).body.accessToken!;
    await t.call("GET", ENVIRONMENTS, { token });
    const logs = t.logs.join("\n");
    expect(logs).toContain("POST /api/v1/token 200");
    for (const secret of [app.secret, regenerated.body.secret, token, t.adminToken, "runai-admin-secret"]) {
      expect(logs).not.toContain(secret);
    }
  });
});
