import { resolveSettings } from "../../src/provider/config";
import { createContext } from "../../src/provider/context";
import { ProviderConfigError } from "../../src/provider/errors";

function stackConfig(values: Record<string, string>) {
  return { get: (key: string) => values[key] };
}

describe("provider configuration", () => {
  it("reads stack config first", () => {
    const stack = stackConfig({ "runai:url": "https://acme.run.ai/", "runai:clientId": "ci", "runai:clientSecret": "cs" });
    const settings = resolveSettings(stack, { RUNAI_URL: "https://ignored.example", RUNAI_TOKEN: "t" });
    expect(settings).toEqual({
      client: {
        url: "https://acme.run.ai",
        auth: { clientId: "ci", clientSecret: "cs" },
        caBundle: undefined,
        timeoutMs: 60_000,
        retry: { maxAttempts: Infinity, budgetMs: 60_000 },
      },
      waitForSync: true,
      timeoutSeconds: 300,
      adoptExisting: false,
    });
  });

  it("falls back to the environment, with a static token", () => {
    const settings = resolveSettings(undefined, { RUNAI_URL: "https://acme.run.ai", RUNAI_TOKEN: "static-token" });
    expect(settings.client.auth).toEqual({ token: "static-token" });
  });

  it("reads waitForSync and timeoutSeconds", () => {
    const stack = stackConfig({
      "runai:url": "https://a.run.ai",
      "runai:token": "t",
      "runai:waitForSync": "false",
      "runai:timeoutSeconds": "30",
    });
    expect(resolveSettings(stack, {})).toMatchObject({ waitForSync: false, timeoutSeconds: 30, client: { timeoutMs: 30_000 } });
  });

  it("takes the per-request timeout from runai:requestTimeoutSeconds, else the smaller of 60 s and timeoutSeconds", () => {
    const base = { "runai:url": "https://a.run.ai", "runai:token": "t" };
    expect(resolveSettings(stackConfig(base), {}).client.timeoutMs).toBe(60_000);
    expect(resolveSettings(stackConfig({ ...base, "runai:requestTimeoutSeconds": "5" }), {}).client.timeoutMs).toBe(5_000);
    expect(resolveSettings(stackConfig(base), { RUNAI_REQUEST_TIMEOUT_SECONDS: "7" }).client.timeoutMs).toBe(7_000);
  });

  it("bounds the retries of one call by runai:retryTimeoutSeconds (default 60 s), not by a count", () => {
    const base = { "runai:url": "https://a.run.ai", "runai:token": "t" };
    expect(resolveSettings(stackConfig(base), {}).client.retry).toEqual({ maxAttempts: Infinity, budgetMs: 60_000 });
    expect(resolveSettings(stackConfig({ ...base, "runai:retryTimeoutSeconds": "5" }), {}).client.retry).toEqual({
      maxAttempts: Infinity,
      budgetMs: 5_000,
    });
    expect(resolveSettings(stackConfig(base), { RUNAI_RETRY_TIMEOUT_SECONDS: "90" }).client.retry?.budgetMs).toBe(90_000);
    expect(() => resolveSettings(stackConfig({ ...base, "runai:retryTimeoutSeconds": "0" }), {})).toThrow(
      'runai:retryTimeoutSeconds (or the RUNAI_RETRY_TIMEOUT_SECONDS environment variable) must be a positive number of seconds, got "0"',
    );
  });

  it("reads every setting from its environment variable when the stack has none", () => {
    const settings = resolveSettings(undefined, {
      RUNAI_URL: "http://runai.internal",
      RUNAI_TOKEN: "t",
      RUNAI_WAIT_FOR_SYNC: "false",
      RUNAI_TIMEOUT_SECONDS: "12",
      RUNAI_ALLOW_INSECURE_HTTP: "true",
      RUNAI_ADOPT_EXISTING: "true",
    });
    expect(settings).toMatchObject({
      waitForSync: false,
      timeoutSeconds: 12,
      adoptExisting: true,
      client: { url: "http://runai.internal", timeoutMs: 12_000 },
    });
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
    expect(() => resolveSettings(undefined, env as NodeJS.ProcessEnv)).toThrow(new ProviderConfigError(message));
  });

  it("rejects bad values of the typed keys", () => {
    const base = { "runai:url": "https://a.run.ai", "runai:token": "t" };
    const resolveWith = (extra: Record<string, string>) => () => resolveSettings(stackConfig({ ...base, ...extra }), {});
    expect(resolveWith({ "runai:timeoutSeconds": "soon" })).toThrow(
      new ProviderConfigError(
        'runai:timeoutSeconds (or the RUNAI_TIMEOUT_SECONDS environment variable) must be a positive number of seconds, got "soon"',
      ),
    );
    expect(resolveWith({ "runai:requestTimeoutSeconds": "0" })).toThrow(
      new ProviderConfigError(
        'runai:requestTimeoutSeconds (or the RUNAI_REQUEST_TIMEOUT_SECONDS environment variable) must be a positive number of seconds, got "0"',
      ),
    );
    expect(resolveWith({ "runai:waitForSync": "maybe" })).toThrow(
      new ProviderConfigError('runai:waitForSync (or the RUNAI_WAIT_FOR_SYNC environment variable) must be true or false, got "maybe"'),
    );
    expect(resolveWith({ "runai:caBundle": "/no/such/ca.pem" })).toThrow(
      new ProviderConfigError('runai:caBundle is neither PEM text nor a readable file: "/no/such/ca.pem" (ENOENT)'),
    );
  });

  it("allows http:// on loopback, and elsewhere only when told to", () => {
    for (const url of ["http://127.0.0.1:8090", "http://localhost:1", "http://[::1]:9"]) {
      expect(resolveSettings(undefined, { RUNAI_URL: url, RUNAI_TOKEN: "t" }).client.url).toBe(url);
    }
    const stack = stackConfig({ "runai:url": "http://runai.internal", "runai:token": "t", "runai:allowInsecureHttp": "true" });
    expect(resolveSettings(stack, {}).client.url).toBe("http://runai.internal");
  });

  it("never puts a secret in its errors", () => {
    const stack = stackConfig({ "runai:url": "http://runai.internal", "runai:clientId": "ci", "runai:clientSecret": "very-secret" });
    expect(() => resolveSettings(stack, {})).toThrow(expect.objectContaining({ message: expect.not.stringContaining("very-secret") }));
  });

  it("shares one client between contexts with the same settings, and keys it without the secret's text", () => {
    const stack = stackConfig({ "runai:url": "https://a.run.ai", "runai:clientId": "ci", "runai:clientSecret": "cache-key-secret" });
    const first = createContext(stack, {});
    expect(createContext(stack, {}).client).toBe(first.client);
    const other = createContext(
      stackConfig({ "runai:url": "https://a.run.ai", "runai:clientId": "ci", "runai:clientSecret": "other" }),
      {},
    );
    expect(other.client).not.toBe(first.client);
  });
});
