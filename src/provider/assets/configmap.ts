// ConfigMap datasource assets: a Kubernetes ConfigMap mounted into workloads of one project.
import { ConfigMapSpec } from "../../schemas";
import type { AssetDescriptor, GenericAssetEndpoint } from "./descriptor";

export const configMapAsset: AssetDescriptor = {
  resourceType: "ConfigMapAsset",
  label: "ConfigMap asset",
  endpoint: (client) => client.configMapAssets as unknown as GenericAssetEndpoint,
  specSchema: ConfigMapSpec,
  allowedScopes: ["project"],
  allowedScopesReason: "ConfigMap assets are project-scoped",
  validate(failures, inputs) {
    const spec = inputs.spec as { configMap?: unknown; mountPath?: unknown };
    // The contract marks both as mandatory in prose only, so the schema alone lets them be missing.
    if (spec.configMap === undefined || spec.configMap === null) failures.add(["spec", "configMap"], "is required");
    if (spec.mountPath === undefined || spec.mountPath === null) failures.add(["spec", "mountPath"], "is required");
    else if (typeof spec.mountPath === "string" && spec.mountPath.length > 0 && !spec.mountPath.startsWith("/")) {
      failures.add(["spec", "mountPath"], `must be an absolute path (start with "/"), got "${spec.mountPath}"`);
    }
  },
};
