// Typed endpoints for the tenant's identity providers (`/api/v1/idps`), addressed by alias. The
// client secret a request carries joins the redacted values before the request is sent, as the
// cluster's client secret does when it is read: no error or log line can quote it.
import {
  IdentityProvider,
  IdentityProviderList,
  IdpMappersResponse,
  IdpPostResponse,
  type IdpCreationRequest,
  type IdpMappers,
} from "../schemas/identity-provider";
import { createWithRecovery } from "./create-recovery";
import { RunaiNotFoundError } from "./errors";
import type { HttpTransport } from "./http";

export const IDPS_PATH = "/api/v1/idps";

export class IdentityProvidersEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /** `GET /api/v1/idps`: the tenant's identity providers (a bare array). */
  async list(): Promise<IdentityProvider[]> {
    return this.transport.request({ method: "GET", path: IDPS_PATH, schema: IdentityProviderList });
  }

  /** `GET /api/v1/idps/{idp}`; throws RunaiNotFoundError when the alias names none. */
  async get(alias: string): Promise<IdentityProvider> {
    return this.transport.request({ method: "GET", path: this.itemPath(alias), schema: IdentityProvider });
  }

  /**
   * `POST /api/v1/idps` → 201 `{alias}`: the alias Run:ai gave the provider. After an uncertain
   * outcome the provider is looked up by the alias the request names before the POST is re-sent.
   */
  async create(request: IdpCreationRequest): Promise<string> {
    this.redactSecretOf(request);
    const { alias } = await createWithRecovery({
      transport: this.transport,
      method: "POST",
      path: IDPS_PATH,
      post: () => this.transport.request({ method: "POST", path: IDPS_PATH, body: request, schema: IdpPostResponse, retry: false }),
      lookup: async () => (request.name !== undefined ? this.findByAlias(request.name) : undefined),
    });
    return alias;
  }

  /** The provider with this alias, if the tenant has one. */
  async findByAlias(alias: string): Promise<IdentityProvider | undefined> {
    try {
      return await this.get(alias);
    } catch (err) {
      if (err instanceof RunaiNotFoundError) return undefined;
      throw err;
    }
  }

  /** `PUT /api/v1/idps/{idp}` with the whole `IdpCreationRequest`. */
  async update(alias: string, request: IdpCreationRequest): Promise<void> {
    this.redactSecretOf(request);
    await this.transport.request({ method: "PUT", path: this.itemPath(alias), body: request });
  }

  /** `DELETE /api/v1/idps/{idp}`; throws RunaiNotFoundError when it is gone already. */
  async delete(alias: string): Promise<void> {
    await this.transport.request({ method: "DELETE", path: this.itemPath(alias) });
  }

  /** `GET /api/v1/idps/{idp}/mappers`. */
  async getMappers(alias: string): Promise<IdpMappersResponse> {
    return this.transport.request({ method: "GET", path: `${this.itemPath(alias)}/mappers`, schema: IdpMappersResponse });
  }

  /** `PUT /api/v1/idps/{idp}/mappers` (202): replaces every mapper. */
  async setMappers(alias: string, mappers: IdpMappers): Promise<void> {
    await this.transport.request({ method: "PUT", path: `${this.itemPath(alias)}/mappers`, body: mappers });
  }

  private redactSecretOf(request: IdpCreationRequest): void {
    this.transport.redactor.add(request.oidcData?.clientSecret);
    this.transport.redactor.add(request.ocpData?.clientSecret);
  }

  private itemPath(alias: string): string {
    return `${IDPS_PATH}/${encodeURIComponent(alias)}`;
  }
}
