import * as pulumi from "@pulumi/pulumi";
import { applicationCredentials, applicationInputs, applicationOptions } from "./class-inputs";
import { providerShim, TYPE_MODULE } from "./common";

export interface ApplicationArgs {
  /**
   * Application name, unique in the organization; defaults to the Pulumi resource name. Must match
   * `^[a-z][-_a-z0-9]*[a-z0-9]$`. A change replaces the application (the old one is deleted first).
   */
  name?: pulumi.Input<string>;
  /** Whether the application may obtain tokens. Default true. Changes in place. */
  enabled?: pulumi.Input<boolean>;
  /**
   * Any change to this map regenerates the secret in place: same application id, new secret, the
   * old one revoked at once. E.g. `{ rotation: "2025-q3" }`.
   */
  rotateWhenChanged?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Take over an existing application with this name instead of failing with "already taken". Its
   * secret cannot be read back, so it is regenerated once on adoption (the old one stops working).
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/** What another program or provider needs to authenticate as the application. */
export interface ApplicationCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * A Run:ai application (an API client of the organization, `/api/v1/apps`). The secret exists only
 * in the create or regenerate answer; it is kept as a Pulumi secret, encrypted in state.
 */
export class Application extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  /** The identifier used to request tokens. */
  declare readonly clientId: pulumi.Output<string>;
  /** The client secret: a Pulumi secret (encrypted in state, `[secret]` in outputs). */
  declare readonly secret: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<string | undefined>;
  declare readonly createdBy: pulumi.Output<string | undefined>;
  /** Changes whenever the application obtains a token; never shown as a diff. */
  declare readonly lastLogin: pulumi.Output<string | undefined>;
  declare readonly rotateWhenChanged: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: ApplicationArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("Application"), name, applicationInputs(name, args), applicationOptions(opts), TYPE_MODULE, "Application");
  }

  /** `{ clientId, clientSecret }` as one secret Output, ready for `export` or another provider's config. */
  get credentials(): pulumi.Output<ApplicationCredentials> {
    return applicationCredentials(this);
  }
}
