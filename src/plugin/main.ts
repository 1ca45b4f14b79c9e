// Entry point of the `pulumi-resource-runai` plugin (bin/pulumi-resource-runai runs it with node).
// The engine starts it, reads the port it prints, and talks gRPC to it. Start-up loads only the
// SDK's provider server; the provider code is loaded at the first resource call (./provider.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { main as serveProvider } from "@pulumi/pulumi/provider";
import { PluginConfig } from "./configuration";
import { engineAddressOf, engineLog } from "./engine-log";
import { RunaiPluginProvider } from "./provider";
import { patchProviderServer } from "./sdk-patches";

/** The package root: dist/plugin/main.js → the directory holding package.json. */
const packageRoot = path.resolve(__dirname, "../..");

let configured: PluginConfig | undefined;
patchProviderServer((request) => {
  const variables = new Map<string, string>();
  request.getVariablesMap().forEach((value, key) => variables.set(key, value));
  configured = PluginConfig.fromConfigure(request.getArgs()?.toJavaScript(), variables);
  // Resource calls follow a Configure (a schema read has none): the provider code loads now, while
  // the engine prepares its steps, instead of in the first call's time.
  setImmediate(() => provider.warmUp());
});

const version = (JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

const args = process.argv.slice(2);
const engineAddress = engineAddressOf(args);
const provider = new RunaiPluginProvider(
  version,
  () => configured ?? PluginConfig.fromEnvironment(),
  loadSchema,
  engineAddress === undefined ? undefined : () => engineLog(engineAddress),
);

void serveProvider(provider, args);

/** schema.json, written next to this file by the build (scripts/gen-schema.ts). */
async function loadSchema(): Promise<string> {
  const file = path.join(__dirname, "schema.json");
  try {
    return await fs.promises.readFile(file, "utf8");
  } catch {
    // A build that skipped the schema step (tsc alone): build it now, from the same code.
    const { buildSchema } = await import("./schema");
    return JSON.stringify(buildSchema(version));
  }
}
