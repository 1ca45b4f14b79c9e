import * as pulumi from "@pulumi/pulumi";
import { ConfigMapAsset } from "pulumi-runai";
import type { ConfigMapAssetArgs } from "pulumi-runai";

// `cases` maps resource names to (deliberately bad) arguments, as a user might write them in a
// plain JavaScript program where the types do not stop them. CONFIGMAP_CASE picks one of them.
const cases = new pulumi.Config("cm").requireObject<Record<string, ConfigMapAssetArgs>>("cases");
const name = process.env.CONFIGMAP_CASE ?? "";
if (!cases[name]) throw new Error(`no case named "${name}"`);
new ConfigMapAsset(name, cases[name]);
