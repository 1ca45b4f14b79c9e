// Warnings for the CLI's output. A provider has no warning channel of its own (the check and read
// answers carry none, and a dynamic provider's process has no engine to log to), but both hosts'
// stderr reaches the CLI, which prints each line under the stack's diagnostics. Each warning is
// written once per provider process: check runs again for the same resource within one `up`.
const written = new Set<string>();

export function warn(message: string): void {
  if (written.has(message)) return;
  written.add(message);
  process.stderr.write(`warning: ${message}\n`);
}
