import * as pulumi from "@pulumi/pulumi";
import { applicationCredentials, applicationInputs, applicationOptions } from "./class-inputs";
import { providerShim, TYPE_MODULE } from "./common";
import type { ApplicationArgs } from "./generated-types";

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
