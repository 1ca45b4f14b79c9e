/* eslint-disable @typescript-eslint/no-require-imports */
// Two gaps of `@pulumi/pulumi/provider`'s gRPC server (3.248, unchanged at the SDK's HEAD), closed
// before `main` starts it:
//  - Configure: the server answers it without looking at the request (pulumi/pulumi#10915), so a
//    provider never learns its own settings. We wrap the service implementation it registers and
//    hand the request's args to `onConfigure` first.
//  - Read without properties: since engine 3.198 an import reads with only an id, and the server
//    then fails on `req.getProperties()!.toJavaScript()` ("Cannot read properties of undefined").
//    An empty Struct stands in, which the provider treats as "import this id".
// Both modules are resolved from the SDK's own location, so the patched copies are the ones it uses.
import * as path from "node:path";

export interface ConfigureRequestLike {
  getArgs(): { toJavaScript(): Record<string, unknown> } | undefined;
  getVariablesMap(): { forEach(callback: (value: string, key: string) => void): void };
}

type Handler = (call: { request: ConfigureRequestLike }, callback: (...args: unknown[]) => void) => void;

export function patchProviderServer(onConfigure: (request: ConfigureRequestLike) => void): void {
  const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  const fromSdk = (id: string) => require(require.resolve(id, { paths: [sdkDir] }));

  const providerPb = fromSdk("@pulumi/pulumi/proto/provider_pb");
  const { Struct } = fromSdk("google-protobuf/google/protobuf/struct_pb");
  const getProperties = providerPb.ReadRequest.prototype.getProperties;
  providerPb.ReadRequest.prototype.getProperties = function (this: unknown) {
    return getProperties.call(this) ?? new Struct();
  };

  const grpc = fromSdk("@grpc/grpc-js");
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (this: unknown, service: unknown, implementation: Record<string, unknown>) {
    const configure = implementation.configure as Handler | undefined;
    if (typeof configure === "function") {
      implementation.configure = (call: { request: ConfigureRequestLike }, callback: (...args: unknown[]) => void) => {
        try {
          onConfigure(call.request);
        } catch (err) {
          callback(err);
          return;
        }
        configure.call(implementation, call, callback);
      };
    }
    return addService.call(this, service, implementation);
  };
}
