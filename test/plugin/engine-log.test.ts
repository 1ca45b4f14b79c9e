// The plugin finds the engine's address (where its lines for the user go) among the arguments the
// engine starts it with, past the logging and tracing flags.
import { engineAddressOf } from "../../src/plugin/engine-log";

test.each<[string[], string | undefined]>([
  [["127.0.0.1:41233"], "127.0.0.1:41233"],
  [["--logtostderr", "-v=9", "--tracing", "tcp://127.0.0.1:7777", "127.0.0.1:41233"], "127.0.0.1:41233"],
  [["--logtostderr"], undefined],
  [[], undefined],
])("%j → %s", (args, address) => {
  expect(engineAddressOf(args)).toBe(address);
});
