// Typed endpoints for `/api/v1/apps` (applications: API clients of the organization) and a credential
// check against the token endpoint. Applications are synchronous (201/200/204, no sync status).
import {
  Application,
  ApplicationCreationRequest,
  ApplicationList,
  ApplicationPostResponse,
  ApplicationSecretResponse,
  TokenResponse,
} from "../schemas/application";
import { ClientCredentials, requestAccessToken } from "./auth";
import { createWithRecovery } from "./create-recovery";
import type { HttpTransport } from "./http";

export const APPS_PATH = "/api/v1/apps";

export class AppsEndpoint {
  constructor(private readonly transport: HttpTransport) {}

  /**
   * `POST /api/v1/apps` (201): the only answer that carries the secret. Never re-sent blindly: after
   * an uncertain outcome the application is looked up by exact name; if the lost POST did create it,
   * its secret was lost with the answer, so it is regenerated once (revoking the unseen one) and the
   * result has the same shape as a normal create.
   */
  async create(request: ApplicationCreationRequest): Promise<ApplicationPostResponse> {
    const created = await createWithRecovery<ApplicationPostResponse>({
      transport: this.transport,
      method: "POST",
      path: APPS_PATH,
      post: () =>
        this.transport.request({
          method: "POST",
          path: APPS_PATH,
          body: { name: request.name },
          schema: ApplicationPostResponse,
          retry: false,
        }),
      lookup: async () => {
        const app = await this.findByName(request.name);
        if (!app) return undefined;
        const { secret } = await this.regenerateSecret(app.id);
        return { id: app.id, name: app.name, clientId: app.clientId, secret };
      },
    });
    this.transport.redactor.add(created.secret);
    return created;
  }

  /** `GET /api/v1/apps`: every application (a bare array, no paging). */
  async list(): Promise<Application[]> {
    return this.transport.request({ method: "GET", path: APPS_PATH, schema: ApplicationList });
  }

  /** The application named exactly `name`, or undefined (names are unique in the organization). */
  async findByName(name: string): Promise<Application | undefined> {
    return (await this.list()).find((app) => app.name === name);
  }

  /** `GET /api/v1/apps/{appId}`. A missing application throws RunaiNotFoundError. */
  async get(id: string): Promise<Application> {
    return this.transport.request({ method: "GET", path: this.itemPath(id), schema: Application });
  }

  /** `PATCH /api/v1/apps/{appId}` `{enabled}` (200, no body declared). Idempotent, so retried. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await this.transport.request({ method: "PATCH", path: this.itemPath(id), body: { enabled } });
  }

  /** `DELETE /api/v1/apps/{appId}` (204). A missing application throws RunaiNotFoundError. */
  async delete(id: string): Promise<void> {
    await this.transport.request({ method: "DELETE", path: this.itemPath(id) });
  }

  /**
   * `POST /api/v1/apps/{appId}/secret` (200 `{secret}`): a new secret, the previous one revoked.
   * Retried on transient failures although it is a POST: each success revokes the secret before it,
   * so repeating it only ever leaves the last secret we received valid, which is the one returned.
   */
  async regenerateSecret(id: string): Promise<ApplicationSecretResponse> {
    const response = await this.transport.request({
      method: "POST",
      path: `${this.itemPath(id)}/secret`,
      schema: ApplicationSecretResponse,
      retry: true,
    });
    this.transport.redactor.add(response.secret);
    return response;
  }

  /**
   * Exchanges an application's credentials for a token (not cached): checks that a secret works.
   * Refused credentials throw the token endpoint's error (RunaiBadRequestError or RunaiUnauthorizedError).
   */
  async requestToken(clientId: string, clientSecret: string): Promise<TokenResponse> {
    const credentials: ClientCredentials = { clientId, clientSecret };
    return requestAccessToken(this.transport, credentials);
  }

  private itemPath(id: string): string {
    return `${APPS_PATH}/${encodeURIComponent(id)}`;
  }
}
