// zod schemas for the Run:ai objects we manage: the single source of truth for their TypeScript types.
// Request schemas are strict (the exact 2.22 contract); response schemas are lenient (see common.ts).
export * from "./common";
export * from "./asset";
export * from "./configmap";
export * from "./environment";
export * from "./application";
export * from "./nfs";
export * from "./host-path";
export * from "./compute";
export * from "./pvc";
export * from "./s3";
export * from "./git";
export * from "./secret-volume";
export * from "./credentials";
export * from "./org-unit";
export * from "./access";
export * from "./cluster";
