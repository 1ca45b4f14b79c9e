import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai";

// `npm run bench:engine`: one resource of the kind `bench:type` per entry of `resources.json`
// ({ name: args }). No stack outputs, so the state holds the resources and nothing else to compare.
type ResourceClass = new (name: string, args: Record<string, unknown>) => pulumi.CustomResource;

const config = new pulumi.Config("bench");
const type = config.require("type");
const resources = JSON.parse(fs.readFileSync("resources.json", "utf8")) as Record<string, Record<string, unknown>>;
const ResourceOfKind = (runai as unknown as Record<string, ResourceClass>)[type];
if (!ResourceOfKind) throw new Error(`pulumi-runai exports no resource class ${type}`);

for (const [name, args] of Object.entries(resources)) new ResourceOfKind(name, args);
