// One client per distinct connection setting in this provider process, so the token cache and the
// keep-alive connections are shared by every resource the engine hands us.
import { RunaiClient } from "../client";
import type { RunaiClientOptions } from "../client";

const clients = new Map<string, RunaiClient>();

export function clientFor(options: RunaiClientOptions): RunaiClient {
  const key = JSON.stringify([options.url, options.auth, options.caBundle ?? null, options.timeoutMs ?? null]);
  let client = clients.get(key);
  if (!client) {
    client = new RunaiClient(options);
    clients.set(key, client);
  }
  return client;
}
