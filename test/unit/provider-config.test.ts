import { configure, resetConfiguration, resolveSettings } from "../../src/provider/config";

function stackConfig(values: Record<string, string>) {
  return { get: (key: string) => values[key] };
}

describe("provider configuration", () => {
  afterEach(() => resetConfiguration());

  it("reads stack config first", () => {
    configure(stackConfig({ "runai:url": "https://acme.run.ai/", "runai:clientId": "ci", "runai:clientSecret": "cs" }));
    const settings = resolveSettings({ RUNAI_URL: "https://ignored.example", RUNAI_TOKEN: "t" });
    expect(settings).toEqual({
      client: { url: "https://acme.run.ai", auth: { clientId: "ci", clientSecret: "cs" }, caBundle: undefined, timeoutMs: 60_000 },
      waitForSync: true,
      timeoutSeconds: 300,
    });
  });

  it("falls back to the environment, with a static token", () => {
    const settings = resolveSettings({ RUNAI_URL: "https://acme.run.ai", RUNAI_TOKEN: "static-token" });
    expect(settings.client.auth).toEqual({ token: "static-token" });
  });

  it("reads waitForSync and timeoutSeconds", () => {
    configure(
      stackConfig({ "runai:url": "https://a.run.ai", "runai:token": "t", "runai:waitForSync": "false", "runai:timeoutSeconds": "30" }),
    );
    expect(resolveSettings({})).toMatchObject({ waitForSync: false, timeoutSeconds: 30, client: { timeoutMs: 30_000 } });
  });

  it.each([
    [{}, "missing Run:ai URL: set it with `pulumi config set runai:url https://<tenant>.run.ai` or the RUNAI_URL environment variable"],
    [
      { RUNAI_URL: "https://a.run.ai" },
      "missing Run:ai credentials: set runai:clientId and runai:clientSecret (`pulumi config set --secret runai:clientSecret …`), or runai:token, or the RUNAI_CLIENT_ID and RUNAI_CLIENT_SECRET (or RUNAI_TOKEN) environment variables",
    ],
    [
      { RUNAI_URL: "https://a.run.ai", RUNAI_CLIENT_ID: "ci" },
      "missing runai:clientSecret (or the RUNAI_CLIENT_SECRET environment variable): set it with `pulumi config set --secret runai:clientSecret <secret>`",
    ],
    [
      { RUNAI_URL: "https://a.run.ai", RUNAI_CLIENT_SECRET: "cs" },
      "missing runai:clientId (or the RUNAI_CLIENT_ID environment variable): it is needed with runai:clientSecret",
    ],
    [{ RUNAI_URL: "not a url", RUNAI_TOKEN: "t" }, 'runai:url (or the RUNAI_URL environment variable) is not a valid URL: "not a url"'],
    [{ RUNAI_URL: "ftp://a.run.ai", RUNAI_TOKEN: "t" }, "runai:url (or the RUNAI_URL environment variable) must use https:// (got ftp://)"],
    [
      { RUNAI_URL: "http://runai.internal:8080", RUNAI_TOKEN: "t" },
      'runai:url (or the RUNAI_URL environment variable) uses http:// for the non-loopback host "runai.internal": credentials would travel in clear text. Use https://, or set runai:allowInsecureHttp to true if you really mean it',
    ],
  ])("refuses %j with a message naming what to set", (env, message) => {
    expect(() => resolveSettings(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it("rejects bad values of the typed keys", () => {
    configure(stackConfig({ "runai:url": "https://a.run.ai", "runai:token": "t", "runai:timeoutSeconds": "soon" }));
    expect(() => resolveSettings({})).toThrow('runai:timeoutSeconds must be a positive number of seconds, got "soon"');
    configure(stackConfig({ "runai:url": "https://a.run.ai", "runai:token": "t", "runai:waitForSync": "maybe" }));
    expect(() => resolveSettings({})).toThrow('runai:waitForSync must be true or false, got "maybe"');
    configure(stackConfig({ "runai:url": "https://a.run.ai", "runai:token": "t", "runai:caBundle": "/no/such/ca.pem" }));
    expect(() => resolveSettings({})).toThrow('runai:caBundle is neither PEM text nor a readable file: "/no/such/ca.pem" (ENOENT)');
  });

  it("allows http:// on loopback, and elsewhere only when told to", () => {
    for (const url of ["http://127.0.0.1:8090", "http://localhost:1", "http://[::1]:9"]) {
      expect(resolveSettings({ RUNAI_URL: url, RUNAI_TOKEN: "t" }).client.url).toBe(url);
    }
    configure(stackConfig({ "runai:url": "http://runai.internal", "runai:token": "t", "runai:allowInsecureHttp": "true" }));
    expect(resolveSettings({}).client.url).toBe("http://runai.internal");
  });

  it("never puts a secret in its errors", () => {
    configure(stackConfig({ "runai:url": "http://runai.internal", "runai:clientId": "ci", "runai:clientSecret": "very-secret" }));
    expect(() => resolveSettings({})).toThrow(expect.objectContaining({ message: expect.not.stringContaining("very-secret") }));
  });
});
