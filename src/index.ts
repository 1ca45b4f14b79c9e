// pulumi-runai: Pulumi resources for NVIDIA Run:ai control-plane objects. The resource classes are
// generated from the kind registry (scripts/gen-classes.ts), so a new kind needs no line here.
export * from "./resources/generated-asset-classes";
export * from "./resources/generated-credential-classes";
export * from "./resources/generated-classes";
export * from "./resources/lookups";
// Every resource's argument and output types, named (derived from the package schema).
export * from "./resources/generated-types";
export type { ApplicationCredentials, AssetArgs } from "./resources/common";
