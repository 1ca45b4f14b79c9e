/* eslint-disable @typescript-eslint/no-require-imports */
// The object Pulumi serializes into every resource's state as `__provider`.
//
// Pulumi freezes whatever the provider object references into state: captured credentials,
// whole library graphs, and old code that later runs refresh and destroy. So this shim holds only
// two short strings, the resource type and a fallback path, and loads the real implementation from
// the installed package when the engine first uses it. Its code uses no imports and no module-level
// values on purpose: anything it referenced would be serialized by value.
//
// Why a single getter rather than one method per provider operation: the serializer wraps every
// function in ~250 bytes of scaffolding, and seven methods alone would break the 2 KB budget per
// resource. The dynamic-provider host (@pulumi/pulumi cmd/dynamic-provider, getProvider) reads
// `provider.configure` right after deserializing a provider and before calling any other method,
// so that read is where the shim turns itself into the real provider.
import type * as pulumi from "@pulumi/pulumi";

export class RunaiProviderShim {
  /**
   * @param resourceType e.g. "ConfigMapAsset": picks the implementation.
   * @param fallbackPath the package root relative to the program directory, used only when the
   *   program runs inside this package's own repository (where `pulumi-runai` is not installed);
   *   empty otherwise.
   */
  constructor(
    readonly resourceType: string,
    readonly fallbackPath: string,
  ) {}

  /**
   * Loads the implementation (resolved from the provider host's working directory, the program
   * directory, so the package version installed there handles every call, including refresh and
   * destroy of resources created by older versions), installs its operations on this object, and
   * returns its `configure`.
   */
  get configure(): (req: pulumi.dynamic.ConfigureRequest) => Promise<void> {
    let entry;
    try {
      entry = require("pulumi-runai/provider");
    } catch (err) {
      if (!this.fallbackPath || !String(err).includes("pulumi-runai/provider")) throw err;
      entry = require(require("path").resolve(this.fallbackPath, "dist/provider/index.js"));
    }
    const provider = entry.providerFor(this.resourceType);
    for (const name of Object.keys(provider)) Object.defineProperty(this, name, { value: provider[name], writable: true });
    return provider.configure;
  }
}
