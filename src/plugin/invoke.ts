// The plugin's Invoke: `runai:index:getProject` and the other look-ups of the table in
// src/provider/lookups.ts, run by the same code as the TypeScript look-ups, with this provider
// process's settings. A name that does not exist fails with the look-up's own message.
import type * as pulumiProvider from "@pulumi/pulumi/provider";
import type { RunaiClient } from "../client";
import type { PluginConfig } from "./configuration";
import { unwrapSecrets } from "./secrets";

type Json = Record<string, unknown>;

export class LookupInvoker {
  private client?: RunaiClient;

  /**
   * @param prefix the functions' token prefix, `runai:index:`.
   * @param config this provider process's settings, asked at the first invoke.
   */
  constructor(
    private readonly prefix: string,
    private readonly config: () => PluginConfig,
  ) {}

  async invoke(token: string, inputs: Json): Promise<pulumiProvider.InvokeResult> {
    const lookups = await import("../provider/lookups");
    const lookup = token.startsWith(this.prefix) ? lookups.lookupNamed(token.slice(this.prefix.length)) : undefined;
    if (!lookup) {
      const known = lookups.LOOKUPS.map((row) => this.prefix + row.name).join(", ");
      throw new Error(`unknown function ${token}: this runai plugin serves ${known}`);
    }
    const args = unwrapSecrets(inputs).value as unknown as Parameters<typeof lookups.runLookup>[2];
    try {
      return { outputs: await lookups.runLookup(lookup, await this.lookupClient(), args), failures: [] };
    } catch (caught) {
      // The same explanation of a bad setting as the resources and the TypeScript look-ups give.
      const { explainSettingsFailure } = await import("../provider/credential-check");
      throw explainSettingsFailure(caught);
    }
  }

  private async lookupClient(): Promise<RunaiClient> {
    const { createContext } = await import("../provider/context");
    return (this.client ??= createContext(this.config()).client);
  }
}
