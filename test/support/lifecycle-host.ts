// What a host gives the lifecycle driver (test/support/lifecycle.ts): how it declares the
// resources for the next command, runs the engine and reads ids and outputs, and where it differs.
import type { KindFixture } from "../fixtures/kinds";
import type { EmulatorHarness } from "./emulator";
import type { TestStack } from "./pulumi-stack";

type Json = Record<string, any>;

/** The resource of one kind in a host's stack, e.g. "lc-configmapasset". */
export interface LifecycleKind {
  type: string;
  name: string;
  fixture: KindFixture;
}

/** What the next command declares: name → the kind's type and its inputs. */
export type Declaration = Record<string, { type: string; args: Json }>;

/** How many resources one engine run changed, by operation, as the engine counts them. */
export interface ChangeSummary {
  create?: number;
  update?: number;
  replace?: number;
  delete?: number;
  same?: number;
}

/** One engine run as the host reports it. */
export interface HostRun {
  /** Whether the run failed (only a run that continues on error may). */
  failed: boolean;
  /** What the run printed, where the host looks for messages. */
  output: string;
  /** The planned or applied steps, where the host reports them (a preview's for drift, an up's for the order of a replace). */
  steps?: { op: string; urn: string }[];
}

/** How a host declares resources and runs the engine; the driver defines the steps and their assertions. */
export interface LifecycleHost {
  kinds: LifecycleKind[];
  emulator(): EmulatorHarness;
  stack(): TestStack;
  /** Resources the stack holds besides the kinds' and the adopted ones: the stack itself, explicit providers and theirs. */
  extras(): number;
  /** Declares `resources` (and whatever the host adds to every step) for the next command. */
  declare(resources: Declaration): Promise<void>;
  up(opts?: { refresh?: boolean }): Promise<HostRun>;
  /** An up that tries every create although some fail. */
  upContinuingOnError(): Promise<HostRun>;
  /** A preview that fails when anything would change. */
  previewNoChanges(): Promise<HostRun>;
  /** A preview with --refresh that reports its steps. */
  previewRefresh(): Promise<HostRun>;
  refresh(opts?: { expectNoChanges?: boolean }): Promise<HostRun>;
  destroy(): Promise<HostRun>;
  /** The `ids` output of the stack, after `run` (an up that returned them, or the stack's outputs). */
  ids(run?: HostRun): Promise<Record<string, string>>;
  /** Asserts what `run` changed (and, where the host counts them, left the same). */
  expectChanges(run: HostRun, expected: ChangeSummary): void;
  /** Whether `run` deleted the original of `name` before creating its replacement. */
  replaceOrder(run: HostRun, name: string): "delete first" | "create first";
  /** The refusals in a failed run's Diagnostics, one line each; absent where the host prints none. */
  refusals?(run: HostRun): string[];
  /** Everything the host's commands printed so far. */
  printed(): string;
  /** Values, beyond the fixtures' secret inputs and runai:clientSecret, that must never be printed. */
  secrets?(): string[];
  /**
   * Applies the in-place change in the up --refresh that reverts the drift, instead of an up of its
   * own (the YAML host: one up less in the file that also runs imports, the quickstart and the
   * plugin tarball). The reverted values are then not checked: the in-place change overwrites some.
   */
  revertsDriftWithInPlaceUpdate?: boolean;
  /** Skip the refusal step, with the reason in the host's file. */
  skipsRefusal?: boolean;
}
