// A kind definition: everything that makes one Run:ai object kind different from another. The
// resource adapter (adapter.ts) implements the engine's contract once, for every kind, from this.
import type { z } from "zod";
import type { ProviderContext } from "./context";
import type { ScopeRef } from "./scopes";
import type { Failures } from "./validation";

export type Json = Record<string, unknown>;

/** One input field as diff sees it. */
export interface FieldRule {
  /** Dotted path into the inputs (and the outputs, which share their shape), e.g. "meta.scope" or "spec". */
  path: string;
  /**
   * What the server assumes when the field is absent, in the field's shape (for an object, a default
   * given for a key that holds a list applies to every element). Equal to its default means absent,
   * so a default filled in by the server never shows as drift.
   */
  defaults?: unknown;
  /**
   * For a list of objects: the dotted path of each element's key. Only the elements whose key the
   * program lists are compared, in any order, so elements the server holds beyond them (the quota of
   * a node pool the program leaves alone) never show as a change. `defaults` apply to each element.
   */
  keyedBy?: string;
  /** Compared only when the program sets it; otherwise the server fills it in (an access rule's clusterId). */
  onlyWhenSet?: boolean;
  /**
   * With `keyedBy`: the output (see ResourceKind.programRecord) holding the keys the program listed at
   * its last write. A key listed then and no longer listed is a change: the update drops its element.
   */
  listedKeysIn?: string;
}

/**
 * The API calls of one kind. `T` is the object as the kind's client calls return it; `I` the inputs
 * as check returned them (the engine calls these only with known values, after a check that passed).
 */
export interface KindOperations<T, I extends object = Json> {
  /** Creates the object; throws RunaiConflictError when its natural key is taken. */
  create(ctx: ProviderContext, inputs: I): Promise<T>;
  /** The object holding the inputs' natural key (name and scope), if any. */
  findExisting(ctx: ProviderContext, inputs: I): Promise<T | undefined>;
  /** Takes over `existing` (adoptExisting) and gives it the program's values. */
  adopt(ctx: ProviderContext, existing: T, inputs: I): Promise<T>;
  /** Settles a just created or adopted object (e.g. a PATCH the create call cannot carry). */
  afterCreate?(ctx: ProviderContext, object: T, inputs: I): Promise<T>;
  /** Reads the object; throws RunaiNotFoundError when it is gone. */
  read(ctx: ProviderContext, id: string): Promise<T>;
  /**
   * Reads the object for the engine's Read (refresh, import) as it was moments ago, which lets a
   * refresh of many objects share one list (see client/listed-reads.ts). Default: `read`. Waits for
   * sync always use `read`.
   */
  readRecent?(ctx: ProviderContext, id: string): Promise<T>;
  /**
   * Every object of the kind the caller can see, in as few list requests as the API allows (one,
   * paged): what `runai-export` writes an import file from. Absent for kinds it does not export.
   */
  list?(ctx: ProviderContext): Promise<T[]>;
  /**
   * Applies the program's values in place; `olds` are the previous outputs, `changed` holds the paths
   * of the updatable fields that differ.
   */
  update(ctx: ProviderContext, id: string, olds: Json, news: I, changed: ReadonlySet<string>): Promise<T>;
  /**
   * Deletes the object; throws RunaiNotFoundError when it is already gone. `values` are its outputs,
   * for a kind whose inputs choose how (a cluster's `forceDelete`). "kept": the object stays, by
   * design (a cluster's default node pool), so there is no deletion to wait for.
   */
  delete(ctx: ProviderContext, id: string, values: I): Promise<void | "kept">;
}

/** How a kind that applies writes asynchronously reports progress (e.g. an asset's sync status). */
export interface SyncRules<T> {
  statusOf(object: T): string | undefined;
  /** Still being applied: keep waiting. */
  pending: readonly string[];
  /** The write failed. */
  failed: readonly string[];
  /** The deletion failed. */
  deletionFailed: readonly string[];
  /** The server's explanation of a failure, for the error message. */
  details(object: T): string;
}

/**
 * How messages name one object, from values in the input shape (the inputs, or outputs, which share
 * their shape): by its name, or by a description of its values for a kind without a unique name.
 */
export type Naming<I> =
  | {
      /**
       * Path of the name, unique per location: the old object goes first when a replacement keeps it.
       * A kind without a unique name (an access rule) describes its objects instead, and its
       * replacement is always created first.
       */
      namePath: string;
      describe?: never;
    }
  | { namePath?: never; describe(values: I): string };

/** Which object an id means, what messages call it and where it lives. */
export type Identity<T, I extends object = Json> = Naming<I> & {
  idOf(object: T): string;
  /** Who created the object and when, for the "not managed by this stack" error. */
  createdOf?(object: T): { by?: string | null; at?: string | null };
  /** Where an object with these values lives, for messages: "project 1001", "the tenant". */
  location(values: I): string;
  /**
   * What no two resources of one program may share because Run:ai holds one object per value (a node
   * pool's cluster and name), from the inputs as check sees them; undefined while a part of it is
   * unknown. A second resource with the same key fails its check (see unique-claims.ts). Keys are
   * compared within the kind only.
   */
  uniqueKey?(inputs: Json): UniqueKey | undefined;
};

/** A kind's unique key for one resource: the `key` compared, the input `field` and the `rule` a duplicate's failure names. */
export interface UniqueKey {
  key: string;
  field: string[];
  rule: string;
}

