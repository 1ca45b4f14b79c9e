// Client options: URL and timeout validation, a base URL with a path prefix, the user agent, and
// keep-alive connections.
import { RunaiClient } from "../../src/client";
import { clientTestHarness } from "../support/client-setup";
import { TestServer } from "../support/http-server";

const { cleanups, setup } = clientTestHarness();

describe("options", () => {
  test("rejects a URL that is not http(s) and a non-positive timeout", () => {
    expect(() => new RunaiClient({ url: "ftp://x", auth: { token: "t" } })).toThrow(
      "RunaiClient: url must be http:// or https://, got ftp://",
    );
    expect(() => new RunaiClient({ url: "not a url", auth: { token: "t" } })).toThrow('RunaiClient: url is not a valid URL: "not a url"');
    expect(() => new RunaiClient({ url: "https://x", auth: { token: "t" }, timeoutMs: 0 })).toThrow("RunaiClient: timeoutMs must be > 0");
  });

  test("a base URL with a path prefix and a trailing slash; a custom user agent", async () => {
    const server = await TestServer.start();
    cleanups.push(() => server.close());
    server.route("GET", "/runai/api/v1/apps", { json: [] });
    const client = new RunaiClient({ url: `${server.url}/runai/`, auth: { token: "static-token-value" }, userAgent: "my-tool/1.0" });
    cleanups.push(() => client.close());
    await client.apps.list();
    expect(server.requests[0].headers["user-agent"]).toBe("my-tool/1.0");
  });

  test("keeps connections alive between requests", async () => {
    const { server, client } = await setup();
    server.route("GET", "/api/v1/apps", { json: [] });
    await client.apps.list();
    await client.apps.list();
    // Token request and both calls on one socket.
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBe(1);
    expect(server.requests).toHaveLength(3);
  });
});
