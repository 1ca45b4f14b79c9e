// HTTPS with a private CA: a self-signed server is refused without the caBundle option and accepted
// with it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunaiClient, RunaiNetworkError } from "../../src/client";
import { caught } from "../support/async";
import { clientTestHarness } from "../support/client-setup";
import { TestServer } from "../support/http-server";

const { cleanups } = clientTestHarness();

describe("custom CA bundle", () => {
  /** A throw-away self-signed certificate for 127.0.0.1, made with the openssl CLI. */
  function selfSigned(): { key: string; cert: string } | undefined {
    const dir = mkdtempSync(join(tmpdir(), "runai-ca-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-days",
          "1",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
          "-subj",
          "/CN=127.0.0.1",
          "-addext",
          "subjectAltName=IP:127.0.0.1",
        ],
        { stdio: "ignore" },
      );
      return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") };
    } catch {
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test("HTTPS with a private CA: refused without the bundle, accepted with it", async () => {
    const tls = selfSigned();
    if (!tls) {
      console.warn("openssl not available: skipping the CA bundle test");
      return;
    }
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
