// What the resource classes of both hosts call (they are generated, scripts/gen-classes.ts, and
// hold no logic): the type-token module, one serialized shim per resource type (so Pulumi
// serializes each type's provider once per program), and the resource inputs and options of every
// kind, from what the generator wrote of it (generated-class-info.ts). Internal, apart from the
// types the package exports (AssetArgs, ApplicationCredentials).
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { serializableShim } from "../provider/shim";
import { DECLARED_BY } from "../provider/unique-claims";
import type { Declaration } from "../provider/unique-claims";
import { CLASS_INFO } from "./generated-class-info";
import type { AssetMetaArgs } from "./generated-types";
import { warnAboutPlaintextSecrets } from "./plaintext-secrets";

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

/** What another program or provider needs to authenticate as an application. */
export interface ApplicationCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The resource inputs of a resource class (generated-*classes.ts, both hosts): every output named
 * (as undefined, which is not sent, so that the resource object has a property for it), then the
 * arguments, the name defaulted to the resource name, and the kind's secret inputs wrapped as Pulumi
 * secrets, so that state holds them encrypted even when the program passed plain strings (the
 * engine then keeps the matching outputs secret too).
 */
export function classInputs(resourceType: string, name: string, args: object | undefined): pulumi.Inputs {
  const info = CLASS_INFO[resourceType];
  const given = (args ?? {}) as Record<string, unknown>;
  const inputs: Record<string, unknown> = { ...Object.fromEntries(info.outputs.map((key) => [key, undefined])), ...given };
  const [holder, key] = info.namePath?.includes(".") ? info.namePath.split(".") : [undefined, info.namePath];
  if (key === undefined) return withSecrets(inputs, info.secretInputs) as pulumi.Inputs;
  if (holder !== undefined) {
    // An asset's meta: read when the resource is declared (never an Output), to default its name.
    const held = given[holder] as Record<string, unknown> | undefined;
    if (!held) throw new Error(`${name}: "${holder}" is required (at least ${holder}.scope and its scope id)`);
    inputs[holder] = { ...held, [key]: held[key] ?? name };
  } else {
    if (!args && info.required.length > 0) throw new Error(`${name}: arguments are required (at least ${info.required.join(", ")})`);
    inputs[key] = given[key] ?? name;
  }
  return withSecrets(inputs, info.secretInputs) as pulumi.Inputs;
}

/**
 * The resource inputs of a dynamic resource class: `classInputs`, and which resource this is, for the
 * check that refuses two resources owning one Run:ai object (provider/unique-claims.ts), which takes
 * it out again before anything is stored. Resource names are unique per type in a program, so the
 * name tells resources apart; children of two components that share a name (told apart by their
 * parents' URNs, which a class cannot read before it registers) count as one and are not compared.
 */
export function dynamicClassInputs(resourceType: string, name: string, args: object | undefined): pulumi.Inputs {
  const declaration: Declaration = { id: name, name };
  return { ...classInputs(resourceType, name, args), [DECLARED_BY]: declaration };
}

/** The options with the outputs the server makes up that are secret (an application's secret) marked secret: the only thing that encrypts them in state. */
export function classOptions<T extends pulumi.CustomResourceOptions>(resourceType: string, opts: T | undefined): T | undefined {
  const secrets = CLASS_INFO[resourceType].secretOutputs;
  if (secrets.length === 0) return opts;
  return { ...opts, additionalSecretOutputs: [...secrets, ...(opts?.additionalSecretOutputs ?? [])] } as T;
}

/** `{ clientId, clientSecret }` of an application as one secret Output. */
export function applicationCredentials(app: {
  clientId: pulumi.Output<string | undefined>;
  secret: pulumi.Output<string | undefined>;
}): pulumi.Output<ApplicationCredentials> {
  // Both are known once the application exists (the secret unless it was adopted or imported).
  return pulumi.secret(
    pulumi.all([app.clientId, app.secret]).apply(([clientId, clientSecret]) => ({ clientId, clientSecret }) as ApplicationCredentials),
  );
}

/** The inputs with each secret field (`a.b`, or `a[].b` for every element of list `a`) wrapped in `pulumi.secret`. */
function withSecrets(inputs: unknown, fields: readonly string[]): unknown {
  return fields.reduce((value, field) => secretAt(value, field.split(".")), inputs);
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
