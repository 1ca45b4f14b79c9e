// The resource adapter: the single implementation of the dynamic-provider contract (check, diff,
// create, read, update, delete) for every kind, parameterised by a kind definition (kind.ts).
//
// It owns what every kind shares: aggregated check failures, diff by field class, create with
// adoption (409 → look up by natural key → refuse or adopt), read with 404 = gone, delete with
// 404 = done, waits for sync and deletion, outputs as plain JSON in the input shape, and the engine's
// init-failure contract (an object that exists stays in state, with the error).
import type * as pulumi from "@pulumi/pulumi";
import { RunaiConflictError, RunaiError, RunaiNotFoundError } from "../client/errors";
import { checkInputs } from "./check";
import { lazyContext } from "./context";
import type { ProviderContext } from "./context";
import { changedFields, diffInputs } from "./diff";
import { NotManagedError, RunaiProviderError } from "./errors";
import { explainSettingsFailure } from "./credential-check";
import { reportedByEngine } from "./engine-reported";
import { resourceInitFailed } from "./init-failure";
import { recoveryOncePerProcess } from "./interrupted-run";
import { isPlaceholderId, mayHaveCreated, removeUnconfirmed, unconfirmedCreate } from "./unconfirmed-create";
import { outputsReturnedOnce, PartialWriteError } from "./kind";
import type { Json, ResourceKind } from "./kind";
import { carryInput, stripNulls } from "./normalize";
import { waitForDeletion, waitForSync } from "./sync";
import { checkScopes, MISSING_SCOPE, missingScope, withMissingScopeReplaced } from "./scopes";
import { duplicateFailure, takeDeclaration, UniqueClaims } from "./unique-claims";
import { Failures, valueAt } from "./validation";
import { warn } from "./warnings";

/** A dynamic provider with the `configure` the engine calls once per provider process (@pulumi/pulumi ≥ 3.139). */
export type DynamicProvider = pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
};

