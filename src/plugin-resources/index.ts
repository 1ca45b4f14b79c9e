// pulumi-runai/plugin: the same resource classes as `pulumi-runai` (same names, arguments and
// outputs), backed by the `runai` provider plugin (`bin/pulumi-resource-runai`, named in the
// program's Pulumi.yaml) instead of dynamic resources; plus `Provider` for explicit instances.
// Each class aliases the dynamic type of the same name, so a stack moves over without a replace.
export * from "./generated-asset-classes";
export * from "./generated-credential-classes";
export * from "./generated-classes";
export * from "./provider";
export * from "../resources/lookups";
// The argument and output types are the dynamic classes' own.
export * from "../resources/generated-types";
export type { ApplicationCredentials, AssetArgs } from "../resources/common";
// The schema's enums as objects, as Pulumi's Node.js generators name them: the code `pulumi import`
// prints (`scope: runai.ConfigMapAssetMetaScope.Project`) compiles here.
export * from "./generated-enums";
