// A failure the exporter explains itself (bad arguments, a setting to fix): printed as its message
// alone, without a stack trace. Exit code 2 for a usage error, 1 otherwise.
export class ExportError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = "ExportError";
  }
}
