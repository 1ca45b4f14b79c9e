// HTTPS with a private CA: a self-signed server is refused without the caBundle option and accepted
// with it.
import { RunaiClient, RunaiNetworkError } from "../../src/client";
import { caught } from "../support/async";
import { selfSignedCertificate } from "../support/certificates";
import { clientTestHarness } from "../support/client-setup";
import { TestServer } from "../support/http-server";

const { cleanups } = clientTestHarness();

describe("custom CA bundle", () => {
  test("HTTPS with a private CA: refused without the bundle, accepted with it", async () => {
    const tls = selfSignedCertificate();
    const server = await TestServer.start({ tls });
    cleanups.push(() => server.close());
    server.route("GET", "/api/v1/apps", { json: [] });
    const options = { url: server.url, auth: { token: "static-token-value" }, retry: { maxAttempts: 1 } };
    const untrusted = new RunaiClient(options);
    cleanups.push(() => untrusted.close());
    const error = (await caught(untrusted.apps.list())) as RunaiNetworkError;
    expect(error).toBeInstanceOf(RunaiNetworkError);
    expect(error.message).toMatch(/^GET \/api\/v1\/apps → network error: self[- ]signed certificate/);
    const trusted = new RunaiClient({ ...options, caBundle: tls.cert });
    cleanups.push(() => trusted.close());
    await expect(trusted.apps.list()).resolves.toEqual([]);
  });
});
