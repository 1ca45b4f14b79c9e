// The error taxonomy and its messages (METHOD /path → status: server message), network failures,
// and response bodies that break the contract (RunaiResponseValidationError).
import {
  RunaiClient,
  RunaiError,
  RunaiHttpError,
  RunaiNetworkError,
  RunaiNotFoundError,
  RunaiRateLimitError,
  RunaiResponseValidationError,
  RunaiServerError,
} from "../../src/client";
import { CONFIG_MAP_ASSET, ENVIRONMENT_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { clientTestHarness, CM_PATH, ENV_PATH, envAsset, ID } from "../support/client-setup";
import { TestServer } from "../support/http-server";

const { cleanups, makeClient, setup } = clientTestHarness();

describe("error messages and classes", () => {
  test("METHOD /path → status: server message, with the server's code and details", async () => {
    const { server, client } = await setup();
    server.route("PUT", `${ENV_PATH}/${ID}`, { status: 404, json: { code: 404, message: "asset not found", details: "id " + ID } });
    const error = (await caught(client.assets(ENVIRONMENT_ASSET).update(ID, { meta: { name: "x" }, spec: {} }))) as RunaiNotFoundError;
    expect(error).toBeInstanceOf(RunaiNotFoundError);
    expect(error).toBeInstanceOf(RunaiHttpError);
    expect(error).toBeInstanceOf(RunaiError);
    expect(error.name).toBe("RunaiNotFoundError");
    expect(error.message).toBe(`PUT /api/v1/asset/environment/${ID} → 404: asset not found`);
    expect(String(error)).toBe(`RunaiNotFoundError: PUT /api/v1/asset/environment/${ID} → 404: asset not found`);
    expect({ ...error }).toMatchObject({
      status: 404,
      method: "PUT",
      path: `${ENV_PATH}/${ID}`,
      serverMessage: "asset not found",
      code: 404,
      details: `id ${ID}`,
    });
  });

  test("the path in the message has no query string", async () => {
    const { server, client } = await setup();
    server.route("GET", `${ENV_PATH}/${ID}`, { status: 404, json: { code: 404, message: "asset not found" } });
    const error = await caught(client.assets(ENVIRONMENT_ASSET).get(ID, { statusInfo: true }));
    expect(server.requests.at(-1)!.url).toBe(`${ENV_PATH}/${ID}?statusInfo=true`);
    expect(error.message).toBe(`GET ${ENV_PATH}/${ID} → 404: asset not found`);
  });

  test("without an Error body the status text stands in; other statuses are plain RunaiHttpError", async () => {
    const { server, client } = await setup({ retry: { maxAttempts: 1 } });
    server.route("DELETE", `${CM_PATH}/${ID}`, { status: 500, body: "<html>oops</html>", headers: { "content-type": "text/html" } });
    server.route("GET", `${CM_PATH}/${ID}`, { status: 418, json: { error: "teapot" } });
    const e500 = await caught(client.assets(CONFIG_MAP_ASSET).delete(ID));
    expect(e500).toBeInstanceOf(RunaiServerError);
    expect(e500.message).toBe(`DELETE ${CM_PATH}/${ID} → 500: Internal Server Error`);
    const e418 = await caught(client.assets(CONFIG_MAP_ASSET).get(ID));
    expect(e418.constructor).toBe(RunaiHttpError);
    expect(e418.message).toBe(`GET ${CM_PATH}/${ID} → 418: I'm a Teapot`);
  });

  test("429 after the retries is a RunaiRateLimitError", async () => {
    const { server, client } = await setup({ retry: { maxAttempts: 1 } });
    server.route("GET", "/api/v1/apps", { status: 429, json: { code: 429, message: "too many requests" } });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiRateLimitError);
    expect(error.message).toBe("GET /api/v1/apps → 429: too many requests");
  });

  test("connection refused is a RunaiNetworkError with the system code", async () => {
    const server = await TestServer.start();
    const url = server.url;
    await server.close();
    const client = new RunaiClient({
      url,
      auth: { token: "static-token-value" },
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    cleanups.push(() => client.close());
    const error = (await caught(client.apps.get("app-1"))) as RunaiNetworkError;
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect(error).not.toBeInstanceOf(RunaiHttpError);
    expect(error.errorCode).toBe("ECONNREFUSED");
    expect(error.message).toMatch(
      /^GET \/api\/v1\/apps\/app-1 → network error: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(gave up after 2 attempts\)$/,
    );
    expect((error.cause as Error & { code: string }).code).toBe("ECONNREFUSED");
  });

  test("a dropped connection is a RunaiNetworkError", async () => {
    const { server, client } = await setup({ retry: { maxAttempts: 1 } });
    server.route("GET", "/api/v1/apps", { drop: true });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect(error.message).toBe("GET /api/v1/apps → network error: socket hang up (ECONNRESET)");
  });
});

describe("response validation", () => {
  test("a body that breaks the contract is a RunaiResponseValidationError naming the path", async () => {
    const { server, client } = await setup();
    server.route("GET", `${ENV_PATH}/${ID}`, { json: { meta: { ...envAsset().meta, id: 5, scope: "galaxy" }, spec: {} } });
    const error = (await caught(client.assets(ENVIRONMENT_ASSET).get(ID))) as RunaiResponseValidationError;
    expect(error).toBeInstanceOf(RunaiResponseValidationError);
    expect(error).not.toBeInstanceOf(RunaiHttpError);
    expect(error.issues.map((i) => i.path)).toEqual(["meta.scope", "meta.id"]);
    expect(error.message).toMatch(new RegExp(`^GET ${ENV_PATH}/${ID} → 200: unexpected response body: meta\\.scope: .+; meta\\.id: .+`));
    expect(server.requestsTo("GET", `${ENV_PATH}/${ID}`)).toHaveLength(1);
  });

  test("a body that is not JSON", async () => {
    const { server, client } = await setup();
    server.route("GET", "/api/v1/apps", { body: "<html>login</html>" });
    const error = await caught(client.apps.list());
    expect(error).toBeInstanceOf(RunaiResponseValidationError);
    expect(error.message).toBe("GET /api/v1/apps → 200: unexpected response body: (root): not valid JSON");
  });

  test("a token response without accessToken", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    server.route("POST", "/api/v1/token", { json: { idToken: "x" } });
    const error = await caught(makeClient(server).apps.list());
    expect(error).toBeInstanceOf(RunaiResponseValidationError);
    expect(error.message).toMatch(/^POST \/api\/v1\/token → 200: unexpected response body: accessToken: /);
  });
});
