// The one emulator harness, for the emulator's own tests, the provider and e2e tests and
// scripts/demo.ts: starts an in-process emulator, calls the Run:ai API as the admin (to make drift
// by hand) or with any token, and drives the /__emulator/ admin API (counters, faults, forced
// statuses, reset). With `checkContract`, every API response is also checked against the OpenAPI
// document by the tests' own validator (./contract).
import { startEmulator } from "../../src/emulator";
import type { Emulator, EmulatorOptions, FaultRule } from "../../src/emulator";
import { expectContractResponse } from "./contract";
import { VALIDATE_ONLY_SUFFIX } from "../../src/emulator/http/counters";

export const TOKEN = "/api/v1/token";
export const CONFIG_MAPS = "/api/v1/asset/datasource/config-map";
export const ENVIRONMENTS = "/api/v1/asset/environment";
export const APPS = "/api/v1/apps";
export const DEPARTMENTS = "/api/v1/org-unit/departments";
export const PROJECTS = "/api/v1/org-unit/projects";
export const CLUSTERS = "/api/v1/clusters";
export const NODE_POOLS = "/api/v1/node-pools";
export const ROLES = "/api/v1/authorization/roles";
export const ACCESS_RULES = "/api/v1/authorization/access-rules";

/** The predefined roles' fixed ids (src/emulator/auth/roles.ts). */
export const ROLE_IDS = {
  systemAdministrator: 1,
  departmentAdministrator: 2,
  editor: 3,
  researchManager: 4,
  l1Researcher: 5,
  l2Researcher: 6,
  mlEngineer: 7,
  viewer: 8,
  environmentAdministrator: 9,
  dataSourceAdministrator: 10,
  computeResourceAdministrator: 11,
  credentialsAdministrator: 12,
} as const;

export type ScopeType = "tenant" | "cluster" | "department" | "project";

/** An application with its secret and a token of its own (see EmulatorHarness.createApp). */
export interface AppCredentials {
  id: string;
  name: string;
  clientId: string;
  secret: string;
  token: string;
}

export type Counters = Record<string, Record<string, number>>;

export interface HarnessOptions extends EmulatorOptions {
  /** Check every API response (not /__emulator/ ones) against the contract; a mismatch throws. */
  checkContract?: boolean;
}

export interface CallOptions {
  body?: unknown;
  /** Raw request text instead of JSON.stringify(body). */
  rawBody?: string;
  /** Bearer token; null sends none. Defaults to the admin token. */
  token?: string | null;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

export class EmulatorHarness {
  private adminTokenValue: string | null = null;

