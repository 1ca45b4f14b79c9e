// An explicit `runai` provider (`pulumi:providers:runai`) for the plugin-backed classes: another
// tenant, other credentials or other settings than the stack's `runai:*` configuration.
import * as pulumi from "@pulumi/pulumi";
import { PLUGIN_PACKAGE } from "./common";

/**
 * The same settings as the `runai:*` stack configuration (see the README's Configuration table);
 * what is left out falls back to the RUNAI_* environment variables of the provider process.
 */
export interface ProviderArgs {
  /** The control-plane URL, e.g. `https://acme.run.ai`. */
  url?: pulumi.Input<string>;
  /** Application (client credentials) id. */
  clientId?: pulumi.Input<string>;
  /** Application secret; kept as a Pulumi secret. */
  clientSecret?: pulumi.Input<string>;
  /** A static bearer token instead of client credentials; kept as a Pulumi secret. */
  token?: pulumi.Input<string>;
  /** Wait until Run:ai reports an asset synced to its clusters (default true). */
  waitForSync?: pulumi.Input<boolean>;
  /** How long to wait for sync or deletion, in seconds (default 300). */
  timeoutSeconds?: pulumi.Input<number>;
  /** How long one HTTP request may take before it is retried, in seconds. */
  requestTimeoutSeconds?: pulumi.Input<number>;
  /** How long one API call keeps retrying transient failures, in seconds (default 60). */
  retryTimeoutSeconds?: pulumi.Input<number>;
  /** Allow `http://` to a non-loopback host (default false). */
  allowInsecureHttp?: pulumi.Input<boolean>;
  /** Extra CA certificates to trust: PEM text or the path of a PEM file. */
  caBundle?: pulumi.Input<string>;
  /** Take over every object whose name is taken (default false). */
  adoptExisting?: pulumi.Input<boolean>;
}

/** A `runai` provider instance; pass it as `{ provider }` to the plugin-backed resources. */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts?: pulumi.ResourceOptions) {
    const secret = <T>(value: pulumi.Input<T> | undefined) => (value === undefined ? undefined : pulumi.secret(value));
    super(PLUGIN_PACKAGE, name, { ...args, clientSecret: secret(args.clientSecret), token: secret(args.token) }, opts);
  }
}
