// Shared plumbing of the resource classes: the type-token module, asset inputs, and one serialized
// shim per resource type (so Pulumi serializes each type's provider once per program).
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { serializableShim } from "../provider/shim";
import { warnAboutPlaintextSecrets } from "./plaintext-secrets";
import type { AssetMetaArgs, AssetMetaOutputs, AssetStatusOutputs, ClusterInfoOutputs } from "./generated-types";

/** Type tokens read `pulumi-nodejs:dynamic/runai:<Type>`. */
export const TYPE_MODULE = "runai";

/** A resource's outputs as the properties of its class: each one a `pulumi.Output`, present or not. */
export type OutputProperties<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();
// Undefined when `pulumi-runai` is installed where the program runs (the usual case), so the shim
// text is the same on every machine. Inside this package's own repository (the root demo project)
// it is the implementation's entry file relative to the program directory (see shim.ts).
const entryPath = resolveEntryPath();

function resolveEntryPath(): string | undefined {
  // The provider host loads the shim without a file of its own, so only node_modules directories
  // from the program directory upwards count (not Node's self-reference of a package by its name).
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "node_modules", "pulumi-runai", "package.json"))) return undefined;
    if (path.dirname(dir) === dir) break;
  }
  return path.relative(process.cwd(), path.resolve(__dirname, "../../dist/provider/index.js"));
}

/** The provider object for a resource type: a shim that becomes the real provider when loaded (see shim.ts). */
export function providerShim(resourceType: string): pulumi.dynamic.ResourceProvider {
  warnAboutPlaintextSecrets();
  let shim = shims.get(resourceType);
  if (!shim) {
    shim = serializableShim(resourceType, entryPath) as unknown as pulumi.dynamic.ResourceProvider;
    shims.set(resourceType, shim);
  }
  return shim;
}

/** The arguments of every asset resource; kinds differ only in their spec (each kind's `<Kind>Args` is one of these). */
export interface AssetArgs<SpecArgs> {
  /** Name (defaults to the resource name), description, and the creation-only scope fields. */
  meta: AssetMetaArgs;
  /** The kind's spec, updated in place as a whole. */
  spec: pulumi.Input<SpecArgs>;
  /** Take over an existing asset with the same name and scope instead of failing with "already exists". */
  adoptExisting?: pulumi.Input<boolean>;
}

/**
 * What every asset resource declares; kinds differ in their spec (and some in their secret fields).
 * Not exported from the package: each kind's class extends it.
 */
export abstract class AssetResource<SpecOutputs> extends pulumi.dynamic.Resource {
  /** Name, description, the scope fields, and the read-only ones Run:ai adds. */
  declare readonly meta: pulumi.Output<AssetMetaOutputs>;
  declare readonly spec: pulumi.Output<SpecOutputs>;
  /** The sync status; empty for the kinds Run:ai reports none for (compute, NFS, host path). */
  declare readonly status: pulumi.Output<AssetStatusOutputs>;
  /** PVCs and credentials: the Kubernetes objects Run:ai created for the asset. */
  declare readonly clusterInfo: pulumi.Output<ClusterInfoOutputs | undefined>;

  protected constructor(
    resourceType: string,
    name: string,
    args: AssetArgs<unknown>,
    opts?: pulumi.CustomResourceOptions,
    secretFields: readonly string[] = [],
  ) {
    super(providerShim(resourceType), name, assetInputs(name, args, secretFields), opts, TYPE_MODULE, resourceType);
  }
}

/**
 * The resource inputs of an asset: meta with its name defaulted to the resource name, and the
 * contract's secret fields wrapped as Pulumi secrets, so that state holds them encrypted even when
 * the program passed plain strings (the engine then keeps the matching outputs secret too).
 */
export function assetInputs(name: string, args: AssetArgs<unknown>, secretFields: readonly string[] = []) {
  if (!args || !args.meta) throw new Error(`${name}: "meta" is required (at least meta.scope and its scope id)`);
  return {
    meta: { ...args.meta, name: args.meta.name ?? name },
    spec: withSecrets(args.spec, secretFields),
    adoptExisting: args.adoptExisting,
    // Outputs only: named so that the classes that declare them have them (undefined is not sent).
    status: undefined,
    clusterInfo: undefined,
  };
}

/** The spec with each secret field (`a.b`, or `a[].b` for every element of list `a`) wrapped in `pulumi.secret`. */
function withSecrets(spec: unknown, fields: readonly string[]): unknown {
  return fields.reduce((value, field) => secretAt(value, field.split(".")), spec);
}

function secretAt(value: unknown, parts: string[]): unknown {
  if (value === undefined || value === null) return value;
  if (parts.length === 0) return pulumi.secret(value);
  // Not a literal to look into (an Output or a promise of the whole object or list): all of it is secret.
  if (!isLiteralObject(value)) return pulumi.secret(value);
  const [head, ...rest] = parts;
  const key = head.endsWith("[]") ? head.slice(0, -2) : head;
  const inner = (value as Record<string, unknown>)[key];
  if (inner === undefined || inner === null) return value;
  if (!head.endsWith("[]")) return { ...value, [key]: secretAt(inner, rest) };
  if (!Array.isArray(inner)) return { ...value, [key]: pulumi.secret(inner) };
  return { ...value, [key]: inner.map((element) => secretAt(element, rest)) };
}

function isLiteralObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}
