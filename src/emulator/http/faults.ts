// Fault injection for reliability work: latency (fixed + jitter), injected 503/429 errors with
// Retry-After, and "commit the write, then drop the connection". Rules match by method and exact
// route template; `times` bounds how many requests a rule's error/drop is applied to.
import Ajv from "ajv";
import { ApiError, badRequest } from "./errors";
import { ROUTE_TEMPLATES } from "./routes";
import { describeError } from "./validation";
import type { FaultRule } from "../types";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const rate = { type: "number", minimum: 0, maximum: 1 };
const nonNegative = { type: "number", minimum: 0 };
const FAULT_RULES_SCHEMA = {
  type: "object",
  required: ["rules"],
  additionalProperties: false,
  properties: {
    rules: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
          route: { type: "string", enum: ROUTE_TEMPLATES },
          latencyMs: nonNegative,
          jitterMs: nonNegative,
          errorRate: rate,
          errorStatus: { type: "integer", enum: [503, 429] },
          retryAfterSeconds: { type: "integer", minimum: 0 },
          dropAfterCommitRate: rate,
          times: { type: "integer", minimum: 0 },
        },
      },
    },
  },
};

const validateRulesBody = new Ajv({ allErrors: true }).compile(FAULT_RULES_SCHEMA);

/** Validates a `{rules}` body (admin API or start options). Methods are accepted in any case. */
export function parseFaultRules(body: unknown): FaultRule[] {
  const copy = JSON.parse(JSON.stringify(body ?? null)) as { rules?: Array<{ method?: unknown }> } | null;
  for (const rule of Array.isArray(copy?.rules) ? copy.rules : []) {
    if (rule && typeof rule.method === "string") rule.method = rule.method.toUpperCase();
  }
  if (!validateRulesBody(copy)) {
    const messages = [...new Set((validateRulesBody.errors ?? []).map((e) => describeError(e, "")))];
    throw badRequest(messages.join("; "), "body must be {rules: FaultRule[]}");
  }
  return (copy as { rules: FaultRule[] }).rules;
}

interface ActiveRule {
  rule: FaultRule;
  /** How many more requests may get this rule's error/drop (Infinity without `times`). */
  remaining: number;
}

export interface InjectedError {
  status: number;
  retryAfterSeconds?: number;
}

export class FaultInjector {
  private active: ActiveRule[] = [];

  constructor(initial: FaultRule[] = []) {
    this.replace(initial);
  }

  get rules(): FaultRule[] {
    return this.active.map((a) => a.rule);
  }

  get isEmpty(): boolean {
    return this.active.length === 0;
  }

  replace(rules: FaultRule[]): void {
    this.active = rules.map((rule) => ({ rule: { ...rule }, remaining: rule.times ?? Infinity }));
  }

  /** Total latency of every matching rule, each with its own random jitter. */
  latencyFor(method: string, route: string): number {
    let total = 0;
    for (const { rule } of this.matching(method, route)) {
      total += (rule.latencyMs ?? 0) + (rule.jitterMs ? Math.random() * rule.jitterMs : 0);
    }
    return total;
  }

  /** The error to answer instead of handling the request, if a matching rule fires. */
  errorFor(method: string, route: string): InjectedError | null {
    for (const active of this.matching(method, route)) {
      const { rule } = active;
      if (!rule.errorRate || active.remaining <= 0 || Math.random() >= rule.errorRate) continue;
      active.remaining--;
      return { status: rule.errorStatus ?? 503, retryAfterSeconds: rule.retryAfterSeconds };
    }
    return null;
  }

  /** Whether to destroy the socket after a successful (committed) write instead of answering. */
  dropAfterCommit(method: string, route: string): boolean {
    if (!WRITE_METHODS.has(method)) return false;
    for (const active of this.matching(method, route)) {
      const { rule } = active;
      if (!rule.dropAfterCommitRate || active.remaining <= 0 || Math.random() >= rule.dropAfterCommitRate) continue;
      active.remaining--;
      return true;
    }
    return false;
  }

  private *matching(method: string, route: string): Generator<ActiveRule> {
    for (const active of this.active) {
      if (active.rule.method !== undefined && active.rule.method !== method) continue;
      if (active.rule.route !== undefined && active.rule.route !== route) continue;
      yield active;
    }
  }
}

export function injectedErrorToApiError(injected: InjectedError): ApiError {
  const message = injected.status === 429 ? "injected fault: too many requests" : "injected fault: service unavailable";
  const headers: Record<string, string> =
    injected.retryAfterSeconds === undefined ? {} : { "retry-after": String(injected.retryAfterSeconds) };
  return new ApiError(injected.status, message, undefined, headers);
}
