// `npm run bench:engine`: what `pulumi up`, `preview`, `refresh`, an update of every resource and
// `destroy` cost with the real CLI for N resources of each kind, against the engine's own floor (the
// same N resources, with the same inputs, as no-op dynamic resources), in one run on one machine.
// The emulator runs in this process with a latency on every request and a sync delay; its counters
// give the HTTP requests per resource of every phase. Beside each dynamic-resource stack, the same
// kind through the plugin host (`pulumi-runai/plugin` and the runai plugin) and a floor of no-op
// resources of a no-op Node plugin run too (`--plugin false` skips both); every ratio is to the one
// no-op dynamic floor. Numbers for people (bench/README.md): the tests only check that a tiny run works.
//
//   npm run bench:engine -- [--n 200] [--kinds ConfigMapAsset,EnvironmentAsset|none] [--latency-ms 20]
//     [--sync-delay-ms 200] [--wait-for-sync both|true|false] [--plugin true|false]
//     [--scaling 50,100,200,400|none] [--scaling-kind ConfigMapAsset] [--repeat 1] [--read-samples 3]
//     [--parallel default|N[,N…]] [--skip-checkpoints false|true|both]
//     [--json bench/results/engine.json] [--profile <dir>]
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { RESOURCE_TYPES } from "../src/provider/registry";
import { CLASS_INFO } from "../src/resources/generated-class-info";
import { KIND_FIXTURES, prepareFixtures } from "../test/fixtures/kinds";
import { EmulatorHarness, TOKEN } from "../test/support/emulator";
import type { Counters } from "../test/support/emulator";
import { PulumiCommandError, repoRoot, TestStack } from "../test/support/pulumi-stack";
import type { CommandResult, StackExport } from "../test/support/pulumi-stack";

const PHASES = [
  { name: "up", label: "`up` (create)" },
  { name: "preview", label: "`preview` (no changes)" },
  { name: "refresh", label: "`refresh`" },
  { name: "update", label: "`up` (update all)" },
  { name: "destroy", label: "`destroy`" },
] as const;
type PhaseName = (typeof PHASES)[number]["name"];

const KIND_PROGRAM = path.join(__dirname, "programs/kind");
const NOOP_PROGRAM = path.join(__dirname, "programs/noop");
/** The plugin host: the kind's plugin-backed classes, and N no-op resources of a no-op Node plugin. */
const KIND_PLUGIN_PROGRAM = path.join(__dirname, "programs/kind-plugin");
const NOOP_PLUGIN_PROGRAM = path.join(__dirname, "programs/noop-plugin");
/** A single command never takes this long unless something hangs. */
const COMMAND_TIMEOUT_MS = 30 * 60_000;

class UsageError extends Error {}

