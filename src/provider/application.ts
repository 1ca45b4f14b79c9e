// The Application provider: Run:ai API clients (`/api/v1/apps`) whose secret is known only at the
// moment it is created or regenerated.
//
// Secrets: the engine strips secret wrappers before calling us, so everything here is plaintext, and
// the `secret` output is encrypted in state only because the resource class declares it in
// `additionalSecretOutputs` (returning `pulumi.secret()` from a dynamic provider fails). Hence:
// the secret never appears in an error message, a log line or anything but the `secret` output.
//
// Drift: refresh calls `read`, then `diff(refreshedOutputs, programInputs)`. The outputs carry the
// user-owned fields (name, enabled, rotateWhenChanged) in the input shape; server-managed fields
// (clientId, createdAt, createdBy, lastLogin) and the secret never cause a diff.
import type * as pulumi from "@pulumi/pulumi";
import { RunaiConflictError, RunaiNotFoundError } from "../client";
import type { RunaiClient } from "../client";
import { APPLICATION_NAME_PATTERN } from "../schemas/application";
import type { Application } from "../schemas/application";
import { clientFor } from "./client-cache";
import { resolveSettings } from "./config";
import { resourceInitFailed } from "./init-failure";
import { deepEqual, stripNulls } from "./normalize";
import { containsUnknown, Failures, isUnknown } from "./validation";
import type { CheckFailure } from "./validation";

/** The checked inputs (after `check`, `enabled` is always set). */
export interface ApplicationInputs {
  name: string;
  enabled?: boolean;
  rotateWhenChanged?: Record<string, string>;
  adoptExisting?: boolean;
}

/** The outputs, as stored in state (the resource id is the application id). */
export interface ApplicationOutputs {
  name: string;
  enabled: boolean;
  clientId: string;
  /** Encrypted in state through the resource class's `additionalSecretOutputs`. */
  secret?: string;
  createdAt?: string;
  createdBy?: string;
  lastLogin?: string;
  rotateWhenChanged?: Record<string, string>;
  adoptExisting?: boolean;
}

type Props = Record<string, unknown>;

export const NAME_RULE =
  `must match ${APPLICATION_NAME_PATTERN.source} ` +
  '(lowercase letters, digits, "-" and "_", starting with a letter and ending with a letter or digit, at least 2 characters long)';

export const applicationProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: unknown, news: Props) {
    return { inputs: withDefaults(news), failures: checkApplication(news) };
  },

  async diff(_id: string, olds: Props, news: Props) {
    return diffApplication(olds, news);
  },

  async create(inputs: Props) {
    const wanted = inputs as unknown as ApplicationInputs;
    const client = clientFor(resolveSettings().client);
    const { id, secret, known } = await createOrAdopt(client, wanted);
    try {
      const app = await ensureEnabled(client, id, wanted.enabled ?? true);
      return { id, outs: toOutputs(app, secret, wanted) };
    } catch (err) {
      // The application exists and its secret exists nowhere else: keep both in state, with the error.
      throw partialFailure(err, id, { ...known, secret }, wanted, inputs.__provider);
    }
  },

  async read(id: string, props: Props) {
    const client = clientFor(resolveSettings().client);
    let app: Application;
    try {
      app = await client.apps.get(id);
    } catch (err) {
      if (err instanceof RunaiNotFoundError) return {}; // gone: refresh drops it from state
      throw err;
    }
    // The API never returns the secret again: the one in state is still the valid one (unless someone
    // regenerated it out of band, which nothing can detect). No `inputs`: drift must stay a diff.
    const secret = typeof props.secret === "string" ? props.secret : undefined;
    return { id, props: toOutputs(app, secret, props as Partial<ApplicationInputs>) };
  },

  async update(id: string, olds: Props, news: Props) {
    const wanted = news as unknown as ApplicationInputs;
    const client = clientFor(resolveSettings().client);
    const enabled = wanted.enabled ?? true;
    if (olds.enabled !== enabled) await client.apps.setEnabled(id, enabled);

    let secret = typeof olds.secret === "string" ? olds.secret : undefined;
    if (rotationRequested(olds, news)) {
      secret = (await client.apps.regenerateSecret(id)).secret;
      try {
        const app = await client.apps.get(id);
        return { outs: toOutputs(app, secret, wanted) };
      } catch (err) {
        // The old secret is revoked already: the new one must reach state even though this failed.
        const known = { ...(olds as Partial<ApplicationOutputs>), enabled, secret };
        throw partialFailure(err, id, known, wanted, news.__provider);
      }
    }
    const app = await client.apps.get(id);
    return { outs: toOutputs(app, secret, wanted) };
  },

  async delete(id: string) {
    const client = clientFor(resolveSettings().client);
    try {
      await client.apps.delete(id);
    } catch (err) {
      if (err instanceof RunaiNotFoundError) return; // already gone is what we wanted
      throw err;
    }
  },
};

/** `enabled` defaults to true: an application managed here is enabled unless the program says otherwise. */
function withDefaults(news: Props): Props {
  return news.enabled === undefined ? { ...news, enabled: true } : news;
}

