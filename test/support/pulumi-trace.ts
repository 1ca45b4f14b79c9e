// Lines of a verbose Pulumi log that are the engine's own property records (see below), which leak checks set aside.
/**
 * Pulumi's own tracing prints property values in plaintext, secrets included, at the verbosity the
 * issue asks about: the engine's RPC marshaling records ("Marshaling property for RPC[…]" at -v=9,
 * "Planner decided [not] to create/update … (inputs=…)" at -v=7) and the Node SDK's "RegisterResource RPC
 * finished" debug record (echoed by the engine's event sink). No provider can prevent those (Pulumi's
 * logging docs warn to audit verbose logs before sharing them); every other line, including all of
 * our provider's and program's output, must be clean.
 */
export function isPulumiPropertyTrace(line: string): boolean {
  let msg: unknown;
  try {
    msg = (JSON.parse(line) as { msg?: unknown }).msg;
  } catch {
    return false;
  }
  return (
    typeof msg === "string" &&
    /^(Marshaling property for RPC\[|Unmarshaling property for RPC\[|Planner decided (not )?to |RegisterResource RPC finished: |eventSink::Debug\(<\{%reset%\}>RegisterResource RPC finished: )/.test(
      msg,
    )
  );
}