interface Options {
  n: number;
  kinds: string[];
  latencyMs: number;
  syncDelayMs: number;
  waitForSync: boolean[];
  /** Also measure the plugin host (the kind's plugin-backed classes and the no-op plugin floor). */
  plugin: boolean;
  scaling: number[];
  scalingKind: string;
  repeat: number;
  /** Times `preview` and `refresh` run in each lifecycle (they change nothing, so samples are cheap). */
  readSamples: number;
  /**
   * The engine's --parallel settings (PULUMI_PARALLEL), each measured like a checkpoint setting;
   * undefined: the engine's default (4 × cores).
   */
  parallel: (number | undefined)[];
  /**
   * PULUMI_SKIP_CHECKPOINTS for every command of every stack (the engine then writes the state once at
   * the end instead of after every step); both: every subject measured both ways in one interleaved run.
   */
  skipCheckpoints: boolean[];
  json: string;
  /** Where CPU profiles of every command go (the engine's and every Node process's); unset: none. */
  profile?: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: "string", default: "200" },
      kinds: { type: "string" },
      "latency-ms": { type: "string", default: "20" },
      "sync-delay-ms": { type: "string", default: "200" },
      "wait-for-sync": { type: "string", default: "both" },
      plugin: { type: "string", default: "true" },
      scaling: { type: "string", default: "50,100,200,400" },
      "scaling-kind": { type: "string", default: "ConfigMapAsset" },
      repeat: { type: "string", default: "1" },
      "read-samples": { type: "string", default: "3" },
      parallel: { type: "string" },
      "skip-checkpoints": { type: "string", default: "false" },
      json: { type: "string", default: path.join(repoRoot, "bench/results/engine.json") },
      profile: { type: "string" },
    },
  });
  const count = (flag: string, text: string, min: number): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${flag}: expected an integer ≥ ${min}, got "${text}"`);
    return value;
  };
  const withFixture = RESOURCE_TYPES.filter((type) => KIND_FIXTURES[type]);
  const kind = (name: string): string => {
    if (!RESOURCE_TYPES.includes(name)) throw new UsageError(`unknown kind "${name}"; the registry has ${RESOURCE_TYPES.join(", ")}`);
    if (!KIND_FIXTURES[name]) throw new UsageError(`kind "${name}" has no fixture in test/fixtures/kinds.ts`);
    return name;
  };
  const waitForSync = { both: [true, false], true: [true], false: [false] }[values["wait-for-sync"]];
  if (!waitForSync) throw new UsageError(`--wait-for-sync: expected both, true or false, got "${values["wait-for-sync"]}"`);
  const skipCheckpoints = { both: [false, true], true: [true], false: [false] }[values["skip-checkpoints"]];
  if (!skipCheckpoints) throw new UsageError(`--skip-checkpoints: expected both, true or false, got "${values["skip-checkpoints"]}"`);
  const plugin = { true: true, false: false }[values.plugin];
  if (plugin === undefined) throw new UsageError(`--plugin: expected true or false, got "${values.plugin}"`);
  return {
    n: count("n", values.n, 1),
    // "none": the scaling series alone.
    kinds: values.kinds === "none" ? [] : values.kinds ? values.kinds.split(",").map((k) => kind(k.trim())) : withFixture,
    latencyMs: count("latency-ms", values["latency-ms"], 0),
    syncDelayMs: count("sync-delay-ms", values["sync-delay-ms"], 0),
    waitForSync,
    plugin,
    scaling: values.scaling === "none" ? [] : values.scaling.split(",").map((n) => count("scaling", n.trim(), 1)),
    scalingKind: kind(values["scaling-kind"]),
    repeat: count("repeat", values.repeat, 1),
    readSamples: count("read-samples", values["read-samples"], 1),
    parallel: (values.parallel ?? "default").split(",").map((p) => (p.trim() === "default" ? undefined : count("parallel", p.trim(), 1))),
    skipCheckpoints,
    json: path.resolve(values.json),
    profile: values.profile === undefined ? undefined : path.resolve(values.profile),
  };
}

// ---- measuring ----

interface Requests {
  /** API requests of the phase, the token endpoint excluded. */
  total: number;
  perResource: number;
  /** API requests per resource by HTTP method (token endpoint excluded). */
  perResourceByMethod: Record<string, number>;
  /** Token requests of the whole phase (not per resource). */
  token: number;
  /** Answers by status, over every route but the token endpoint. */
  byStatus: Record<string, number>;
}

interface PhaseResult {
  /** Wall time of the CLI command (the median of `samples`). */
  seconds: number;
  samples: number[];
  /**
   * CPU seconds of the command: the CLI and every process under it (engine, language host, plugins),
   * the median of `cpuSamples`; absent where /proc/self/stat is missing (not Linux).
   */
  cpuSeconds?: number;
  cpuSamples: number[];
  /**
   * CPU seconds of this process during the command: the emulator answering the provider (nearly
   * all of it; the floors make no requests), the median of `emulatorCpuSamples`.
   */
  emulatorCpuSeconds: number;
  emulatorCpuSamples: number[];
  /** From the emulator's counters; absent for the floor. */
  requests?: Requests;
}

interface StateSize {
  /** Mean bytes of one resource entry of `pulumi stack export` (compact JSON), providers and the stack excluded. */
  bytesPerResource: number;
  inputsBytesPerResource: number;
  outputsBytesPerResource: number;
  /** Bytes of the serialized dynamic provider (`__provider`), the largest seen. */
  providerBytes: number;
}

interface Lifecycle {
  phases: Partial<Record<PhaseName, PhaseResult | null>>;
  state?: StateSize;
}

function summariseRequests(counters: Counters, n: number): Requests {
  const byMethod: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let total = 0;
  let token = 0;
  for (const [route, statuses] of Object.entries(counters)) {
    const [method, template] = route.split(" ");
    const count = Object.values(statuses).reduce((sum, c) => sum + c, 0);
    if (template === TOKEN) {
      token += count;
      continue;
    }
    total += count;
    byMethod[method] = (byMethod[method] ?? 0) + count;
    for (const [status, c] of Object.entries(statuses)) byStatus[status] = (byStatus[status] ?? 0) + c;
  }
  const perResourceByMethod = Object.fromEntries(Object.entries(byMethod).map(([method, count]) => [method, round(count / n, 3)]));
  return { total, perResource: round(total / n, 3), perResourceByMethod, token, byStatus };
}

function stateSize(state: StackExport): StateSize {
  const resources = (state.deployment.resources ?? []).filter(
    (r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"),
  );
  if (resources.length === 0) throw new Error("the exported state holds no resources after `up`");
  const bytes = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));
  const mean = (f: (r: (typeof resources)[number]) => number) => Math.round(resources.reduce((sum, r) => sum + f(r), 0) / resources.length);
  return {
    bytesPerResource: mean(bytes),
    inputsBytesPerResource: mean((r) => bytes(r.inputs)),
    outputsBytesPerResource: mean((r) => bytes(r.outputs)),
    providerBytes: Math.max(...resources.map((r) => Buffer.byteLength(String(r.inputs?.__provider ?? r.outputs?.__provider ?? "")))),
  };
}

interface Subject {
  /** "floor" or the kind. */
  label: string;
  program: string;
  config: Record<string, string | { value: string; secret?: boolean }>;
  /** The resources' inputs as JSON (`{ name: args }`), written to the program's `resources.json`. */
  resources: string;
  /** The inputs after "update all"; null when the kind has no in-place update. */
  updated: string | null;
  harness: EmulatorHarness;
  countRequests: boolean;
  /** Environment of every command of the subject's stack (PULUMI_SKIP_CHECKPOINTS). */
  env?: Record<string, string>;
}

/** The live stacks' temp dirs, removed on Ctrl-C. */
const liveStacks = new Set<TestStack>();

/** Phases that change nothing, so they can run several times in one lifecycle. */
const READ_ONLY: readonly PhaseName[] = ["preview", "refresh"];

/**
 * Runs the phases on one stack per subject (the floor and a kind), interleaved: each phase on the
 * floor, then on the kind, so that both meet the same machine load; read-only phases `readSamples`
 * times, interleaved the same way. The stacks must not collide in the emulator (never two stacks of
 * one kind).
 */
async function runLifecycles(
  subjects: Subject[],
  n: number,
  phases: readonly PhaseName[],
  readSamples: number,
  profile?: string,
): Promise<Lifecycle[]> {
  const stacks: TestStack[] = [];
  const results: Lifecycle[] = subjects.map(() => ({ phases: {} }));
  try {
    for (const subject of subjects) {
      const stack = await TestStack.create({ program: subject.program, stackName: "bench", config: subject.config, env: subject.env });
      stacks.push(stack);
      liveStacks.add(stack);
      writeResources(stack, subject.resources);
    }
    // Each phase once, a read-only one `readSamples` times in a row.
    const steps = phases.flatMap((phase) =>
      Array.from({ length: READ_ONLY.includes(phase) ? readSamples : 1 }, (_, sample) => ({ phase, sample })),
    );
    for (const { phase, sample } of steps) {
      for (const [i, subject] of subjects.entries()) {
        const stack = stacks[i];
        const result = results[i];
        // Profiles of the first sample only.
        const { extra, options } = profiling(sample === 0 ? profile : undefined, subject.label, phase);
        const commands: Record<PhaseName, () => Promise<CommandResult>> = {
          up: () => stack.up(extra, options),
          preview: () => stack.preview({ expectNoChanges: true, extra }, options),
          refresh: () => stack.refresh({ extra }, options),
          update: () => stack.up(extra, options),
          destroy: () => stack.destroy(extra, options),
        };
        if (phase === "update") {
          if (subject.updated === null) {
            result.phases.update = null;
            continue;
          }
          writeResources(stack, subject.updated);
        }
        await subject.harness.resetCounters();
        const started = performance.now();
        const cpuBefore = childrenCpuSeconds();
        const ownCpuBefore = process.cpuUsage();
        await commands[phase]();
        const seconds = round((performance.now() - started) / 1000, 3);
        const cpu = cpuBefore === undefined ? [] : [round(childrenCpuSeconds()! - cpuBefore, 2)];
        const ownCpu = process.cpuUsage(ownCpuBefore);
        const emulatorCpu = round((ownCpu.user + ownCpu.system) / 1e6, 2);
        const requests = subject.countRequests ? summariseRequests(await subject.harness.counters(), n) : undefined;
        const earlier = result.phases[phase];
        if (earlier) {
          earlier.samples.push(seconds);
          earlier.cpuSamples.push(...cpu);
          earlier.emulatorCpuSamples.push(emulatorCpu);
        } else
          result.phases[phase] = {
            seconds,
            samples: [seconds],
            cpuSeconds: cpu[0],
            cpuSamples: cpu,
            emulatorCpuSeconds: emulatorCpu,
            emulatorCpuSamples: [emulatorCpu],
            requests,
          };
        progress(
          `${subject.label} × ${n}: ${phase} ${seconds.toFixed(1)} s${requests ? `, ${requests.perResource} requests per resource` : ""}`,
        );
        if (phase === "up") result.state = stateSize(await stack.exportState());
      }
    }
  } finally {
    for (const stack of stacks) {
      liveStacks.delete(stack);
      // The scaling series ends without a destroy: its objects go with an emulator reset (a destroy
      // of 1,000 resources with checkpoints kept takes a minute per stack).
      await stack.cleanup({ destroy: false });
    }
  }
  return results;
}

/**
 * The program's resources, in a file beside it: a stack setting is one argument of the CLI, and the
 * kernel limits one argument to 128 KiB (E2BIG), which 1,000 resources' inputs pass.
 */
function writeResources(stack: TestStack, resources: string): void {
  fs.writeFileSync(path.join(stack.workDir, "resources.json"), resources);
}

/**
 * CPU seconds (user + system) of this process's reaped children and their reaped descendants
 * (cutime + cstime of /proc/self/stat, in clock ticks of 1/100 s); undefined where there is no /proc.
 * The emulator runs in this process, so its work is not counted.
 */
function childrenCpuSeconds(): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync("/proc/self/stat", "utf8");
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces), from field 3 on: cutime and cstime are 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
}

/** The kernel's USER_HZ for /proc times: 100 on every Linux architecture Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The CLI arguments and environment of one command: with `--profile`, the engine's CPU profile
 * (`--profiling`) and one `.cpuprofile` per Node process (the program's language host and the
 * provider) land in `<dir>/<subject>/<phase>/`. Profiling slows every process; times measured with
 * it are for comparing profiles, not ratios.
 */
function profiling(profile: string | undefined, label: string, phase: PhaseName) {
  const options = { timeoutMs: COMMAND_TIMEOUT_MS };
  if (profile === undefined) return { extra: [] as string[], options };
  const dir = path.join(profile, label.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, ""), phase);
  fs.mkdirSync(dir, { recursive: true });
  return {
    extra: ["--profiling", path.join(dir, "engine")],
    options: {
      ...options,
      env: { NODE_OPTIONS: `--require ${path.join(__dirname, "cpu-profile-preload.js")}`, BENCH_CPU_PROFILE_DIR: dir },
    },
  };
}

/** Runs the lifecycles `repeat` times; each phase keeps the median of all its samples (requests and state of the first). */
async function measure(
  subjects: Subject[],
  n: number,
  phases: readonly PhaseName[],
  repeat: number,
  readSamples: number,
  profile?: string,
): Promise<Lifecycle[]> {
  const runs: Lifecycle[][] = [];
  for (let i = 0; i < repeat; i++) runs.push(await runLifecycles(subjects, n, phases, readSamples, profile));
  const [first] = runs;
  for (const [i, lifecycle] of first.entries()) {
    for (const phase of phases) {
      const result = lifecycle.phases[phase];
      if (!result) continue;
      result.samples = runs.flatMap((run) => run[i].phases[phase]!.samples);
      result.seconds = median(result.samples);
      result.cpuSamples = runs.flatMap((run) => run[i].phases[phase]!.cpuSamples);
      if (result.cpuSamples.length > 0) result.cpuSeconds = median(result.cpuSamples);
      result.emulatorCpuSamples = runs.flatMap((run) => run[i].phases[phase]!.emulatorCpuSamples);
      result.emulatorCpuSeconds = median(result.emulatorCpuSamples);
    }
  }
  return first;
}

// ---- the run ----

type ComparedPhases = Partial<Record<PhaseName, (PhaseResult & { floorSeconds: number; ratio: number }) | null>>;
type ComparedState = StateSize & { floorBytesPerResource: number; ratio: number; floorProviderBytes: number };

interface KindResult {
  kind: string;
  n: number;
  waitForSync: boolean;
  /** PULUMI_SKIP_CHECKPOINTS of every stack of this result (its floors' too). */
  skipCheckpoints: boolean;
  /** PULUMI_PARALLEL of every stack of this result; null: the engine's default (4 × cores). */
  parallel: number | null;
  /** The dynamic host (`pulumi-runai`), against the no-op dynamic floor. */
  phases: ComparedPhases;
  state: ComparedState;
  /** The plugin host (`pulumi-runai/plugin`), against the same floor; null with `--plugin false`. */
  plugin: { phases: ComparedPhases; state: ComparedState } | null;
  /** N no-op resources of a no-op Node plugin, against the same floor; null with `--plugin false`. */
  pluginFloor: { phases: ComparedPhases; state: ComparedState } | null;
}

interface ScalingPoint {
  n: number;
  /** The kind's host, and the floor it is compared with (the no-op dynamic resource, or the no-op plugin). */
  host: "dynamic" | "plugin";
  /** PULUMI_SKIP_CHECKPOINTS of both stacks of the point. */
  skipCheckpoints: boolean;
  /** PULUMI_PARALLEL of both stacks; null: the engine's default. */
  parallel: number | null;
  /** CPU seconds of `up` (the CLI and everything under it), and the floor's. */
  upCpuSeconds?: number;
  floorUpCpuSeconds?: number;
  /** Bytes of `pulumi stack export` per resource after `up`, and the floor's. */
  stateBytesPerResource: number;
  floorStateBytesPerResource: number;
  upSeconds: number;
  upMsPerResource: number;
  refreshSeconds: number;
  floorUpSeconds: number;
  floorUpMsPerResource: number;
  floorRefreshSeconds: number;
  upRatio: number;
  refreshRatio: number;
  upRequestsPerResource: number;
  refreshRequestsPerResource: number;
}

/** `{ <prefix>0: args, … }`: the plugin host's stack names its objects apart from the dynamic one's. */
function resourcesConfig(n: number, args: (name: string) => Record<string, unknown>, prefix = "r"): string {
  const resources: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < n; i++) resources[`${prefix}${i}`] = args(`${prefix}${i}`);
  return JSON.stringify(resources);
}

/** The engine settings of every command of a group of stacks, floors included. */
interface EngineSetting {
  /** PULUMI_SKIP_CHECKPOINTS. */
  skipCheckpoints: boolean;
  /** PULUMI_PARALLEL; undefined: the engine's default (4 × cores). */
  parallel?: number;
}

/** Every combination of the checkpoint and parallel settings asked for, in the order given. */
function engineSettings(options: Options): EngineSetting[] {
  return options.skipCheckpoints.flatMap((skipCheckpoints) => options.parallel.map((parallel) => ({ skipCheckpoints, parallel })));
}

/**
 * The stacks of one kind under one engine setting: every command of every stack runs with its
 * PULUMI_SKIP_CHECKPOINTS and PULUMI_PARALLEL, and the objects get names of their own ("s" in front
 * when skipped, "q<parallel>" when set), so several settings of one kind run side by side in the emulator.
 */
function subjects(harness: EmulatorHarness, kind: string, n: number, setting: EngineSetting = { skipCheckpoints: false }) {
  const fixture = KIND_FIXTURES[kind];
  const { skipCheckpoints, parallel } = setting;
  const own = `${skipCheckpoints ? "s" : ""}${parallel === undefined ? "" : `q${parallel}`}`;
  const suffix = `${skipCheckpoints ? ", checkpoints skipped" : ""}${parallel === undefined ? "" : `, parallel ${parallel}`}`;
  const env: Record<string, string> = { PULUMI_SKIP_CHECKPOINTS: String(skipCheckpoints) };
  // A wait holds one of the engine's parallel slots: this shows how much of a kind's time is slots held.
  if (parallel !== undefined) env.PULUMI_PARALLEL = String(parallel);
  const created = resourcesConfig(n, (name) => fixture.args(name), `${own}r`);
  const updated = fixture.inPlace ? resourcesConfig(n, (name) => fixture.inPlace!(name), `${own}r`) : null;
  const floor: Subject = {
    label: `floor (${kind} inputs)${suffix}`,
    program: NOOP_PROGRAM,
    // The floor's resources declare the kind's outputs too: what the SDK spends on a declared output
    // in the program's process is not ours.
    config: { "bench:outputs": JSON.stringify(CLASS_INFO[kind].outputs) },
    resources: created,
    updated,
    harness,
    countRequests: false,
    env,
  };
  const ofKind = (waitForSync: boolean): Subject => ({
    label: `${kind} (waitForSync ${waitForSync})${suffix}`,
    program: KIND_PROGRAM,
    config: { ...harness.stackConfig(), "runai:waitForSync": String(waitForSync), "bench:type": kind },
    resources: created,
    updated,
    harness,
    countRequests: true,
    env,
  });
  const pluginFloor: Subject = { ...floor, label: `plugin floor (${kind} inputs)${suffix}`, program: NOOP_PLUGIN_PROGRAM };
  // Its own object names: two stacks of one kind must not collide in the emulator.
  const ofKindPlugin = (waitForSync: boolean): Subject => ({
    label: `${kind} via the plugin (waitForSync ${waitForSync})${suffix}`,
    program: KIND_PLUGIN_PROGRAM,
    config: {
      ...harness.stackConfig(),
      "runai:waitForSync": String(waitForSync),
      "bench:type": kind,
    },
    resources: resourcesConfig(n, (name) => fixture.args(name), `${own}p`),
    updated: fixture.inPlace ? resourcesConfig(n, (name) => fixture.inPlace!(name), `${own}p`) : null,
    harness,
    countRequests: true,
    env,
  });
  return { floor, ofKind, pluginFloor, ofKindPlugin };
}

function scalingPoint(n: number, host: ScalingPoint["host"], setting: EngineSetting, base: Lifecycle, mine: Lifecycle): ScalingPoint {
  const up = mine.phases.up!;
  const refresh = mine.phases.refresh!;
  const floorUp = base.phases.up!;
  return {
    n,
    host,
    skipCheckpoints: setting.skipCheckpoints,
    parallel: setting.parallel ?? null,
    upSeconds: up.seconds,
    upMsPerResource: round((up.seconds * 1000) / n, 2),
    refreshSeconds: refresh.seconds,
    floorUpSeconds: floorUp.seconds,
    floorUpMsPerResource: round((floorUp.seconds * 1000) / n, 2),
    floorRefreshSeconds: base.phases.refresh!.seconds,
    upRatio: round(up.seconds / floorUp.seconds, 3),
    refreshRatio: round(refresh.seconds / base.phases.refresh!.seconds, 3),
    upRequestsPerResource: up.requests!.perResource,
    refreshRequestsPerResource: refresh.requests!.perResource,
    upCpuSeconds: up.cpuSeconds,
    floorUpCpuSeconds: floorUp.cpuSeconds,
    stateBytesPerResource: mine.state!.bytesPerResource,
    floorStateBytesPerResource: base.state!.bytesPerResource,
  };
}

/** One lifecycle's phases and state as ratios to the floor's. */
function against(floor: Lifecycle, measured: Lifecycle): { phases: ComparedPhases; state: ComparedState } {
  const phases: ComparedPhases = {};
  for (const { name } of PHASES) {
    const mine = measured.phases[name];
    const base = floor.phases[name];
    phases[name] = mine && base ? { ...mine, floorSeconds: base.seconds, ratio: round(mine.seconds / base.seconds, 3) } : null;
  }
  const state = measured.state!;
  const floorState = floor.state!;
  return {
    phases,
    state: {
      ...state,
      floorBytesPerResource: floorState.bytesPerResource,
      ratio: round(state.bytesPerResource / floorState.bytesPerResource, 3),
      floorProviderBytes: floorState.providerBytes,
    },
  };
}

/** The lifecycles of one kind and setting (floor, dynamic, then plugin floor and plugin when measured), compared. */
function compare(kind: string, n: number, waitForSync: boolean, setting: EngineSetting, lifecycles: Lifecycle[]): KindResult {
  const [floor, dynamic, pluginFloor, plugin] = lifecycles;
  return {
    kind,
    n,
    waitForSync,
    skipCheckpoints: setting.skipCheckpoints,
    parallel: setting.parallel ?? null,
    ...against(floor, dynamic),
    plugin: plugin ? against(floor, plugin) : null,
    pluginFloor: pluginFloor ? against(floor, pluginFloor) : null,
  };
}

// ---- output ----

function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

const seconds = (s: number) => `${s.toFixed(1)} s`;
const kilobytes = (b: number) => `${(b / 1024).toFixed(1)} KB`;

function requestsCell(requests: Requests | undefined): string {
  if (!requests) return "";
  const methods = Object.entries(requests.perResourceByMethod)
    .sort(([, a], [, b]) => b - a)
    .map(([method, count]) => `${method} ${trim(count)}`);
  return `${trim(requests.perResource)}${methods.length ? ` (${methods.join(", ")})` : ""}`;
}

/** The plugin-backed kind's time over the no-op plugin's, both of one run and one checkpoint setting. */
function toPluginFloor(floor: ComparedPhases[PhaseName], plugin: ComparedPhases[PhaseName]): string {
  return floor && plugin ? (plugin.seconds / floor.seconds).toFixed(2) : "n/a";
}

function printKind(result: KindResult, options: Options): void {
  console.log(
    `\n${result.kind} × ${result.n}, runai:waitForSync ${result.waitForSync}, PULUMI_SKIP_CHECKPOINTS ${result.skipCheckpoints}, ` +
      `${parallelText(result.parallel)} ` +
      `(emulator: ${options.latencyMs} ms per request, ${options.syncDelayMs} ms sync delay)`,
  );
  const { plugin, pluginFloor } = result;
  const headers = ["phase", "no-op floor", result.kind, "ratio"];
  if (plugin && pluginFloor) headers.push("no-op plugin", "ratio", `${result.kind} (plugin)`, "ratio", "to no-op plugin");
  headers.push("HTTP requests per resource", "token requests");
  if (plugin) headers.push("HTTP requests per resource (plugin)", "token requests (plugin)");
  printTable(
    headers,
    PHASES.map(({ name, label }) => {
      const phase = result.phases[name];
      const others = plugin && pluginFloor ? [pluginFloor.phases[name], plugin.phases[name]] : [];
      const timing = (p: ComparedPhases[PhaseName]) => (p ? [seconds(p.seconds), p.ratio.toFixed(2)] : ["n/a", "n/a"]);
      const requests = (p: ComparedPhases[PhaseName]) => (p ? [requestsCell(p.requests), String(p.requests?.token ?? "")] : ["n/a", "n/a"]);
      return [
        label,
        phase ? seconds(phase.floorSeconds) : "n/a",
        ...timing(phase),
        ...others.flatMap(timing),
        ...(plugin && pluginFloor ? [toPluginFloor(pluginFloor.phases[name], plugin.phases[name])] : []),
        ...requests(phase),
        ...(plugin ? requests(plugin.phases[name]) : []),
      ];
    }),
  );
  if (plugin && pluginFloor) printPluginCpu(result.kind, pluginFloor.phases, plugin.phases);
  const stateLine = (host: string, s: ComparedState) =>
    `state per resource (${host}): ${kilobytes(s.bytesPerResource)} against ${kilobytes(s.floorBytesPerResource)} per no-op resource ` +
    `(${s.ratio.toFixed(2)}×; inputs ${kilobytes(s.inputsBytesPerResource)}, outputs ${kilobytes(s.outputsBytesPerResource)}); ` +
    `__provider ${kilobytes(s.providerBytes)} (no-op ${kilobytes(s.floorProviderBytes)})`;
  console.log(stateLine("dynamic", result.state));
  if (plugin) console.log(stateLine("plugin", plugin.state));
  if (pluginFloor) console.log(stateLine("no-op plugin", pluginFloor.state));
}

/**
 * Where the plugin host's time goes on two cores: CPU seconds of the CLI and everything under it, and
 * of the emulator answering, for the no-op plugin and the plugin-backed kind. The no-op plugin makes
 * no requests, so the emulator's column is work only the kind pays.
 */
function printPluginCpu(kind: string, floor: ComparedPhases, plugin: ComparedPhases): void {
  const cpu = (s: number | undefined) => (s === undefined ? "n/a" : `${s.toFixed(2)} s`);
  console.log(`\nCPU seconds of the plugin host (${kind}), median of the samples:`);
  printTable(
    [
      "phase",
      "no-op plugin: CLI and processes under it",
      "emulator",
      `${kind} (plugin): CLI and processes under it`,
      "emulator",
      "ratio of the sums",
    ],
    PHASES.map(({ name, label }) => {
      const f = floor[name];
      const p = plugin[name];
      const sum = (r: NonNullable<ComparedPhases[PhaseName]>) => (r.cpuSeconds ?? 0) + r.emulatorCpuSeconds;
      return [
        label,
        cpu(f?.cpuSeconds),
        cpu(f?.emulatorCpuSeconds),
        cpu(p?.cpuSeconds),
        cpu(p?.emulatorCpuSeconds),
        f && p && f.cpuSeconds !== undefined && sum(f) > 0 ? (sum(p) / sum(f)).toFixed(2) : "n/a",
      ];
    }),
  );
}

/** "parallel 32", or the engine's default. */
function parallelText(parallel: number | null): string {
  return parallel === null ? `parallel: engine default (${4 * os.cpus().length})` : `parallel ${parallel}`;
}

function printScaling(kind: string, waitForSync: boolean, points: ScalingPoint[]): void {
  console.log(
    `\nScaling: ${kind}, runai:waitForSync ${waitForSync}, \`up\` (create) and \`refresh\`; each host against its own no-op floor`,
  );
  const cpu = (s: number | undefined) => (s === undefined ? "n/a" : seconds(s));
  printTable(
    [
      "N",
      "host",
      "checkpoints",
      "parallel",
      "up",
      "per resource",
      "floor up",
      "floor per resource",
      "up ratio",
      "up CPU",
      "floor up CPU",
      "refresh",
      "floor refresh",
      "refresh ratio",
      "state per resource",
      "floor state per resource",
    ],
    points.map((p) => [
      String(p.n),
      p.host,
      p.skipCheckpoints ? "skipped" : "kept",
      p.parallel === null ? `default (${4 * os.cpus().length})` : String(p.parallel),
      seconds(p.upSeconds),
      `${p.upMsPerResource.toFixed(1)} ms`,
      seconds(p.floorUpSeconds),
      `${p.floorUpMsPerResource.toFixed(1)} ms`,
      p.upRatio.toFixed(2),
      cpu(p.upCpuSeconds),
      cpu(p.floorUpCpuSeconds),
      seconds(p.refreshSeconds),
      seconds(p.floorRefreshSeconds),
      p.refreshRatio.toFixed(2),
      kilobytes(p.stateBytesPerResource),
      kilobytes(p.floorStateBytesPerResource),
    ]),
  );
}

