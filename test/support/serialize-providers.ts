// Serializes each resource type's provider exactly as `pulumi.dynamic.Resource` does, outside Jest
// (Jest's module registry and instrumentation change what the closure serializer sees), and prints
// the results as JSON for test/provider/serialization.test.ts.
import * as pulumi from "@pulumi/pulumi";
import { providerShim } from "../../src/resources/common";

// As pulumi.dynamic.Resource does it (sdk/nodejs/dynamic/index.ts serializeProvider).
function serializeProvider(provider: pulumi.dynamic.ResourceProvider) {
  return pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
}

async function main(): Promise<void> {
  const results: Record<string, { text: string; containsSecrets: boolean; again: string }> = {};
  for (const type of process.argv.slice(2)) {
    const first = await serializeProvider(providerShim(type));
    // A second resource of the same type gets the same shim, so the same text.
    const second = await serializeProvider(providerShim(type));
    results[type] = { text: first.text, containsSecrets: first.containsSecrets, again: second.text };
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
