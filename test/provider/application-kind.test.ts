// The Application kind: check messages and diff rules as pure functions, then every CRUD method of
// its provider called directly against the real emulator (the token endpoint is the referee for secrets).
import { clearTokenCache } from "../../src/client";
import { providerFor } from "../../src/provider";
import { checkInputs } from "../../src/provider/check";
import { diffInputs } from "../../src/provider/diff";
import { kindFor } from "../../src/provider/registry";
import { UNKNOWN } from "../../src/provider/validation";
import { EmulatorHarness } from "../support/emulator";
import { refusalLine } from "../support/not-managed";

const provider = providerFor("Application") as Required<ReturnType<typeof providerFor>>;
const application = kindFor("Application");
const checkApplication = (news: Record<string, unknown>) => checkInputs(application, news).failures;
const diffApplication = (olds: Record<string, unknown>, news: Record<string, unknown>) => diffInputs(application, olds, news);
const NAME_RULE =
  'must match ^[a-z][-_a-z0-9]*[a-z0-9]$ (lowercase letters, digits, "-" and "_", starting with a letter and ending with a letter or digit, at least 2 characters long)';

describe("Application check", () => {
  const reasons = (news: Record<string, unknown>) => checkApplication(news).map((f) => f.reason);

  it("accepts a valid application and defaults enabled to true", () => {
    expect(checkInputs(application, { name: "ci-bot_2", rotateWhenChanged: { q: "2025-q3" }, adoptExisting: false })).toEqual({
      inputs: { name: "ci-bot_2", enabled: true, rotateWhenChanged: { q: "2025-q3" }, adoptExisting: false },
      failures: [],
    });
    expect(checkInputs(application, { name: "ci", enabled: false }).inputs).toEqual({ name: "ci", enabled: false });
  });

  it.each([
    ["Bad_Name", `name: ${NAME_RULE}, got "Bad_Name"`],
    ["a", `name: ${NAME_RULE}, got "a"`],
    ["1abc", `name: ${NAME_RULE}, got "1abc"`],
    ["abc-", `name: ${NAME_RULE}, got "abc-"`],
    ["has space", `name: ${NAME_RULE}, got "has space"`],
  ])("refuses the name %j showing the rule", (name, reason) => {
    expect(checkApplication({ name })).toEqual([{ property: "", reason }]);
  });

  it("names the property and the rule for every wrong type, all at once", () => {
    expect(reasons({ name: 42, enabled: "yes", rotateWhenChanged: { a: "1", b: 2, c: null }, adoptExisting: "true" })).toEqual([
      "name: must be a string",
      "enabled: must be true or false",
      "rotateWhenChanged.b: must be a string",
      "rotateWhenChanged.c: must be a string, not null",
      "adoptExisting: must be true or false",
    ]);
    // A key that reads as no field name is quoted, so the path has one reading.
    expect(reasons({ name: "ok-name", rotateWhenChanged: { "": 0, ".": {}, "release date": 1 } })).toEqual([
      'rotateWhenChanged[""]: must be a string',
      'rotateWhenChanged["."]: must be a string',
      'rotateWhenChanged["release date"]: must be a string',
    ]);
    expect(reasons({ name: "ok-name", rotateWhenChanged: ["x"] })).toEqual(["rotateWhenChanged: must be an object"]);
    expect(reasons({ name: "ok-name", rotateWhenChanged: "x" })).toEqual(["rotateWhenChanged: must be an object"]);
    expect(reasons({ name: "ok-name", colour: "blue" })).toEqual(['unknown field "colour"']);
    expect(reasons({})).toEqual(["name: is required"]);
  });

  it("never quotes rotateWhenChanged values (they may be derived from secrets)", () => {
    expect(JSON.stringify(checkApplication({ name: "ok-name", rotateWhenChanged: { k: 12345 } }))).not.toContain("12345");
  });

  it("tolerates values still unknown during a preview", () => {
    expect(checkApplication({ name: UNKNOWN, enabled: UNKNOWN, rotateWhenChanged: UNKNOWN, adoptExisting: UNKNOWN })).toEqual([]);
    expect(checkApplication({ name: "ok-name", rotateWhenChanged: { a: UNKNOWN } })).toEqual([]);
    expect(checkInputs(application, { name: "ok-name", enabled: UNKNOWN }).inputs).toEqual({ name: "ok-name", enabled: UNKNOWN });
  });
});

