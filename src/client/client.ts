/* eslint-disable @typescript-eslint/no-require-imports */
// RunaiClient: wires the transport, the auth strategy and the typed endpoints together. Endpoints
// other than the assets' are required on first use (see `endpoint`), hence the lazy requires.
import type { AssetContract } from "../schemas/asset";
import type { TokenResponse } from "../schemas/application";
import type { AccessRulesEndpoint } from "./access-rules";
import type { AppsEndpoint } from "./apps";
import { AssetEndpoint } from "./assets";
import { ClientCredentials, ClientCredentialsAuth, StaticTokenAuth } from "./auth";
import { baseUrl } from "./base-url";
import { RunaiHttpError, RunaiUnauthorizedError } from "./errors";
import type { ClustersEndpoint, NodePoolsEndpoint } from "./clusters";
import { HttpTransport, RetryEvent } from "./http";
import type { DepartmentsEndpoint, ProjectsEndpoint } from "./org-units";
import type { PoliciesEndpoint } from "./policies";
import { Redactor } from "./redact";
import { RetryOptions, retryPolicy } from "./retry";
import type { RolesEndpoint } from "./roles";
import type { IdentityProvidersEndpoint } from "./identity-providers";
import type { SecuritySettingsEndpoint, TenantSettingsEndpoint } from "./settings";

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
  /**
   * Called with lines worth showing a user, all redacted: one per call that waits to retry, e.g.
   * `GET /api/v1/asset/environment → 503: unavailable; retrying (attempt 2 in 1.2 s; giving up after 60 s)`.
   */
  log?: (line: string) => void;
}

export class RunaiClient {
  readonly url: string;
  private readonly transport: HttpTransport;
  /** One endpoint per asset contract: its response schemas are built once per client. */
  private readonly assetEndpoints = new Map<object, unknown>();
  /** The other endpoints, built on first use (see `endpoint`). */
  private readonly endpoints = new Map<string, unknown>();
  private readonly usesStaticToken: boolean;
  /** The credential check, once it passed or while it runs (see checkCredentials). */
  private credentialCheck?: Promise<void>;

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
    this.url = baseUrl(options.url);

