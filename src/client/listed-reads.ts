// Reads by id answered from one list of the kind, once a process reads many objects of a kind.
//
// A `pulumi refresh` (or `preview --refresh`) reads every object of a stack, and the engine holds
// one of its few parallel slots (4 per core) for each read's round trip. After a few plain GETs, one
// list of the whole kind answers the remaining reads from memory: a refresh of hundreds of assets
// costs a handful of requests instead of hundreds, which also matters to tenants that Run:ai
// rate-limits. Small stacks never list (a tenant may hold thousands of objects of a kind).
//
// What a list answers is at most `maxAgeMs` old and never older than this process's own last write
// of the kind. An id the list does not hold is read with a GET, which decides whether it is gone: a
// list that leaves out what the caller may still read (permissions, paging) costs a GET, never a
// wrong answer; a list that fails is not asked again in this process.

export interface ListedReadsOptions<T> {
  /** GET one object by id (throws the client's not-found error when it is gone). */
  readOne(id: string): Promise<T>;
  /** Every object of the kind the caller can see. */
  readAll(): Promise<T[]>;
  idOf(object: T): string;
  /** Reads answered with GETs before the first list. */
  readsBeforeList?: number;
  /** How long a list answers reads. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * The first `readsBeforeList` reads of a kind in a process are GETs; a refresh of more lists once.
 * Fewer than the engine's parallel slots (4 per core): the read that asks for the list comes in the
 * refresh's first burst of reads, so the list costs no round trip after the GETs.
 */
export const READS_BEFORE_LIST = 4;
/** A list answers reads for 5 s: a refresh of hundreds finishes well within a few lists. */
export const LIST_MAX_AGE_MS = 5_000;

interface Snapshot<T> {
  /** When the list was asked for (not answered): its age is counted conservatively. */
  askedAt: number;
  byId: Map<string, T>;
}

export class ListedReads<T> {
  private reads = 0;
  /** Bumped by every write: a list asked for before it must not answer reads after it. */
  private generation = 0;
  private snapshot?: Snapshot<T>;
  private pending?: Promise<Snapshot<T> | undefined>;
  private listFailed = false;
  private readonly readsBeforeList: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ListedReadsOptions<T>) {
    this.readsBeforeList = options.readsBeforeList ?? READS_BEFORE_LIST;
    this.maxAgeMs = options.maxAgeMs ?? LIST_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  /** The object with this id, as a GET would return it moments ago. */
  async read(id: string): Promise<T> {
    this.reads++;
    if (this.listFailed || this.reads <= this.readsBeforeList) return this.options.readOne(id);
    const generation = this.generation;
    const snapshot = await this.currentSnapshot();
    const listed = generation === this.generation ? snapshot?.byId.get(id) : undefined;
    return listed ?? this.options.readOne(id);
  }

  /** Forgets the list: called on every write of the kind through this client. */
  invalidate(): void {
    this.generation++;
    this.snapshot = undefined;
    this.pending = undefined;
  }

  private currentSnapshot(): Promise<Snapshot<T> | undefined> {
    if (this.snapshot && this.now() - this.snapshot.askedAt < this.maxAgeMs) return Promise.resolve(this.snapshot);
    this.pending ??= this.list();
    return this.pending;
  }

  private async list(): Promise<Snapshot<T> | undefined> {
    const generation = this.generation;
    const askedAt = this.now();
    let objects: T[];
    try {
      objects = await this.options.readAll();
    } catch {
      // Reads go on with GETs, which report their own errors; the list is not asked again.
      this.listFailed = true;
      return undefined;
    } finally {
      if (generation === this.generation) this.pending = undefined;
    }
    const snapshot = { askedAt, byId: new Map(objects.map((object) => [this.options.idOf(object), object])) };
    if (generation === this.generation) this.snapshot = snapshot;
    return snapshot;
  }
}
