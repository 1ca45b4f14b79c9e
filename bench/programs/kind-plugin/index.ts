import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import * as runai from "pulumi-runai/plugin";

// `npm run bench:engine`'s plugin host: bench/programs/kind with the plugin-backed classes
// (`pulumi-runai/plugin`, served by the runai plugin named in Pulumi.yaml) instead of the dynamic ones.
type ResourceClass = new (name: string, args: Record<string, unknown>) => pulumi.CustomResource;

const config = new pulumi.Config("bench");
const type = config.require("type");
const resources = JSON.parse(fs.readFileSync("resources.json", "utf8")) as Record<string, Record<string, unknown>>;
const ResourceOfKind = (runai as unknown as Record<string, ResourceClass>)[type];
if (!ResourceOfKind) throw new Error(`pulumi-runai/plugin exports no resource class ${type}`);

for (const [name, args] of Object.entries(resources)) new ResourceOfKind(name, args);
