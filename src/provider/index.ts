// The provider implementation, loaded at call time by the serialized shim (./shim.ts) from the
// package installed next to the program. Routes each resource type to its provider.
import type * as pulumi from "@pulumi/pulumi";
import { applicationProvider } from "./application";
import { configMapAsset } from "./assets/configmap";
import { environmentAsset } from "./assets/environment";
import { assetProvider } from "./assets/provider";
import { configure } from "./config";

type Provider = pulumi.dynamic.ResourceProvider & { configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> };

function withConfigure(provider: pulumi.dynamic.ResourceProvider): Provider {
  return {
    ...provider,
    async configure(req) {
      configure(req.config);
    },
  };
}

const providers: Record<string, Provider> = {
  ConfigMapAsset: withConfigure(assetProvider(configMapAsset)),
  EnvironmentAsset: withConfigure(assetProvider(environmentAsset)),
  Application: withConfigure(applicationProvider),
};

export function providerFor(resourceType: string): Provider {
  const provider = providers[resourceType];
  if (!provider) {
    throw new Error(
      `pulumi-runai has no provider for "${resourceType}": the installed package is older than the one that created this resource; upgrade pulumi-runai`,
    );
  }
  return provider;
}

export { RunaiProviderShim } from "./shim";