export function dynamicProvider<T, I extends object>(kind: ResourceKind<T, I>): DynamicProvider {
  // Engines without configure() never call it: the environment alone configures the provider then.
  let context = lazyContext(undefined);
  // Which resource of this deployment holds which unique key (one provider process per deployment).
  let claims = new UniqueClaims();
  const ops = kind.operations;
  const outputs = (object: T, inputs: Json, previous?: Json) => plainOutputs(kind, object, inputs, previous, true);

  return withExplainedRefusals({
    async configure(req) {
      context = lazyContext(req.config);
      claims = new UniqueClaims();
    },

    async check(olds: Json | undefined, declared: Json) {
      // Which resource asks, for the unique keys; it never reaches the inputs returned (see unique-claims.ts).
      const { inputs: news, declaration } = takeDeclaration(declared);
      const checked = checkInputs(kind, news, olds);
      const unique = declaration && kind.identity.uniqueKey?.(checked.inputs);
      const duplicate = declaration && duplicateFailure(claims, unique, declaration, checked.inputs);
      if (duplicate) checked.failures.push(duplicate);
      // The settings and credentials first (once per process): the engine stops a preview at the
      // first failing check, so a bad setting is reported once, before anything is written.
      let ctx: ProviderContext;
      try {
        ctx = await context.verified();
      } catch (err) {
        if (!(err instanceof RunaiProviderError || err instanceof RunaiError)) throw err;
        return { inputs: checked.inputs, failures: [{ property: "", reason: err.message }, ...checked.failures] };
      }
      // Scope ids are checked along with the static rules (every problem at once); names are resolved
      // only once the inputs pass those rules.
      const resolve = checked.failures.length === 0 ? kind.references?.resolve : undefined;
      if (!resolve && !kind.references?.scopeRefs) return checked;
      const found = new Failures(news);
      const failures = () => [...checked.failures, ...found.list];
      try {
        await checkScopes(ctx, kind, checked.inputs, found, checked.failures);
        const inputs = resolve ? await resolve(ctx, checked.inputs, found) : checked.inputs;
        return { inputs, failures: failures() };
      } catch (err) {
        // Run:ai could not be asked (it answered 5xx past the retries, say): the message alone, as a failure.
        if (!(err instanceof RunaiProviderError || err instanceof RunaiError)) throw err;
        return { inputs: checked.inputs, failures: [...failures(), { property: "", reason: err.message }] };
      }
    },

    async diff(id: string, olds: Json, news: Json) {
      // A create Run:ai never confirmed: replaced delete-first (see unconfirmed-create.ts).
      if (isPlaceholderId(id))
        return { changes: true, replaces: [Object.keys(news).find((key) => key !== "__provider") ?? "id"], deleteBeforeReplace: true };
      return withMissingScopeReplaced(kind, olds, diffInputs(kind, olds, news));
    },

    async create(inputs: Json) {
      const ctx = context();
      const startedAt = new Date();
      const values = asKindInputs(kind, inputs);
      let created: T;
      try {
        created = await createOrAdopt(kind, ctx, values, inputs.adoptExisting);
      } catch (err) {
        if (!mayHaveCreated(err)) throw err;
        throw unconfirmedCreate(err, describeObject(kind, values), inputs, startedAt);
      }
      const id = kind.identity.idOf(created);
      try {
        let object = ops.afterCreate ? await ops.afterCreate(ctx, created, values) : created;
        if (kind.sync && ctx.waitForSync) object = await waitForSync(kind, kind.sync, ctx, object, nameIn(kind, values));
        return { id, outs: outputs(object, inputs) };
      } catch (err) {
        // The object exists: keep it in state (with the error) rather than orphaning it.
        throw resourceInitFailed(err, id, outputs(created, inputs), inputs.__provider);
      }
    },

    async read(id: string, props: Json) {
      if (isPlaceholderId(id)) return { id, props }; // nothing to read until the next up settles it
      let object: T;
      try {
        object = await (ops.readRecent ?? ops.read)(context(), id);
      } catch (err) {
        if (err instanceof RunaiNotFoundError) return {}; // gone: refresh drops it from state
        throw err;
      }
      // No `inputs`: drift must stay a difference between these outputs and the program's inputs.
      const outs = plainOutputs(kind, object, props, props, false);
      // An object left in a scope deleted elsewhere: marked, so refresh reports it and up replaces it.
      const gone = await missingScope(context(), kind, outs);
      if (!gone) return { id, props: outs };
      warn(
        `${describeObject(kind, asKindInputs(kind, outs))} is in ${gone}, which Run:ai no longer has (deleted elsewhere?): the next pulumi up ` +
          `replaces it where the program says, and stops at preview while the program still names ${gone}`,
      );
      return { id, props: { ...outs, [MISSING_SCOPE]: gone } };
    },

    async update(id: string, olds: Json, news: Json) {
      const ctx = context();
      const values = asKindInputs(kind, news);
      let object: T;
      try {
        object = await ops.update(ctx, id, olds, values, changedFields(kind, olds, news));
      } catch (err) {
        if (err instanceof PartialWriteError) throw resourceInitFailed(err.failure, id, outputs(err.known, news, olds), news.__provider);
        throw err;
      }
      if (kind.sync && ctx.waitForSync) object = await waitForSync(kind, kind.sync, ctx, object, nameIn(kind, values));
      return { outs: outputs(object, news, olds) };
    },

    async delete(id: string, props: Json) {
      const ctx = context();
      const values = asKindInputs(kind, props);
      if (isPlaceholderId(id)) return removeUnconfirmed(kind, ctx, values, props, nameIn(kind, values));
      try {
        if ((await ops.delete(ctx, id, values)) === "kept") return;
      } catch (err) {
        if (err instanceof RunaiNotFoundError) return; // already gone is what we wanted
        throw err;
      }
      if (kind.sync && ctx.waitForSync) await waitForDeletion(kind, kind.sync, ctx, id, nameIn(kind, values));
    },
  });
}

/**
 * The one narrowing of the adapter: the engine's values as the kind's inputs. The engine hands create
 * and update what check returned (the schema's shape with references resolved; neither runs with
 * preview unknowns), plus the adapter's own `adoptExisting` and `__provider`; read and delete get
 * outputs, which share the input shape (see ResourceKind.toOutputs). Check sees the program's raw
 * values, so it never narrows.
 */
