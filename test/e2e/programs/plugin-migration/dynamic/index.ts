import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai";

// Before the move: the dynamic classes. One resource per entry of `lifecycle:resources`
// ({ name: { type, args } }), as in test/e2e/programs/lifecycle.
type Declared = Record<string, { type: string; args: Record<string, unknown> }>;
type ResourceClass = new (name: string, args: Record<string, unknown>) => pulumi.CustomResource;

const declared = new pulumi.Config("lifecycle").requireObject<Declared>("resources");
const classes = runai as unknown as Record<string, ResourceClass>;

export const ids: Record<string, pulumi.Output<string>> = {};
for (const [name, { type, args }] of Object.entries(declared)) {
  ids[name] = new classes[type](name, args).id;
}
