// The other half of the shim (./shim.ts): run in the provider host by the deserialized shim's
// `configure` getter, through the package's `pulumi-runai/provider` entry.
import { providerFor } from "./registry";

/** Turns a deserialized shim into the real provider for its type; returns the provider's `configure`. */
export function installProvider(shim: { type: string }): (req: unknown) => Promise<void> {
  const provider = providerFor(shim.type) as unknown as Record<string, unknown>;
  // Values over the getter (it is configurable): later reads of `configure` get the real one.
  for (const name of Object.keys(provider)) Object.defineProperty(shim, name, { value: provider[name], writable: true });
  return provider.configure as (req: unknown) => Promise<void>;
}
