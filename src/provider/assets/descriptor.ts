// What makes one asset kind different from another. Everything else (meta and scope rules, diff,
// waiting for sync, adoption) is the generic machinery in ./provider.ts, written once.
import type { z } from "zod";
import type { AssetEndpoint, RunaiClient } from "../../client";
import type { AssetScope } from "../../schemas";
import type { Failures } from "../validation";

export interface AssetInputs {
  meta: AssetMetaInputs;
  spec: Record<string, unknown>;
  adoptExisting?: boolean;
}

export interface AssetMetaInputs {
  name: string;
  description?: string;
  scope: AssetScope;
  clusterId?: string;
  departmentId?: string;
  projectId?: number;
  workloadSupportedTypes?: Record<string, unknown>;
}

export interface AssetDescriptor {
  /** The resource class name, e.g. "ConfigMapAsset" (type token `pulumi-nodejs:dynamic/runai:<name>`). */
  resourceType: string;
  /** How errors name one object of this kind, e.g. "ConfigMap asset". */
  label: string;
  /** The client endpoint of this kind. */
  endpoint(client: RunaiClient): GenericAssetEndpoint;
  /** The contract's spec schema (strict: unknown keys are errors). */
  specSchema: z.ZodType;
  /** Scopes this kind may live in, when the contract restricts them. */
  allowedScopes?: readonly AssetScope[];
  /** Why the scope is restricted, appended to the failure. */
  allowedScopesReason?: string;
  /** Cross-field rules of the contract that a schema cannot express. */
  validate?(failures: Failures, inputs: AssetInputs): void;
  /**
   * Server defaults, in the shape of the spec: a spec field equal to its default is treated as
   * absent, so a default the server fills in never shows as drift.
   */
  specDefaults?: Record<string, unknown>;
}

/** An asset endpoint seen through the generic machinery, which handles every kind's spec as JSON. */
export type GenericAssetEndpoint = AssetEndpoint<Record<string, unknown>, Record<string, unknown>>;
