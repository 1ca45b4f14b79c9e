// The other half of the shim (./shim.ts): run in the provider host by the deserialized shim's
// `configure` getter, through the package's `pulumi-runai/provider` entry.
import type { DynamicProvider } from "./adapter";
import { providerFor } from "./registry";

/** Turns a deserialized shim into the real provider for its type; returns the provider's `configure`. */
export function installProvider(shim: { type: string }): DynamicProvider["configure"] {
  const provider = providerFor(shim.type);
  // Values over the getter (it is configurable): later reads of `configure` get the real one.
  for (const [name, value] of Object.entries(provider)) Object.defineProperty(shim, name, { value, writable: true });
  return provider.configure;
}
