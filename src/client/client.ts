// RunaiClient: wires the transport, the auth strategy and the typed endpoints together.
import type { AssetContract } from "../schemas/asset";
import { TokenResponse } from "../schemas/application";
import { AccessRulesEndpoint } from "./access-rules";
import { AppsEndpoint } from "./apps";
import { AssetEndpoint } from "./assets";
import { ClientCredentials, ClientCredentialsAuth, StaticTokenAuth } from "./auth";
import { ClustersEndpoint, NodePoolsEndpoint } from "./clusters";
import { HttpTransport, RetryEvent } from "./http";
import { DEPARTMENT_CONTRACT, DepartmentsEndpoint, OrgUnitEndpoint, PROJECT_CONTRACT, ProjectsEndpoint } from "./org-units";
import { Redactor } from "./redact";
import { RetryOptions, retryPolicy } from "./retry";
import { RolesEndpoint } from "./roles";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_USER_AGENT = `pulumi-runai (node ${process.version})`;

export interface StaticTokenCredentials {
  /** A bearer token used as is (no renewal: a 401 is an error). */
  token: string;
}

export interface RunaiClientOptions {
  /** Base URL of the control plane, e.g. "https://acme.run.ai". */
  url: string;
  /** Application credentials (exchanged for renewable tokens) or a static bearer token. */
  auth: ClientCredentials | StaticTokenCredentials;
  /** Per request (per attempt), headers and body included. Default 30 000 ms. */
  timeoutMs?: number;
  /** PEM text of extra CA certificates to trust (added to the public roots). */
  caBundle?: string;
  /** Backoff for transient failures. */
  retry?: RetryOptions;
  userAgent?: string;
  /** Called before each wait between attempts (for logging); all strings are redacted. */
  onRetry?: (event: RetryEvent) => void;
}

export class RunaiClient {
  readonly url: string;
  /** Applications, `/api/v1/apps`. */
  readonly apps: AppsEndpoint;
  /** Departments, `/api/v1/org-unit/departments`. */
  readonly departments: DepartmentsEndpoint;
  /** Projects, `/api/v1/org-unit/projects`. */
  readonly projects: ProjectsEndpoint;
  /** Access rules, `/api/v1/authorization/access-rules`. */
  readonly accessRules: AccessRulesEndpoint;
  /** Roles (read-only), `/api/v1/authorization/roles`. */
  readonly roles: RolesEndpoint;
  /** Clusters (look-up), `/api/v1/clusters`. */
  readonly clusters: ClustersEndpoint;
  /** Node pools (look-up), `/api/v1/node-pools`. */
  readonly nodePools: NodePoolsEndpoint;
  private readonly transport: HttpTransport;
  /** One endpoint per asset contract: its response schemas are built once per client. */
  private readonly assetEndpoints = new Map<object, unknown>();

  constructor(options: RunaiClientOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new TypeError(`RunaiClient: url is not a valid URL: "${options.url}"`);
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
      throw new TypeError(`RunaiClient: url must be http:// or https://, got ${parsed.protocol}//`);
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new RangeError("RunaiClient: timeoutMs must be > 0");
    this.url = options.url.replace(/\/+$/, "");

    const redactor = new Redactor();
    this.transport = new HttpTransport({
      url: this.url,
      timeoutMs,
      retry: retryPolicy(options.retry),
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      redactor,
      caBundle: options.caBundle,
      onRetry: options.onRetry,
    });
    const auth = options.auth;
    if ("token" in auth) {
      redactor.add(auth.token);
      this.transport.setAuth(new StaticTokenAuth(auth.token));
    } else {
      this.transport.setAuth(new ClientCredentialsAuth(this.transport, this.url, auth));
    }

    this.apps = new AppsEndpoint(this.transport);
    this.departments = new OrgUnitEndpoint(this.transport, DEPARTMENT_CONTRACT);
    this.projects = new OrgUnitEndpoint(this.transport, PROJECT_CONTRACT);
    this.accessRules = new AccessRulesEndpoint(this.transport);
    this.roles = new RolesEndpoint(this.transport);
    this.clusters = new ClustersEndpoint(this.transport);
    this.nodePools = new NodePoolsEndpoint(this.transport);
  }

  /** The endpoint of an asset kind of the `/api/v1/asset/<kind>` family, e.g. `client.assets(CONFIG_MAP_ASSET)`. */
  assets<TSpec, TSpecOut = TSpec>(contract: AssetContract<TSpec, TSpecOut>): AssetEndpoint<TSpec, TSpecOut> {
    let endpoint = this.assetEndpoints.get(contract) as AssetEndpoint<TSpec, TSpecOut> | undefined;
    if (!endpoint) {
      endpoint = new AssetEndpoint(this.transport, contract);
      this.assetEndpoints.set(contract, endpoint);
    }
    return endpoint;
  }

  /** Exchanges application credentials for a token, uncached: checks that a client secret works. */
  requestToken(clientId: string, clientSecret: string): Promise<TokenResponse> {
    return this.apps.requestToken(clientId, clientSecret);
  }

  /** Closes idle keep-alive connections (lets a short-lived process exit promptly). */
  close(): void {
    this.transport.close();
  }

  /** Keeps credentials out of `console.log(client)` / `util.inspect(client)`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `RunaiClient { url: '${this.url}' }`;
  }

  toJSON(): { url: string } {
    return { url: this.url };
  }
}
