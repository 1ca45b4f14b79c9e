/* eslint-disable @typescript-eslint/no-require-imports */
// The object Pulumi serializes into every resource's state as `__provider`, twice (inputs and
// outputs), and the engine rewrites the whole checkpoint after every step: each byte here is paid
// for N × N times in a stack of N resources (`npm run bench:engine` showed the file backend
// spending most of its CPU serializing and hashing checkpoints).
//
// Pulumi freezes whatever the provider object references into state: captured credentials,
// whole library graphs, and old code that later runs refresh and destroy. So the shim holds only
// the resource type (and, inside this package's own repository, the path of the implementation)
// and loads the real implementation from the installed package when the engine first uses it.
//
// Its shape is what serializes smallest (~700 bytes): a plain object rather than a class instance
// (a class brings its constructor and prototype along), one getter rather than a method per
// provider operation (the serializer wraps every function in ~250 bytes of scaffolding), and a
// one-line body that hands the object to `installProvider`. The dynamic-provider host
// (@pulumi/pulumi cmd/dynamic-provider, getProvider) reads `provider.configure` right after
// deserializing a provider and before calling any other method, so that read is where the shim
// turns itself into the real provider. The getter uses no imports and no module-level values on
// purpose: anything it referenced would be serialized by value. Programs load this module, so it
// imports nothing of the implementation (that half is install.ts).
import type * as pulumi from "@pulumi/pulumi";

/** What `__provider` holds. */
export interface ProviderShim {
  /** e.g. "ConfigMapAsset": picks the implementation. */
  readonly type: string;
  /**
   * The implementation's entry file relative to the program directory, set only when the program
   * runs inside this package's own repository (where `pulumi-runai` is not installed).
   */
  readonly path?: string;
  readonly configure: (req: pulumi.dynamic.ConfigureRequest) => Promise<void>;
}

/**
 * The shim for a resource type. The implementation is resolved from the provider host's working
 * directory, the program directory, so the package version installed there handles every call,
 * including refresh and destroy of resources created by older versions.
 */
export function serializableShim(type: string, entryPath?: string): ProviderShim {
  const shim = {
    type,
    get configure() {
      return require(this.path ? require("path").resolve(this.path) : "pulumi-runai/provider").installProvider(this);
    },
  } as { type: string; path?: string; configure: ProviderShim["configure"] };
  // Absent rather than empty: the usual shim text carries no path at all.
  if (entryPath) shim.path = entryPath;
  return shim;
}
