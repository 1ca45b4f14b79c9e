// ConfigMap datasource assets: a Kubernetes ConfigMap mounted into the workloads of one project.
import type { Failures } from "../validation";
import type { AssetInputs } from "./asset";

/** The contract marks both fields mandatory in prose only, so the schema alone lets them be missing. */
export function validateConfigMapSpec(failures: Failures, inputs: AssetInputs): void {
  const spec = inputs.spec as { configMap?: unknown; mountPath?: unknown };
  if (spec.configMap === undefined || spec.configMap === null) failures.add(["spec", "configMap"], "is required");
  if (spec.mountPath === undefined || spec.mountPath === null) failures.add(["spec", "mountPath"], "is required");
  else if (typeof spec.mountPath === "string" && spec.mountPath.length > 0 && !spec.mountPath.startsWith("/")) {
    failures.add(["spec", "mountPath"], `must be an absolute path (start with "/"), got "${spec.mountPath}"`);
  }
}
