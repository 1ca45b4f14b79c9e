/* eslint-disable @typescript-eslint/no-require-imports */
// The plugin's lines for the user (a call waiting to retry), sent through the engine's Log call: the
// engine keeps a plugin's stderr for its own log (`-v`), where nobody sees it, while a Log message is
// shown in the CLI's output, as the dynamic host's stderr is. The SDK's generated gRPC modules are
// resolved from the SDK's own location (as in sdk-patches.ts), so this package declares no gRPC
// dependency of its own.
import * as path from "node:path";

/** The engine's address among the plugin's arguments: the first one that is not a flag (`--tracing` takes a value). */
export function engineAddressOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--tracing") i++;
    else if (!args[i].startsWith("-")) return args[i];
  }
  return undefined;
}

/** A sink that logs each line as an info message of the engine at `engineAddress`; a line that cannot be delivered is dropped. */
export function engineLog(engineAddress: string): (line: string) => void {
  const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  const fromSdk = (id: string) => require(require.resolve(id, { paths: [sdkDir] }));
  const grpc = fromSdk("@grpc/grpc-js");
  const { EngineClient } = fromSdk("@pulumi/pulumi/proto/engine_grpc_pb");
  const { LogRequest, LogSeverity } = fromSdk("@pulumi/pulumi/proto/engine_pb");
  const engine = new EngineClient(engineAddress, grpc.credentials.createInsecure());
  return (line) => {
    const request = new LogRequest();
    request.setSeverity(LogSeverity.INFO);
    request.setMessage(line);
    engine.log(request, () => undefined);
  };
}