function asKindInputs<T, I extends object>(_kind: ResourceKind<T, I>, values: Json): I {
  return values as I;
}

/** The engine's operations, each present. */
type EngineOperations = Required<Pick<pulumi.dynamic.ResourceProvider, "check" | "diff" | "create" | "read" | "update" | "delete">>;

/**
 * Every operation reports a refusal of the credentials, or a runai:url it cannot reach, as the
 * settings to fix (see explainSettingsFailure), and a failure a user can cause as its message alone
 * (see engine-reported.ts).
 */
function withExplainedRefusals(provider: Pick<DynamicProvider, "configure"> & EngineOperations): DynamicProvider {
  const explained =
    <A extends unknown[], R>(operation: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      operation(...args).catch((err: unknown) => {
        throw reportedByEngine(explainSettingsFailure(err));
      });
  return {
    configure: provider.configure,
    check: explained(provider.check),
    diff: explained(provider.diff),
    create: explained(provider.create),
    read: explained(provider.read),
    update: explained(provider.update),
    delete: explained(provider.delete),
  };
}

async function createOrAdopt<T, I extends object>(
  kind: ResourceKind<T, I>,
  ctx: ProviderContext,
  inputs: I,
  adoptExisting: unknown,
): Promise<T> {
  const { operations, identity } = kind;
  let existing: T | undefined;
  if (kind.adoption?.findBeforeCreate) existing = await operations.findExisting(ctx, inputs);
  if (existing === undefined) {
    try {
      return await operations.create(ctx, inputs);
    } catch (err) {
      if (!(err instanceof RunaiConflictError)) throw err;
      existing = await operations.findExisting(ctx, inputs);
      if (existing === undefined) throw err;
    }
  }
  // The run-wide switch stands in for a resource that says nothing; an explicit false still wins.
  const adopt = adoptExisting === true || (adoptExisting !== false && ctx.adoptExisting);
  if (!adopt) {
    throw new NotManagedError({
      label: kind.label,
      objectName: nameIn(kind, inputs),
      location: identity.location(inputs),
      existingId: identity.idOf(existing),
      alternative: identity.namePath ? `choose another ${identity.namePath}` : "remove it from this program (it exists already)",
      adoptionNote: kind.adoption?.note,
      created: identity.createdOf?.(existing),
      recovery: recoveryOncePerProcess(),
    });
  }
  return operations.adopt(ctx, existing, inputs);
}

/**
 * The outputs: the server's view in the input shape, the secrets the server never returns again
 * (from the previous outputs), the inputs that are not server state, the kind's record of what the
 * program wrote (from the inputs when `written`, else as previously recorded), and `adoptExisting`.
 * Plain JSON: the engine refuses `undefined`.
 */
function plainOutputs<T, I extends object>(
  kind: ResourceKind<T, I>,
  object: T,
  inputs: Json,
  previous: Json | undefined,
  written: boolean,
): Json {
  const outs = kind.toOutputs(object);
  const record = kind.programRecord;
  if (record && written) Object.assign(outs, record.of(asKindInputs(kind, inputs)));
  else if (record) for (const key of record.keys) outs[key] = previous?.[key];
  for (const key of outputsReturnedOnce(kind)) if (outs[key] === undefined && previous?.[key] !== undefined) outs[key] = previous[key];
  for (const path of kind.writeOnlyInputs ?? []) carryInput(outs, inputs, path);
  if (typeof inputs.adoptExisting === "boolean") outs.adoptExisting = inputs.adoptExisting;
  const plain: Json = JSON.parse(JSON.stringify(stripNulls(outs)));
  return plain;
}

/** E.g. `ConfigMap asset "team-config"` (or the kind's own description of an unnamed object). */
function describeObject<T, I extends object>(kind: ResourceKind<T, I>, values: I): string {
  return kind.identity.namePath ? `${kind.label} "${nameIn(kind, values)}"` : nameIn(kind, values) || kind.label;
}

function nameIn<T, I extends object>(kind: ResourceKind<T, I>, values: I): string {
  const { describe, namePath } = kind.identity;
  if (describe) return describe(values);
  return namePath ? String(valueAt(values, namePath.split(".")) ?? "") : "";
}