  private constructor(
    readonly emulator: Emulator,
    /** Per-request log lines (none when started with quiet: true); nothing goes to stdout. */
    readonly logs: string[],
    private readonly checkContract: boolean,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<EmulatorHarness> {
    const { checkContract = false, ...emulatorOptions } = options;
    const logs: string[] = [];
    const emulator = await startEmulator({ port: 0, syncDelayMs: 50, log: (line) => logs.push(line), ...emulatorOptions });
    const harness = new EmulatorHarness(emulator, logs, checkContract);
    // The admin token is fetched once, up front, so a test that resets the counters never sees the
    // harness's own token request (tokens stay valid across /__emulator/reset).
    const granted = await harness.token(emulator.adminClientId, emulator.adminClientSecret);
    if (granted.status !== 200) {
      await emulator.stop();
      throw new Error("the emulator refused the admin credentials");
    }
    harness.adminTokenValue = granted.body.accessToken!;
    return harness;
  }

  get url(): string {
    return this.emulator.url;
  }

  get adminToken(): string {
    return this.adminTokenValue!;
  }

  /** Stack config that points the provider at this emulator with the admin credentials. */
  stackConfig(): Record<string, string | { value: string; secret: boolean }> {
    return {
      "runai:url": this.url,
      "runai:clientId": this.emulator.adminClientId,
      "runai:clientSecret": { value: this.emulator.adminClientSecret, secret: true },
    };
  }

  /** The provider's settings for this emulator with the admin credentials, as `config.get` answers them. */
  adminSettings(): Record<string, string> {
    return {
      "runai:url": this.url,
      "runai:clientId": this.emulator.adminClientId,
      "runai:clientSecret": this.emulator.adminClientSecret,
    };
  }

  /** Calls the API with the global fetch, as the admin unless `token` says otherwise. */
  async call<T = any>(method: string, urlPath: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const token = options.token === undefined ? this.adminTokenValue : options.token;
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(this.url + urlPath, {
      method,
      headers: {
        ...(payload !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: payload,
    });
    const text = await response.text();
    const body = text === "" ? undefined : JSON.parse(text);
    if (this.checkContract && !urlPath.startsWith("/__emulator/")) expectContractResponse(method, urlPath, response.status, body);
    return { status: response.status, body, headers: response.headers };
  }

  /** Calls the Run:ai API as the admin, like a person clicking in the UI. */
  api<T = any>(method: string, urlPath: string, body?: unknown): Promise<CallResult<T>> {
    return this.call<T>(method, urlPath, { body });
  }

  /** Asks the token endpoint for a client-credentials token. */
  token(clientId: string, clientSecret: string): Promise<CallResult<{ accessToken?: string; message?: string }>> {
    return this.call("POST", TOKEN, { body: { grantType: "client_credentials", clientId, clientSecret }, token: null });
  }

  /** Exchanges application credentials for a token; undefined when the emulator refuses them. */
  async tryToken(clientId: string, clientSecret: string): Promise<string | undefined> {
    const response = await this.token(clientId, clientSecret);
    return response.status >= 200 && response.status < 300 ? response.body.accessToken : undefined;
  }

  /** Calls the /__emulator/ admin API (loopback only, no token); any status is returned. */
  admin<T = any>(method: string, urlPath: string, body?: unknown): Promise<CallResult<T>> {
    return this.call<T>(method, urlPath, { body, token: null });
  }

  async counters(): Promise<Counters> {
    return this.adminOk<Counters>("GET", "/__emulator/counters");
  }

  async resetCounters(): Promise<void> {
    await this.adminOk("DELETE", "/__emulator/counters");
  }

  /** How many write requests (POST/PUT/PATCH/DELETE) reached the API, excluding the token endpoint. */
  async writeCount(): Promise<number> {
    // A `validateOnly` PUT writes nothing: the emulator counts it under its own key.
    const writes = (route: string) =>
      WRITE_METHODS.includes(route.split(" ")[0]) && !route.endsWith(TOKEN) && !route.endsWith(VALIDATE_ONLY_SUFFIX);
    return sumWhere(await this.counters(), writes);
  }

  /** How many requests got this status, on any route. */
  async statusCount(status: number): Promise<number> {
    return sumWhere(await this.counters(), () => true, String(status));
  }

  async setFaults(rules: FaultRule[]): Promise<void> {
    await this.adminOk("PUT", "/__emulator/faults", { rules });
  }

  async clearFaults(): Promise<void> {
    await this.adminOk("DELETE", "/__emulator/faults");
  }

  async forceStatus(assetId: string, status: { status: string; issues?: unknown[]; message?: string }): Promise<void> {
    await this.adminOk("PUT", `/__emulator/assets/${assetId}/status`, status);
  }

  /**
   * Forces the phase a project reports (e.g. NotReady with a message), sticky until cleared or reset.
   * The project keeps its own life cycle underneath (a deleted one still goes away).
   */
  async forceProjectPhase(projectId: string, phase: { phase: string; message?: string }): Promise<void> {
    await this.adminOk("PUT", `/__emulator/projects/${projectId}/phase`, phase);
  }

  async clearProjectPhase(projectId: string): Promise<void> {
    await this.adminOk("DELETE", `/__emulator/projects/${projectId}/phase`);
  }

  /** Creates an application as the admin and returns its credentials and a token of its own. */
  async createApp(name: string): Promise<AppCredentials> {
    const created = await this.call("POST", APPS, { body: { name } });
    if (created.status !== 201) throw new Error(`POST ${APPS} → ${created.status}: ${JSON.stringify(created.body)}`);
    const token = await this.tryToken(name, created.body.secret);
    if (!token) throw new Error(`the token endpoint refused the new application "${name}"`);
    return { id: created.body.id, name, clientId: created.body.clientId, secret: created.body.secret, token };
  }

  /** As the admin, gives an application a role in a scope (an access rule); returns the rule. */
  async grant(appName: string, roleId: number, scopeType: ScopeType, scopeId: string): Promise<{ id: number } & Record<string, unknown>> {
    const body = { subjectType: "app", subjectId: appName, roleId, scopeType, scopeId };
    const created = await this.call("POST", ACCESS_RULES, { body });
    if (created.status !== 201) throw new Error(`POST ${ACCESS_RULES} → ${created.status}: ${JSON.stringify(created.body)}`);
    return created.body;
  }

  /** As the admin, deletes an access rule. */
  async revoke(accessRuleId: number): Promise<void> {
    const deleted = await this.call("DELETE", `${ACCESS_RULES}/${accessRuleId}`);
    if (deleted.status !== 204) throw new Error(`DELETE ${ACCESS_RULES}/${accessRuleId} → ${deleted.status}`);
  }

  /** Back to the seed organisation; the admin token stays valid. */
  async reset(): Promise<void> {
    await this.adminOk("POST", "/__emulator/reset");
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }

  /** An admin call the scenario relies on: anything but 2xx throws. */
  private async adminOk<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
    const response = await this.admin<T>(method, urlPath, body);
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${method} ${urlPath} → ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }
}

/**
 * One emulator for the whole test file, reset to the seed before each test: registers the
 * beforeAll/afterAll/beforeEach hooks and returns a handle usable inside hooks and tests. The
 * handle forwards to the harness started in beforeAll, so test files can keep writing `t.call(...)`.
 */
export function useEmulator(options: HarnessOptions = {}): EmulatorHarness {
  let current: EmulatorHarness | null = null;
  beforeAll(async () => {
    current = await EmulatorHarness.start(options);
  });
  afterAll(() => current?.stop());
  beforeEach(() => current!.reset());
  return new Proxy({} as EmulatorHarness, {
    get(_target, property) {
      if (!current) throw new Error("the test emulator starts in beforeAll: use it inside hooks and tests only");
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

function sumWhere(counters: Counters, routeMatches: (route: string) => boolean, status?: string): number {
  let total = 0;
  for (const [route, byStatus] of Object.entries(counters)) {
    if (!routeMatches(route)) continue;
    for (const [code, count] of Object.entries(byStatus)) if (status === undefined || code === status) total += count;
  }
  return total;
}
