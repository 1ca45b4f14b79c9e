// The registry's asset kinds, the ones the asset API serves (/api/v1/asset/…), with their collection
// paths: what tests about the asset family iterate over, instead of hand-kept lists of type names.
import { RESOURCE_TYPES } from "../../src/provider/registry";
import { KIND_FIXTURES } from "../fixtures/kinds";

export interface AssetCollection {
  type: string;
  /** The collection path, e.g. "/api/v1/asset/datasource/config-map". */
  path: string;
}

/** Every asset kind of the registry, in registry order. */
export function assetCollections(): AssetCollection[] {
  return RESOURCE_TYPES.map((type) => ({ type, path: KIND_FIXTURES[type].itemPath("").replace(/\/$/, "") })).filter(({ path }) =>
    path.startsWith("/api/v1/asset/"),
  );
}