function progress(text: string): void {
  process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${text}\n`);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** A count without trailing zeros: 4, 3.5, 0.005. */
function trim(value: number): string {
  return String(round(value, 2));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : round((sorted[middle - 1] + sorted[middle]) / 2, 3);
}

function pulumiBinDir(): string {
  if (process.env.PULUMI_BIN_DIR) return process.env.PULUMI_BIN_DIR;
  const output = execFileSync("bash", [path.join(repoRoot, "scripts/ensure-pulumi.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const dir = output.trim().split("\n").pop()!;
  process.env.PULUMI_BIN_DIR = dir;
  return dir;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const binDir = pulumiBinDir();
  const pulumiVersion = execFileSync(path.join(binDir, "pulumi"), ["version"], { encoding: "utf8" }).trim();
  if (!fs.existsSync(path.join(repoRoot, "dist/index.js"))) throw new UsageError("dist/ is missing: run `npm run build` first");

  const report = {
    machine: {
      pulumi: pulumiVersion,
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
      loadAverageAtEnd: [] as number[],
    },
    startedAt: new Date().toISOString(),
    finishedAt: "",
    options: { ...options, json: undefined },
    kinds: [] as KindResult[],
    scaling: null as null | { kind: string; waitForSync: boolean; points: ScalingPoint[] },
  };
  const save = () => {
    fs.mkdirSync(path.dirname(options.json), { recursive: true });
    fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  };

  const faults = options.latencyMs > 0 ? [{ latencyMs: options.latencyMs }] : [];
  const harness = await EmulatorHarness.start({ quiet: true, syncDelayMs: options.syncDelayMs, faults });
  /** Back to the seed and the fixtures, with the latency: what a scaling point's stacks left goes. */
  const resetEmulator = async () => {
    await harness.reset();
    await harness.setFaults(faults);
    await prepareFixtures(harness);
  };
  try {
    await prepareFixtures(harness);
    console.log(
      `Engine benchmark: ${pulumiVersion}, Node ${process.version}, ${report.machine.cpus} CPUs; ` +
        `N = ${options.n}; emulator latency ${options.latencyMs} ms, sync delay ${options.syncDelayMs} ms`,
    );
    const allPhases = PHASES.map((p) => p.name);
    for (const kind of options.kinds) {
      for (const waitForSync of options.waitForSync) {
        // One group of subjects per engine setting, all in one interleaved run; each group is
        // compared with its own floors.
        const settings = engineSettings(options);
        const groups = settings.map((setting) => {
          const { floor, ofKind, pluginFloor, ofKindPlugin } = subjects(harness, kind, options.n, setting);
          return [floor, ofKind(waitForSync), ...(options.plugin ? [pluginFloor, ofKindPlugin(waitForSync)] : [])];
        });
        const group = groups[0];
        const run = groups.flat();
        const lifecycles = await measure(run, options.n, allPhases, options.repeat, options.readSamples, options.profile);
        for (const [i, setting] of settings.entries()) {
          const result = compare(kind, options.n, waitForSync, setting, lifecycles.slice(i * group.length, (i + 1) * group.length));
          report.kinds.push(result);
          printKind(result, options);
        }
        save();
      }
    }

    if (options.scaling.length > 0) {
      const waitForSync = options.waitForSync[0];
      const points: ScalingPoint[] = [];
      report.scaling = { kind: options.scalingKind, waitForSync, points };
      for (const n of options.scaling) {
        // Every engine setting of one N in one interleaved run, both hosts unless --plugin false.
        const settings = engineSettings(options);
        const groups = settings.map((setting) => {
          const { floor, ofKind, pluginFloor, ofKindPlugin } = subjects(harness, options.scalingKind, n, setting);
          return [floor, ofKind(waitForSync), ...(options.plugin ? [pluginFloor, ofKindPlugin(waitForSync)] : [])];
        });
        const size = groups[0].length;
        const phases: PhaseName[] = ["up", "refresh"];
        const lifecycles = await measure(groups.flat(), n, phases, options.repeat, options.readSamples);
        for (const [i, setting] of settings.entries()) {
          const [floor, dynamic, pluginFloor, plugin] = lifecycles.slice(i * size, (i + 1) * size);
          points.push(scalingPoint(n, "dynamic", setting, floor, dynamic));
          if (plugin) points.push(scalingPoint(n, "plugin", setting, pluginFloor, plugin));
        }
        await resetEmulator();
        save();
      }
      printScaling(options.scalingKind, waitForSync, points);
    }
  } finally {
    await harness.stop();
    report.finishedAt = new Date().toISOString();
    report.machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
    save();
  }
  console.log(`\nJSON: ${path.relative(process.cwd(), options.json) || options.json}`);
}

process.once("SIGINT", () => {
  for (const stack of liveStacks) fs.rmSync(stack.tempDir, { recursive: true, force: true });
  process.exit(130);
});

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`bench:engine: ${err.message}`);
    process.exitCode = 2;
  } else if (err instanceof PulumiCommandError) {
    // The whole output of the failed command: what the engine and the provider said.
    console.error(`bench:engine: ${err.message}`);
    process.exitCode = 1;
  } else {
    console.error("bench:engine:", err);
    process.exitCode = 1;
  }
});
