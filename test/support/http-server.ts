// A real HTTP server on 127.0.0.1 (ephemeral port) for client tests: each test scripts the replies
// per route and inspects the requests it recorded. No mocked fetch: the client's real transport
// (agents, keep-alive, timeouts, dropped sockets) is exercised.
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query string, as sent. */
  url: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined. */
  json: unknown;
  /** The client's port: equal ports mean a reused (keep-alive) connection. */
  remotePort?: number;
}

export interface JsonReply {
  status?: number;
  /** Serialized as the JSON body. */
  json?: unknown;
  /** A raw body (instead of `json`). */
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (for timeout tests). */
  delayMs?: number;
}
export interface DropReply {
  /** Destroy the socket without answering, after `delayMs` (the handler may already have acted). */
  drop: true;
  delayMs?: number;
}
export type Reply = JsonReply | DropReply;
export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

interface Route {
  method: string;
  path: string | RegExp;
  handler: Handler;
}

export class TestServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** Starts listening; with `tls` (PEM key and certificate) it serves HTTPS. */
  static async start(options: { tls?: { key: string; cert: string } } = {}): Promise<TestServer> {
    const server = options.tls ? https.createServer(options.tls) : http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new TestServer(server, `${options.tls ? "https" : "http"}://127.0.0.1:${port}`);
    server.on("request", (req, res) => void instance.handle(req, res));
    return instance;
  }

  /**
   * Scripts a route. `handler` is a function, a fixed reply, or a sequence of replies (one per
   * request, the last one repeating). Routes registered later take precedence.
   */
  route(method: string, path: string | RegExp, handler: Handler | Reply | Reply[]): this {
    let fn: Handler;
    if (typeof handler === "function") fn = handler;
    else if (Array.isArray(handler)) {
      const queue = [...handler];
      fn = () => (queue.length > 1 ? queue.shift()! : queue[0]);
    } else fn = () => handler;
    this.routes.unshift({ method: method.toUpperCase(), path, handler: fn });
    return this;
  }

  /** The recorded requests of one route. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && matches(path, r.path));
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const parsedUrl = new URL(req.url ?? "/", "http://localhost");
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      path: parsedUrl.pathname,
      query: parsedUrl.searchParams,
      headers: req.headers,
      body,
      json,
      remotePort: req.socket.remotePort,
    };
    this.requests.push(recorded);
    const route = this.routes.find((r) => r.method === recorded.method && matches(r.path, recorded.path));
    const reply: Reply = route
      ? await route.handler(recorded)
      : { status: 404, json: { code: 404, message: `no route for ${recorded.method} ${recorded.path}` } };
    if (reply.delayMs) await this.wait(reply.delayMs);
    if (res.destroyed) return;
    if ("drop" in reply) {
      req.socket.destroy();
      return;
    }
    const status = reply.status ?? 200;
    const headers: Record<string, string> = { ...reply.headers };
    let payload = reply.body ?? "";
    if (reply.json !== undefined) {
      payload = JSON.stringify(reply.json);
      headers["content-type"] ??= "application/json";
    }
    res.writeHead(status, headers);
    res.end(payload);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === "string" ? pattern === path : pattern.test(path);
}

/** An unsigned JWT with the given claims (the client only reads `exp`/`iat`, it never verifies). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}

/**
 * Serves `POST /api/v1/token` with a fresh JWT per request (lifetime `ttlSeconds`, `iat` = now) and
 * returns the list of tokens issued so far.
 */
export function serveTokens(server: TestServer, ttlSeconds = 3600, delayMs = 0): string[] {
  const issued: string[] = [];
  server.route("POST", "/api/v1/token", () => {
    const iat = Math.floor(Date.now() / 1000);
    const token = fakeJwt({ sub: "ci-bot", iat, exp: iat + ttlSeconds, jti: `t${issued.length + 1}` });
    issued.push(token);
    return { json: { accessToken: token, idToken: "id", refreshToken: "refresh" }, delayMs };
  });
  return issued;
}

/** The address of a loopback port nothing listens on (a server started and closed again). */
export async function closedPort(scheme = "http"): Promise<string> {
  const server = await TestServer.start();
  await server.close();
  return server.url.replace(/^http/, scheme);
}
