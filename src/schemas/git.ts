// Git datasource asset, `/api/v1/asset/datasource/git` (REFERENCE-org-and-assets.md §1.5, Run:ai 2.22):
// a repository synchronised into the container. Cluster-synced: `status` applies (poll with
// `statusInfo=true`). PUT carries the whole spec.
import { z } from "zod";
import type { AssetContract } from "./asset";
import { REQUEST_MODE, RESPONSE_MODE, SchemaMode, Uuid } from "./common";

function gitSpec(mode: SchemaMode) {
  return mode.obj({
    // GitCommon
    repository: z
      .string()
      .min(1)
      .nullish()
      .describe("URL of a remote Git repository, mapped into the workload's container (described as mandatory)."),
    branch: z.string().min(1).nullish().describe("Branch to synchronise the repository from."),
    revision: z.string().min(1).nullish().describe("Revision to synchronise the repository from."),
    path: z.string().min(1).nullish().describe("Path within the workload the repository is mapped to (described as mandatory)."),
    // GitPasswordAsset
    passwordAssetId: Uuid.nullish().describe("Id of a password credential asset, for a repository that requires authentication."),
  });
}

/** `GitAssetSpec` (= `GitCommon` + `GitPasswordAsset`) as the 2.22 contract states it: every field nullable and optional. */
export const GitSpec = gitSpec(REQUEST_MODE);
export type GitSpec = z.infer<typeof GitSpec>;
/** The spec as the server returns it (unknown keys kept, e.g. 2.23's `credentialId`). */
export const GitSpecResponse = gitSpec(RESPONSE_MODE);

/** The Git datasource endpoints. */
export const GIT_ASSET: AssetContract<GitSpec> = {
  kind: "git",
  path: "/api/v1/asset/datasource/git",
  spec: GitSpec,
  responseSpec: GitSpecResponse,
};
