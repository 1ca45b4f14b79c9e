// Serializes each resource type's provider exactly as `pulumi.dynamic.Resource` does, outside Jest
// (Jest's module registry and instrumentation change what the closure serializer sees), and prints
// the results as JSON for test/provider/serialization.test.ts, with the names of the resource
// classes the package exports. Loading @pulumi/pulumi here rather than in the Jest worker also keeps
// the SDK (which registers process-wide hooks that pin each test file's module registry) out of it.
import * as pulumi from "@pulumi/pulumi";
import * as pulumiRunai from "../../src";
import { providerShim } from "../../src/resources/common";

// As pulumi.dynamic.Resource does it (sdk/nodejs/dynamic/index.ts serializeProvider).
function serializeProvider(provider: pulumi.dynamic.ResourceProvider) {
  return pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
}

async function main(): Promise<void> {
  const providers: Record<string, { text: string; containsSecrets: boolean; again: string }> = {};
  for (const type of process.argv.slice(2)) {
    const first = await serializeProvider(providerShim(type));
    // A second resource of the same type gets the same shim, so the same text.
    const second = await serializeProvider(providerShim(type));
    providers[type] = { text: first.text, containsSecrets: first.containsSecrets, again: second.text };
  }
  const exportedClasses = Object.entries(pulumiRunai)
    // Classes, not the look-up functions (getCluster, …).
    .filter(([, value]) => typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value)))
    .map(([name]) => name);
  process.stdout.write(JSON.stringify({ providers, exportedClasses }));
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