    const redactor = new Redactor();
    this.transport = new HttpTransport({
      url: this.url,
      timeoutMs,
      retry: retryPolicy(options.retry),
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      redactor,
      caBundle: options.caBundle,
      onRetry: options.onRetry,
      log: options.log,
    });
    const auth = options.auth;
    this.usesStaticToken = "token" in auth;
    if ("token" in auth) {
      redactor.add(auth.token);
      this.transport.setAuth(new StaticTokenAuth(auth.token));
    } else {
      this.transport.setAuth(new ClientCredentialsAuth(this.transport, this.url, auth));
    }
  }

  /** Applications, `/api/v1/apps`. */
  get apps(): AppsEndpoint {
    return this.endpoint("apps", () => new (require("./apps") as typeof import("./apps")).AppsEndpoint(this.transport));
  }

  /** Departments, `/api/v1/org-unit/departments`. */
  get departments(): DepartmentsEndpoint {
    return this.endpoint("departments", () => {
      const { OrgUnitEndpoint, DEPARTMENT_CONTRACT } = require("./org-units") as typeof import("./org-units");
      return new OrgUnitEndpoint(this.transport, DEPARTMENT_CONTRACT);
    });
  }

  /** Projects, `/api/v1/org-unit/projects`. */
  get projects(): ProjectsEndpoint {
    return this.endpoint("projects", () => {
      const { OrgUnitEndpoint, PROJECT_CONTRACT } = require("./org-units") as typeof import("./org-units");
      return new OrgUnitEndpoint(this.transport, PROJECT_CONTRACT);
    });
  }

  /** Access rules, `/api/v1/authorization/access-rules`. */
  get accessRules(): AccessRulesEndpoint {
    return this.endpoint(
      "accessRules",
      () => new (require("./access-rules") as typeof import("./access-rules")).AccessRulesEndpoint(this.transport),
    );
  }

  /** Roles (read-only), `/api/v1/authorization/roles`. */
  get roles(): RolesEndpoint {
    return this.endpoint("roles", () => new (require("./roles") as typeof import("./roles")).RolesEndpoint(this.transport));
  }

  /** Clusters (look-up), `/api/v1/clusters`. */
  get clusters(): ClustersEndpoint {
    return this.endpoint("clusters", () => new (require("./clusters") as typeof import("./clusters")).ClustersEndpoint(this.transport));
  }

  /** Node pools (look-up), `/api/v1/node-pools`. */
  get nodePools(): NodePoolsEndpoint {
    return this.endpoint("nodePools", () => new (require("./clusters") as typeof import("./clusters")).NodePoolsEndpoint(this.transport));
  }

  /** Workload policies, `/api/v2/policy/<type>`. */
  get policies(): PoliciesEndpoint {
    return this.endpoint("policies", () => new (require("./policies") as typeof import("./policies")).PoliciesEndpoint(this.transport));
  }

  /** Tenant settings, `/v1/k8s/setting`. */
  get tenantSettings(): TenantSettingsEndpoint {
    return this.endpoint(
      "tenantSettings",
      () => new (require("./settings") as typeof import("./settings")).TenantSettingsEndpoint(this.transport),
    );
  }

  /** Security settings, `/api/v1/security/settings`. */
  get securitySettings(): SecuritySettingsEndpoint {
    return this.endpoint(
      "securitySettings",
      () => new (require("./settings") as typeof import("./settings")).SecuritySettingsEndpoint(this.transport),
    );
  }

  /** Identity providers and their mappers, `/api/v1/idps`. */
  get identityProviders(): IdentityProvidersEndpoint {
    return this.endpoint(
      "identityProviders",
      () => new (require("./identity-providers") as typeof import("./identity-providers")).IdentityProvidersEndpoint(this.transport),
    );
  }

  /**
   * An endpoint built, with its module and zod schemas, when first used: a provider process that
   * manages ConfigMap assets never loads the organisation's schemas (a fifth of its start-up).
   */
  private endpoint<T>(name: string, build: () => T): T {
    let endpoint = this.endpoints.get(name) as T | undefined;
    if (endpoint === undefined) {
      endpoint = build();
      this.endpoints.set(name, endpoint);
    }
    return endpoint;
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

  /**
   * Resolves once Run:ai has accepted this client's credentials; a success is kept, a failure is not.
   * Client credentials are checked by getting the token every later request uses anyway (from the
   * process-wide cache when another client got it already). A static token has no endpoint of its
   * own to ask: one read of the roles shows whether Run:ai accepts it.
   *
   * Rejects with the refusal (a RunaiHttpError of `POST /api/v1/token`, or a RunaiUnauthorizedError
   * for a static token), with a RunaiUnreachableError within seconds when the URL or its TLS setup is
   * wrong (first-contact.ts), or with the error that kept Run:ai from answering.
   */
  checkCredentials(): Promise<void> {
    if (!this.credentialCheck) {
      const pending = this.usesStaticToken ? this.checkStaticToken() : this.transport.token().then(() => undefined);
      this.credentialCheck = pending;
      pending.catch(() => {
        if (this.credentialCheck === pending) this.credentialCheck = undefined;
      });
    }
    return this.credentialCheck;
  }

  private async checkStaticToken(): Promise<void> {
    try {
      await this.roles.list();
    } catch (err) {
      // Any other refusal (a 403 for a token without the right to read roles, say) means Run:ai accepted
      // the token; a 5xx after the retries says nothing about it.
      if (err instanceof RunaiHttpError && err.status < 500 && !(err instanceof RunaiUnauthorizedError)) return;
      throw err;
    }
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
