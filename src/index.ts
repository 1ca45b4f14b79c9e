// pulumi-runai: Pulumi resources for NVIDIA Run:ai control-plane objects. Every resource module is
// exported whole, so a new resource class in one of them needs no line here.
export * from "./resources/datasource-assets";
export * from "./resources/environment-asset";
export * from "./resources/compute-asset";
export * from "./resources/credentials";
export * from "./resources/application";
export * from "./resources/organisation";
export * from "./resources/lookups";
// Every resource's argument and output types, named (derived from the package schema).
export * from "./resources/generated-types";
export type { AssetArgs } from "./resources/common";