/** Every problem at once; values still unknown during a preview are not judged. */
export function checkApplication(news: Props): CheckFailure[] {
  const failures = new Failures(news);
  const name = news.name;
  if (name === undefined || name === null) failures.add(["name"], "is required");
  else if (typeof name !== "string") failures.add(["name"], "must be a string");
  else if (!APPLICATION_NAME_PATTERN.test(name)) failures.add(["name"], `${NAME_RULE}, got ${JSON.stringify(name)}`);

  if (news.enabled !== undefined && typeof news.enabled !== "boolean") failures.add(["enabled"], "must be true or false");
  if (news.adoptExisting !== undefined && typeof news.adoptExisting !== "boolean") {
    failures.add(["adoptExisting"], "must be true or false");
  }

  const rotate = news.rotateWhenChanged;
  if (rotate !== undefined && !isUnknown(rotate)) {
    if (rotate === null || typeof rotate !== "object" || Array.isArray(rotate)) {
      failures.add(["rotateWhenChanged"], "must be an object whose values are strings");
    } else {
      for (const [key, value] of Object.entries(rotate)) {
        // Values are not quoted back: they may be secrets the program hashes into a rotation trigger.
        if (typeof value !== "string") failures.add(["rotateWhenChanged", key], "must be a string");
      }
    }
  }
  return failures.list;
}

/**
 * name → replace (delete first: names are unique); enabled → PATCH in place; rotateWhenChanged →
 * regenerate the secret in place. An unknown (preview) value counts as a change.
 */
export function diffApplication(olds: Props, news: Props): pulumi.dynamic.DiffResult {
  const replaces = differs(olds.name, news.name) ? ["name"] : [];
  const updates: string[] = [];
  if (differs(olds.enabled ?? true, news.enabled ?? true)) updates.push("enabled");
  if (rotationRequested(olds, news)) updates.push("rotateWhenChanged");
  return {
    changes: replaces.length > 0 || updates.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0,
  };
}

function differs(old: unknown, wanted: unknown): boolean {
  return containsUnknown(wanted) || !deepEqual(old, wanted);
}

/** A missing map, `null` and `{}` all mean "no trigger"; any other difference rotates. */
function rotationRequested(olds: Props, news: Props): boolean {
  const canonical = (value: unknown) => stripNulls(value ?? {});
  return differs(canonical(olds.rotateWhenChanged), canonical(news.rotateWhenChanged));
}

interface Obtained {
  id: string;
  secret: string;
  /** What we know of the application so far, for a partial-failure state. */
  known: Partial<ApplicationOutputs>;
}

async function createOrAdopt(client: RunaiClient, wanted: ApplicationInputs): Promise<Obtained> {
  try {
    const created = await client.apps.create({ name: wanted.name });
    const known = { name: created.name, clientId: created.clientId ?? created.name, enabled: true };
    return { id: created.id, secret: created.secret, known };
  } catch (err) {
    if (!(err instanceof RunaiConflictError)) throw err;
    const existing = await client.apps.findByName(wanted.name);
    if (!existing) throw err;
    if (!wanted.adoptExisting) {
      throw new Error(
        `application name "${wanted.name}" is already taken (application id ${existing.id}), by an application this stack does not manage. ` +
          "Set adoptExisting: true to take it over (its secret is then regenerated once, since Run:ai never returns an existing secret), " +
          "or choose another name.",
      );
    }
    // Its current secret cannot be read back: regenerating is the only way to hold a working one.
    const { secret } = await client.apps.regenerateSecret(existing.id);
    const known = { name: existing.name, clientId: existing.clientId, enabled: existing.enabled };
    return { id: existing.id, secret, known };
  }
}

/** Reads the application and PATCHes `enabled` when it differs (PATCH answers without a body). */
async function ensureEnabled(client: RunaiClient, id: string, enabled: boolean): Promise<Application> {
  const app = await client.apps.get(id);
  if (app.enabled === enabled) return app;
  await client.apps.setEnabled(id, enabled);
  return { ...app, enabled };
}

/** Plain JSON (no undefined, no null): the server's view plus the secret and the carried inputs. */
export function toOutputs(app: Application, secret: string | undefined, carried: Partial<ApplicationInputs>): ApplicationOutputs {
  const outs: ApplicationOutputs = stripNulls({
    name: app.name,
    enabled: app.enabled,
    clientId: app.clientId,
    secret,
    createdAt: app.createdAt ?? undefined,
    createdBy: app.createdBy,
    lastLogin: app.lastLogin ?? undefined,
  });
  if (carried.rotateWhenChanged && typeof carried.rotateWhenChanged === "object") {
    outs.rotateWhenChanged = stripNulls(carried.rotateWhenChanged);
  }
  if (typeof carried.adoptExisting === "boolean") outs.adoptExisting = carried.adoptExisting;
  return JSON.parse(JSON.stringify(outs)) as ApplicationOutputs;
}

/**
 * The host turns an error carrying `id`/`properties`/`reasons` into ErrorResourceInitFailed: the
 * resource stays in state with these outputs (the secret included, still encrypted through
 * `additionalSecretOutputs`) and the next `up` updates it. `properties` must carry `__provider`.
 */
function partialFailure(err: unknown, id: string, known: Partial<ApplicationOutputs>, wanted: ApplicationInputs, provider: unknown): Error {
  const properties: Props = stripNulls({ ...known, name: known.name ?? wanted.name });
  if (wanted.rotateWhenChanged) properties.rotateWhenChanged = stripNulls(wanted.rotateWhenChanged);
  if (typeof wanted.adoptExisting === "boolean") properties.adoptExisting = wanted.adoptExisting;
  return resourceInitFailed(err, id, properties, provider);
}
