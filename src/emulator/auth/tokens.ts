// Client-credentials authentication: issues access tokens to the admin client and to enabled
// applications, and resolves a request's bearer token to the caller's client id.
import type { EmulatorConfig } from "../context";
import { unauthorized } from "../http/errors";
import { signToken, verifyToken, type TokenClaims } from "./jwt";
import { sameString, secretMatches } from "./secrets";
import type { Store } from "../state/store";
import type { AppRecord } from "../types";

// Verifying an HMAC per request is cheap, but a cache keeps the hot path to one Map lookup.
const VERIFIED_CACHE_LIMIT = 10_000;

export class TokenService {
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly config: EmulatorConfig,
    private readonly organisation: { readonly tenantId: number },
    private readonly store: Store,
  ) {}

  /**
   * The app whose credentials these are (null for the admin client). Throws 401 for unknown clients,
   * wrong or regenerated-away secrets and disabled applications.
   */
  checkCredentials(clientId: string, clientSecret: string): AppRecord | null {
    if (clientId === this.config.adminClientId) {
      if (sameString(clientSecret, this.config.adminClientSecret)) return null;
      throw unauthorized("invalid client credentials");
    }
    const app = this.store.apps.byClientId(clientId);
    if (!app || !secretMatches(clientSecret, app.secretHash)) throw unauthorized("invalid client credentials");
    if (!app.enabled) throw unauthorized(`application "${app.name}" is disabled`);
    return app;
  }

  issue(clientId: string): string {
    return signToken(this.store.jwtKey, clientId, this.organisation.tenantId, this.config.tokenTtlSeconds).token;
  }

  /** The caller's client id for an `Authorization` header value; throws 401 otherwise. */
  authenticate(authorization: string | undefined): string {
    if (!authorization || !authorization.startsWith("Bearer ")) {
      throw unauthorized("missing bearer token: send Authorization: Bearer <accessToken>");
    }
    const token = authorization.slice(7).trim();
    let claims = this.verified.get(token);
    if (!claims || claims.exp * 1000 <= Date.now()) {
      const result = verifyToken(this.store.jwtKey, token);
      if (!result.ok) {
        this.verified.delete(token);
        throw unauthorized(result.reason === "expired" ? "access token expired" : "invalid access token");
      }
      claims = result.claims;
      if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
      this.verified.set(token, claims);
    }
    if (claims.sub !== this.config.adminClientId) {
      // Tokens are stateless, but a deleted or disabled application must lose access at once.
      const app = this.store.apps.byClientId(claims.sub);
      if (!app || !app.enabled) throw unauthorized(`access token subject "${claims.sub}" is not an enabled application`);
    }
    return claims.sub;
  }
}
