// The runai plugin's type tokens, `runai:index:<Type>`: the plugin's schema, its provider and
// `runai-export`'s import file spell them from here. Plain data, so the exporter loads no plugin code.

/** The package of the type tokens: `runai:index:ConfigMapAsset`. */
export const PACKAGE = "runai";
export const MODULE = "index";

/** The type token of a resource type, e.g. `runai:index:Project`. */
export function typeToken(resourceType: string): string {
  return `${PACKAGE}:${MODULE}:${resourceType}`;
}
