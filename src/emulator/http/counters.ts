// Request counters per "<METHOD> <route template>" and status code, for tests and benchmarks that
// need to know how many calls a client really made (retries, duplicate creates...).

/** Appended to the key of a request with `validateOnly=true`, which changes nothing. */
export const VALIDATE_ONLY_SUFFIX = " (validateOnly)";

export type CounterSnapshot = Record<string, Record<string, number>>;

export class RequestCounters {
  private counts = new Map<string, Map<number, number>>();

  record(key: string, status: number): void {
    let byStatus = this.counts.get(key);
    if (!byStatus) this.counts.set(key, (byStatus = new Map()));
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }

  snapshot(): CounterSnapshot {
    const result: CounterSnapshot = {};
    for (const [key, byStatus] of this.counts) {
      result[key] = Object.fromEntries([...byStatus].map(([status, count]) => [String(status), count]));
    }
    return result;
  }

  reset(): void {
    this.counts = new Map();
  }
}
