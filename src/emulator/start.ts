// startEmulator(): builds the context (state, faults, counters), binds the HTTP server and returns
// the handle tests, examples and the CLI use.
import type { AddressInfo } from "node:net";
import { createContext } from "./context";
import { createEmulatorServer } from "./http/server";
import type { Emulator, EmulatorOptions } from "./types";

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const ctx = createContext(options);
  // Write the (possibly new) state file before serving: it also persists the token-signing key, so
  // tokens issued before a restart stay valid after it.
  await ctx.commit();

  const log = options.quiet ? null : (options.log ?? ((line: string) => process.stdout.write(`${line}\n`)));
  const server = createEmulatorServer(ctx, log);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let stopped: Promise<void> | null = null;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    adminClientId: ctx.config.adminClientId,
    adminClientSecret: ctx.config.adminClientSecret,
    organisation: ctx.organisation.snapshot(),
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
        await closed;
        await ctx.idle(); // never leave a half-finished state-file write behind
      })();
      return stopped;
    },
  };
}

/** A host usable in a URL: wildcard binds are reached through loopback; IPv6 literals need brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
