// Applications (`/api/v1/apps`): Run:ai API clients whose secret is known only at the moment it is
// created or regenerated.
//
// Secrets: the engine strips secret wrappers before calling us, so everything here is plaintext, and
// the `secret` output is encrypted in state only because the resource class declares it in
// `additionalSecretOutputs` (returning `pulumi.secret()` from a dynamic provider fails). Hence the
// secret never appears in an error message, a log line or anything but the `secret` output; the API
// never returns it again, so the adapter carries it over from the previous outputs (`secrets.outputs`).
import type { RunaiClient } from "../../client";
import type { Application } from "../../schemas/application";
import { ApplicationInputs } from "../../schemas/application";
import type { ResourceKind } from "../kind";
import { PartialWriteError } from "../kind";
import { uniqueKeyOf } from "../unique-claims";

/** An application as the provider handles it: the API's view, plus the secret when a call obtained one. */
export type ApplicationObject = Pick<Application, "id" | "name" | "clientId" | "enabled"> &
  Partial<Omit<Application, "id" | "name" | "clientId" | "enabled">> & { secret?: string };

const enabledIn = (inputs: ApplicationInputs): boolean => inputs.enabled !== false;

export const applicationKind: ResourceKind<ApplicationObject, ApplicationInputs> = {
  type: "Application",
  label: "Application",
  inputSchema: ApplicationInputs,
  // An application managed here is enabled unless the program says otherwise.
  inputDefaults: { enabled: true },
  // Renaming is impossible (the name is the client id): a new name is a new application.
  creationOnly: [{ path: "name" }],
  updatable: [{ path: "enabled", defaults: true }, { path: "rotateWhenChanged" }],
  identity: {
    idOf: (app) => app.id,
    createdOf: (app) => ({ by: app.createdBy, at: app.createdAt }),
    namePath: "name",
    location: () => "the tenant",
    // The contract: "The name must be unique within the organization".
    uniqueKey: (inputs) => uniqueKeyOf(inputs, [["name"]], ["name"], "an application's name is unique in the tenant"),
  },
  adoption: { note: "its secret is then regenerated once, since Run:ai never returns an existing secret" },
  secrets: { outputs: ["secret"] },
  writeOnlyInputs: ["rotateWhenChanged"],
  toOutputs: (app) => ({
    name: app.name,
    enabled: app.enabled,
    clientId: app.clientId,
    secret: app.secret,
    createdAt: app.createdAt,
    createdBy: app.createdBy,
    lastLogin: app.lastLogin,
  }),
  operations: {
    async create(ctx, inputs) {
      const created = await ctx.client.apps.create({ name: inputs.name });
      return { ...created, clientId: created.clientId ?? created.name, enabled: true };
    },
    findExisting: (ctx, inputs) => ctx.client.apps.findByName(inputs.name),
    async adopt(ctx, existing) {
      // Its current secret cannot be read back: regenerating is the only way to hold a working one.
      const { secret } = await ctx.client.apps.regenerateSecret(existing.id);
      return { ...existing, secret };
    },
    async afterCreate(ctx, app, inputs) {
      return { ...(await ensureEnabled(ctx.client, app.id, enabledIn(inputs))), secret: app.secret };
    },
    read: (ctx, id) => ctx.client.apps.get(id),
    list: (ctx) => ctx.client.apps.list(),
    async update(ctx, id, olds, news, changed) {
      const enabled = enabledIn(news);
      if (changed.has("enabled")) await ctx.client.apps.setEnabled(id, enabled);
      if (!changed.has("rotateWhenChanged")) return ctx.client.apps.get(id);
      const { secret } = await ctx.client.apps.regenerateSecret(id);
      try {
        return { ...(await ctx.client.apps.get(id)), secret };
      } catch (err) {
        // The old secret is revoked already: the new one must reach state even though this failed.
        throw new PartialWriteError<ApplicationObject>(err, { ...(olds as ApplicationObject), enabled, secret });
      }
    },
    delete: (ctx, id) => ctx.client.apps.delete(id),
  },
};

/** Reads the application and PATCHes `enabled` when it differs (PATCH answers without a body). */
async function ensureEnabled(client: RunaiClient, id: string, enabled: boolean): Promise<Application> {
  const app = await client.apps.get(id);
  if (app.enabled === enabled) return app;
  await client.apps.setEnabled(id, enabled);
  return { ...app, enabled };
}
