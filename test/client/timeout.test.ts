// The per-request timeout: a slow answer times out, is retried, and fails with a RunaiTimeoutError
// naming the timeout; a fast retry after a timed-out attempt succeeds.
import { RunaiTimeoutError } from "../../src/client";
import { ENVIRONMENT_ASSET } from "../../src/schemas";
import { caught } from "../support/async";
import { clientTestHarness, ENV_PATH, envAsset, ID } from "../support/client-setup";

const { setup } = clientTestHarness();

describe("per-request timeout", () => {
  test("a slow answer times out, is retried, and the error names the timeout", async () => {
    const { server, client } = await setup({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    server.route("GET", `${ENV_PATH}/${ID}`, { json: envAsset(), delayMs: 400 });
    const started = Date.now();
    const error = await caught(client.assets(ENVIRONMENT_ASSET).get(ID));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RunaiTimeoutError);
    expect(error.message).toBe(`GET ${ENV_PATH}/${ID} → timed out after 100 ms (gave up after 2 attempts)`);
    expect(server.requestsTo("GET", `${ENV_PATH}/${ID}`)).toHaveLength(2);
  });

  test("a timed-out attempt followed by a fast one succeeds", async () => {
    const { server, client } = await setup({ timeoutMs: 100 });
    server.route("GET", `${ENV_PATH}/${ID}`, [{ json: envAsset(), delayMs: 400 }, { json: envAsset() }]);
    await expect(client.assets(ENVIRONMENT_ASSET).get(ID)).resolves.toMatchObject({ meta: { id: ID } });
  });
});
