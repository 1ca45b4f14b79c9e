// An explicit `runai` provider (`pulumi:providers:runai`) for the plugin-backed classes: another
// tenant, other credentials or other settings than the stack's `runai:*` configuration.
import * as pulumi from "@pulumi/pulumi";
import { SETTINGS } from "../provider/settings";
import type { ProviderArgs } from "../resources/generated-types";
import { PLUGIN_PACKAGE } from "./common";

export type { ProviderArgs } from "../resources/generated-types";

/** The settings kept as Pulumi secrets (the client secret, a static token). */
const SECRET_SETTINGS: readonly string[] = SETTINGS.filter((entry) => "secret" in entry && entry.secret).map((entry) => entry.key);

/** A `runai` provider instance; pass it as `{ provider }` to the plugin-backed resources. */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts?: pulumi.ResourceOptions) {
    const inputs: Record<string, unknown> = { ...args };
    for (const key of SECRET_SETTINGS) if (inputs[key] !== undefined) inputs[key] = pulumi.secret(inputs[key]);
    super(PLUGIN_PACKAGE, name, inputs, opts);
  }
}
