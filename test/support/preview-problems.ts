// What the engine prints for a resource whose check failed: `error: <type> resource '<name>' has a
// problem: <reason>`, one line per reason (the engine may print a line twice: once as it happens,
// once in the summary). The e2e tests compare these reasons, in order, each once.

/** The reasons reported for the resource `name` of `type` (e.g. "pulumi-nodejs:dynamic/runai:NodePool"), each once, in order. */
export function reportedProblems(output: { stdout: string; stderr: string } | string, type: string, name: string): string[] {
  return reportedProblemsOf(output, type, [name]).map(({ reason }) => reason);
}

/** The reasons reported for any of the resources `names` of `type`, with the resource each is about, each once, in order. */
export function reportedProblemsOf(
  output: { stdout: string; stderr: string } | string,
  type: string,
  names: string[],
): { resource: string; reason: string }[] {
  const text = typeof output === "string" ? output : `${output.stdout}\n${output.stderr}`;
  const pattern = new RegExp(`^\\s*error: ${escape(type)} resource '(${names.map(escape).join("|")})' has a problem: (.*)$`, "gm");
  const seen = new Set<string>();
  const found: { resource: string; reason: string }[] = [];
  for (const [, resource, reason] of text.matchAll(pattern)) {
    if (seen.has(`${resource}\n${reason}`)) continue;
    seen.add(`${resource}\n${reason}`);
    found.push({ resource, reason });
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
