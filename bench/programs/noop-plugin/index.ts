import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";

// `npm run bench:engine`'s plugin floor: the same `resources.json` as bench/programs/noop,
// each entry a custom resource of a provider plugin that does no work at all (./provider, a Node
// `@pulumi/pulumi/provider` like the runai plugin). What the engine, the language host and a Node
// plugin cost for N resources, with nothing of ours on top.
class Noop extends pulumi.CustomResource {
  constructor(name: string, args: Record<string, unknown>) {
    super("benchnoop:index:Noop", name, args);
  }
}

const config = new pulumi.Config("bench");
const resources = JSON.parse(fs.readFileSync("resources.json", "utf8")) as Record<string, Record<string, unknown>>;
// The output properties the kind's class declares, as bench/programs/noop does.
const declared = Object.fromEntries((config.getObject<string[]>("outputs") ?? []).map((key) => [key, undefined]));
for (const [name, args] of Object.entries(resources)) new Noop(name, { ...declared, ...args });
