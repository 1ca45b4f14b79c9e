import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai";

// One resource per entry of the `resources` stack config ({ name: { type, args } }), so one stack
// walks every kind of the registry through each lifecycle step with a single `pulumi up`.
// test/e2e/plugin-classes.test.ts moves a stack of it to the plugin-backed classes by changing the
// import below to "pulumi-runai/plugin", as a user would.
type Declared = Record<string, { type: string; args: Record<string, unknown> }>;
type ResourceClass = new (name: string, args: Record<string, unknown>) => pulumi.CustomResource;

const declared = new pulumi.Config("lifecycle").requireObject<Declared>("resources");
const classes = runai as unknown as Record<string, ResourceClass>;

export const ids: Record<string, pulumi.Output<string>> = {};
for (const [name, { type, args }] of Object.entries(declared)) {
  ids[name] = new classes[type](name, args).id;
}
