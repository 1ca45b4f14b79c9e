// Small HTTP helpers shared by the API and admin dispatchers (plain node:http, no framework).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, badRequest } from "./errors";

/** What an API handler receives once authentication and contract validation have passed. */
export interface ApiRequest {
  /** Client id from the bearer token ("" for the unauthenticated token endpoint). */
  callerId: string;
  query: Record<string, unknown>;
  params: Record<string, string>;
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** The parsed JSON body, or undefined for an empty one. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  // Fast path for bodiless requests (most GETs): no stream listeners at all.
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return undefined;
  if (req.headers["content-length"] === "0") return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, `request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("request body: is not valid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
