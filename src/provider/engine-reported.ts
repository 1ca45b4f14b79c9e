// Errors a user can cause, printed once, as their message. When a check, diff, read or delete fails,
// both provider hosts (@pulumi/pulumi's dynamic-provider and provider server) answer the engine with
// the error's message, which the CLI prints on the resource, and also write `${e}: ${e.stack}` to
// their stderr, which the CLI prints again under the stack, JavaScript frames and all. For the
// errors we word for users (the provider's own and the client's), that second copy is dropped; any
// other error (a bug) keeps its stack.
import { RunaiError } from "../client/errors";
import { RunaiProviderError } from "./errors";

/** The stderr lines of user-facing errors that the host is about to write; each is dropped once. */
const expected = new Set<string>();
/** At most this many lines wait (a host that never writes them must not make the set grow). */
const MAX_EXPECTED = 100;
let installed = false;

/** Marks a user-facing error so that the host's stderr copy of it is not printed; returns it. */
export function reportedByEngine(err: unknown): unknown {
  if (!(err instanceof RunaiProviderError || err instanceof RunaiError)) return err;
  installFilter();
  if (expected.size >= MAX_EXPECTED) expected.delete(expected.values().next().value as string);
  expected.add(`${String(err)}: ${err.stack}`);
  return err;
}

function installFilter(): void {
  if (installed) return;
  installed = true;
  const write = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && expected.delete(args[0])) return;
    write(...args);
  };
}