describe("Application diff", () => {
  // Old outputs as stored in state: server-managed fields, the secret and lastLogin included.
  const state = {
    name: "ci-bot",
    enabled: true,
    clientId: "ci-bot",
    secret: "s3cr3t",
    createdAt: "2025-01-01T00:00:00.000Z",
    createdBy: "admin",
    lastLogin: "2025-02-01T00:00:00.000Z",
    rotateWhenChanged: { q: "1" },
  };

  it("sees no change when only server-managed fields differ from the inputs", () => {
    expect(diffApplication(state, { name: "ci-bot", enabled: true, rotateWhenChanged: { q: "1" } })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const { lastLogin: _l, secret: _s, createdAt: _c, ...withoutServerFields } = state;
    expect(diffApplication(withoutServerFields, { name: "ci-bot", enabled: true, rotateWhenChanged: { q: "1" } }).changes).toBe(false);
  });

  it("replaces on a name change, creating the new application before deleting the old one", () => {
    expect(diffApplication(state, { name: "ci-bot-2", enabled: true, rotateWhenChanged: { q: "1" } })).toEqual({
      changes: true,
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
    expect(diffApplication(state, { name: UNKNOWN, enabled: true, rotateWhenChanged: { q: "1" } }).replaces).toEqual(["name"]);
  });

  it("updates enabled and rotateWhenChanged in place", () => {
    expect(diffApplication(state, { name: "ci-bot", enabled: false, rotateWhenChanged: { q: "1" } })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffApplication(state, { name: "ci-bot", enabled: true, rotateWhenChanged: { q: "2" } })).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(diffApplication(state, { name: "ci-bot", enabled: true, rotateWhenChanged: { q: UNKNOWN } })).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(diffApplication(state, { name: "ci-bot", enabled: true })).toMatchObject({ changes: true, replaces: [] });
  });

  it("treats a missing enabled as true and a missing map as empty", () => {
    const { enabled: _e, rotateWhenChanged: _r, ...plain } = state;
    expect(diffApplication(plain, { name: "ci-bot", enabled: true, rotateWhenChanged: {} }).changes).toBe(false);
    expect(diffApplication({ ...plain, enabled: false }, { name: "ci-bot" }).changes).toBe(true);
  });

  it("ignores adoptExisting after creation", () => {
    expect(
      diffApplication(
        { ...state, adoptExisting: false },
        { name: "ci-bot", enabled: true, rotateWhenChanged: { q: "1" }, adoptExisting: true },
      ).changes,
    ).toBe(false);
  });
});

describe("Application CRUD against the emulator", () => {
  let admin: EmulatorHarness;

  beforeAll(async () => {
    admin = await EmulatorHarness.start();
  });
  beforeEach(() => {
    const { emulator } = admin;
    const config: Record<string, string> = {
      "runai:url": emulator.url,
      "runai:clientId": emulator.adminClientId,
      "runai:clientSecret": emulator.adminClientSecret,
      // Some cases make a read fail for good: give up after a second of retries, not a minute.
      "runai:retryTimeoutSeconds": "1",
    };
    void provider.configure({ config: { get: (key: string) => config[key] } } as never);
  });
  afterEach(async () => {
    await admin.clearFaults();
  });
  afterAll(async () => {
    clearTokenCache();
    await admin?.stop();
  });

  /** Whether the token endpoint (the referee) accepts these credentials. */
  const tokenAccepted = async (clientId: string, secret: string) => (await admin.tryToken(clientId, secret)) !== undefined;
  const checked = async (news: Record<string, unknown>) => (await provider.check({}, news)).inputs as Record<string, unknown>;

  it("creates an application whose secret obtains a token, with plain-JSON outputs", async () => {
    await admin.resetCounters();
    const { id, outs } = await provider.create(await checked({ name: "crud-create", rotateWhenChanged: { a: "1" } }));
    expect(outs).toEqual({
      name: "crud-create",
      enabled: true,
      clientId: "crud-create",
      secret: expect.any(String),
      createdAt: expect.any(String),
      createdBy: admin.emulator.adminClientId,
      rotateWhenChanged: { a: "1" },
    });
    expect(JSON.parse(JSON.stringify(outs))).toEqual(outs);
    expect(await tokenAccepted(outs.clientId, outs.secret)).toBe(true);
    expect((await admin.counters())["POST /api/v1/apps"]).toEqual({ "201": 1 });
    expect((await admin.api("GET", `/api/v1/apps/${id}`)).status).toBe(200);
  });

  it("creates a disabled application: the token endpoint refuses it", async () => {
    const { outs } = await provider.create(await checked({ name: "crud-disabled", enabled: false }));
    expect(outs.enabled).toBe(false);
    expect(await tokenAccepted(outs.clientId, outs.secret)).toBe(false);
  });

  it("reads: refreshes server fields, keeps the secret, returns no inputs; 404 means gone", async () => {
    const { id, outs } = await provider.create(await checked({ name: "crud-read", rotateWhenChanged: { a: "1" } }));
    expect(await tokenAccepted(outs.clientId, outs.secret)).toBe(true); // sets lastLogin
    expect((await admin.api("PATCH", `/api/v1/apps/${id}`, { enabled: false })).status).toBe(200);

    const read = await provider.read(id, { ...outs, __provider: "shim" });
    expect(read).toEqual({
      id,
      props: { ...outs, enabled: false, lastLogin: expect.any(String) },
    });
    expect(read).not.toHaveProperty("inputs");
    // The out-of-band disable is drift: the refreshed outputs differ from the program's inputs.
    expect(diffApplication(read.props!, await checked({ name: "crud-read", rotateWhenChanged: { a: "1" } })).changes).toBe(true);

    expect((await admin.api("DELETE", `/api/v1/apps/${id}`)).status).toBe(204);
    expect(await provider.read(id, outs)).toEqual({});
  });

  it("updates enabled with PATCH and keeps the secret", async () => {
    const inputs = await checked({ name: "crud-toggle" });
    const { id, outs } = await provider.create(inputs);
    await admin.resetCounters();
    const disabled = await provider.update(id, outs, { ...inputs, enabled: false });
    expect(disabled.outs).toEqual({ ...outs, enabled: false });
    expect(await tokenAccepted(outs.clientId, outs.secret)).toBe(false);
    const counters = await admin.counters();
    expect(counters["PATCH /api/v1/apps/{appId}"]).toEqual({ "200": 1 });
    expect(counters["POST /api/v1/apps/{appId}/secret"]).toBeUndefined();

    const enabled = await provider.update(id, disabled.outs, inputs);
    expect(enabled.outs).toEqual(outs);
    expect(await tokenAccepted(outs.clientId, outs.secret)).toBe(true);
  });

  it("rotates on a rotateWhenChanged change: same id, new secret works, old one refused", async () => {
    const inputs = await checked({ name: "crud-rotate", rotateWhenChanged: { q: "1" } });
    const { id, outs } = await provider.create(inputs);
    await admin.resetCounters();
    const rotated = await provider.update(id, outs, { ...inputs, rotateWhenChanged: { q: "2" } });
    expect(rotated.outs).toMatchObject({ name: "crud-rotate", clientId: outs.clientId, rotateWhenChanged: { q: "2" } });
    expect(rotated.outs.secret).not.toBe(outs.secret);
    expect(await tokenAccepted(outs.clientId, outs.secret)).toBe(false);
    expect(await tokenAccepted(outs.clientId, rotated.outs.secret)).toBe(true);
    const counters = await admin.counters();
    expect(counters["POST /api/v1/apps/{appId}/secret"]).toEqual({ "200": 1 });
    expect(counters["PATCH /api/v1/apps/{appId}"]).toBeUndefined();
    expect((await admin.api("GET", `/api/v1/apps/${id}`)).status).toBe(200);
  });

  it("deletes; an application already gone counts as deleted", async () => {
    const { id } = await provider.create(await checked({ name: "crud-delete" }));
    await provider.delete(id, {});
    expect((await admin.api("GET", `/api/v1/apps/${id}`)).status).toBe(404);
    await expect(provider.delete(id, {})).resolves.toBeUndefined();
  });

  it("refuses a taken name, saying how to adopt, without touching the existing application", async () => {
    const existing = (await admin.api("POST", "/api/v1/apps", { name: "crud-taken" })).body as { id: string; secret: string };
    await admin.resetCounters();
    const error = await provider.create(await checked({ name: "crud-taken" })).catch((e: Error) => e);
    const { createdBy, createdAt } = (await admin.api("GET", `/api/v1/apps/${existing.id}`)).body;
    expect(refusalLine((error as Error).message)).toBe(
      `Application "crud-taken" already exists in the tenant (id ${existing.id}, created by ${createdBy} at ${createdAt}) and is not managed by this stack. ` +
        "Set adoptExisting: true to take it over with this program's values (its secret is then regenerated once, since Run:ai never returns an existing secret), " +
        "or choose another name.",
    );
    expect(await tokenAccepted("crud-taken", existing.secret)).toBe(true);
    expect((await admin.counters())["POST /api/v1/apps/{appId}/secret"]).toBeUndefined();
  });

  it("adopts an existing application: regenerates its secret once and applies enabled", async () => {
    const existing = (await admin.api("POST", "/api/v1/apps", { name: "crud-adopt" })).body as { id: string; secret: string };
    await admin.api("PATCH", `/api/v1/apps/${existing.id}`, { enabled: false });
    await admin.resetCounters();

    const { id, outs } = await provider.create(await checked({ name: "crud-adopt", adoptExisting: true }));
    expect(id).toBe(existing.id);
    expect(outs).toMatchObject({ name: "crud-adopt", enabled: true, clientId: "crud-adopt", adoptExisting: true });
    expect(await tokenAccepted("crud-adopt", existing.secret)).toBe(false);
    expect(await tokenAccepted("crud-adopt", outs.secret)).toBe(true);
    const counters = await admin.counters();
    expect(counters["POST /api/v1/apps/{appId}/secret"]).toEqual({ "200": 1 });
    expect(counters["PATCH /api/v1/apps/{appId}"]).toEqual({ "200": 1 });
  });

  it("keeps a created application and its secret in state when a later step fails", async () => {
    await admin.setFaults([{ method: "GET", route: "/api/v1/apps/{appId}", errorRate: 1, errorStatus: 503 }]);
    const error = (await provider.create(await checked({ name: "crud-partial" })).catch((e: unknown) => e)) as Error & {
      id: string;
      properties: Record<string, unknown>;
      reasons: string[];
    };
    expect(error.id).toEqual(expect.any(String));
    expect(error.properties).toMatchObject({ name: "crud-partial", clientId: "crud-partial", enabled: true });
    const secret = error.properties.secret as string;
    expect(await tokenAccepted("crud-partial", secret)).toBe(true);
    expect(error.reasons).toEqual([error.message]);
    expect(error.message).toMatch(/^GET \/api\/v1\/apps\/[^ ]+ → 503/);
    expect(error.message).not.toContain(secret);
  });

  it("keeps a regenerated secret in state when the read after the rotation fails", async () => {
    const inputs = await checked({ name: "crud-partial-rotate", rotateWhenChanged: { q: "1" } });
    const { id, outs } = await provider.create(inputs);
    await admin.setFaults([{ method: "GET", route: "/api/v1/apps/{appId}", errorRate: 1, errorStatus: 503 }]);
    const error = (await provider.update(id, outs, { ...inputs, rotateWhenChanged: { q: "2" } }).catch((e: unknown) => e)) as Error & {
      id: string;
      properties: Record<string, unknown>;
    };
    expect(error.id).toBe(id);
    expect(error.properties).toMatchObject({ name: "crud-partial-rotate", rotateWhenChanged: { q: "2" } });
    expect(await tokenAccepted(outs.clientId, error.properties.secret as string)).toBe(true);
    expect(await tokenAccepted(outs.clientId, outs.secret)).toBe(false);
  });
});