/** What taking over an existing object (adoptExisting) needs beyond the usual. */
export interface Adoption {
  /** Said in the "not managed by this stack" error about what adoption does beyond the usual. */
  note?: string;
  /**
   * The API does not refuse a duplicate (no 409), so create looks for an existing object with the
   * inputs' natural key first and treats one as a conflict (adopted only with adoptExisting).
   */
  findBeforeCreate?: boolean;
}

/** Values the server keeps secret or never returns. Dotted paths; `[]` goes through every element of a list. */
export interface Secrets {
  /**
   * Inputs that hold secrets (a credential's values), e.g. "spec.keyValuePairs[].value". The dynamic
   * resource classes wrap them with `pulumi.secret`; the plugin host and its schema mark them secret.
   */
  inputs?: readonly string[];
  /**
   * Outputs the API returns only once (at creation) and never again: carried over from the previous
   * outputs. The resource class must list them in `additionalSecretOutputs`.
   */
  outputs?: readonly string[];
}

/**
 * What the inputs refer to: names looked up at check time, and scopes named by id. Both read values
 * that check has not accepted yet and that may hold preview unknowns, hence `Json`.
 */
export interface References {
  /**
   * Looks up what the inputs refer to by name (a role, a node pool) and returns the inputs with the
   * ids filled in; reports names that do not exist. Runs only once the inputs pass every static
   * rule, and never for values still unknown.
   */
  resolve?(ctx: ProviderContext, inputs: Json, failures: Failures): Promise<Json>;
  /**
   * The scopes (project, department, cluster) the values name by id, read from inputs or outputs
   * (they share their shape). Check reports an id that names nothing; refresh reports an object
   * whose scope was deleted since (see scopes.ts).
   */
  scopeRefs?(values: Json): ScopeRef[];
  /**
   * Inputs an import leaves out although the API returns them, because `resolve` derives them from
   * another input the import keeps (an access rule's roleId from its role name).
   */
  importedWithout?: readonly string[];
}

/**
 * One Run:ai object kind. `T` is the object as the API returns it, `I` the inputs as the input schema
 * parses them (`z.infer<typeof inputSchema>`). The optional members group into capabilities a kind
 * has or has not: adoption, secrets, sync and references.
 */
export interface ResourceKind<T = unknown, I extends object = Json> {
  /** Resource class name; the type token is `pulumi-nodejs:dynamic/runai:<type>`. */
  type: string;
  /** How messages name one object, e.g. "ConfigMap asset". */
  label: string;
  /** The inputs a program may write (strict; `adoptExisting` is the adapter's and not part of it). */
  inputSchema: z.ZodType<I>;
  /**
   * Inputs the contract calls mandatory in prose although its schema leaves them optional, as dotted
   * paths (e.g. "spec.configMap"). Check requires them; the derived surfaces (the package schema, the
   * TypeScript argument types) mark them required.
   */
  requiredInputs?: readonly string[];
  /** Top-level inputs check fills in when absent. */
  inputDefaults?: Partial<I>;
  /**
   * Cross-field rules the schema cannot express. They see the inputs as the program sent them (the
   * schema's failures are reported along with theirs), preview unknowns included.
   */
  validate?(failures: Failures, inputs: Json): void;
  /** Fields a write changes in place. */
  updatable: readonly FieldRule[];
  /** Fields fixed at creation: a change replaces the object (its top-level input is reported). */
  creationOnly: readonly FieldRule[];
  identity: Identity<T, I>;
  /**
   * The outputs that are not inputs, with their types and descriptions (`.describe()`), for the
   * package schema and the docs; keys absent here fall back to the shared table (plugin/schema.ts).
   */
  outputTypes?: Readonly<Record<string, z.ZodType>>;
  /** The server's view in the input shape, plus read-only fields; may hold undefined (the adapter strips it). */
  toOutputs(object: T): Json;
  operations: KindOperations<T, I>;
  adoption?: Adoption;
  secrets?: Secrets;
  /**
   * Inputs the server never returns (a rotation trigger, a credential's secret values, a setting's
   * restoreOnDelete): the outputs hold the inputs' value, so refresh never reports them as drift.
   * Secret or not: `secrets.inputs` says which are secret.
   */
  writeOnlyInputs?: readonly string[];
  /** Present when writes are applied asynchronously and can be waited for. */
  sync?: SyncRules<T>;
  references?: References;
  /**
   * Outputs that record what the program wrote rather than what the server holds (the node pools a
   * department's quotas listed), so that a later update knows what the program managed before: the
   * engine hands update the old outputs, not the old inputs. Written from the checked inputs at create
   * and update; carried over unchanged by read (refresh, import starts without them).
   */
  programRecord?: { keys: readonly string[]; of(inputs: I): Json };
  /**
   * Outputs that are no secret but, like `secrets.outputs`, an operation records once and no read
   * returns (the value a setting held before the resource set it); both are carried over from the
   * previous outputs while the read object leaves them out (see `outputsReturnedOnce`).
   */
  returnedOnce?: readonly string[];
}

/** Every output an operation records once and no read returns: the secret ones and the others. */
export function outputsReturnedOnce(kind: { secrets?: Secrets; returnedOnce?: readonly string[] }): string[] {
  return [...(kind.secrets?.outputs ?? []), ...(kind.returnedOnce ?? [])];
}

/**
 * Thrown by an operation whose write went through although a later step failed (e.g. a secret was
 * regenerated, then reading the object back failed): `known` must reach the state all the same.
 */
export class PartialWriteError<T> extends Error {
  constructor(
    readonly failure: unknown,
    readonly known: T,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** A kind of any object and input types: the registry holds kinds whose types differ (both are invariant). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResourceKind = ResourceKind<any, any>;
