// Datasource assets: the cross-field rules the contract states only in prose (PVC: an existing claim
// or a new one; S3: a bucket name and an endpoint URL; Git: a repository URL). Mandatory fields and
// absolute paths are row options of the registry, not rules here.
import type { Failures } from "../validation";
import { isKnown, isObject, isSet } from "../validation";
import type { AssetRuleInputs } from "./asset";

/** A Kubernetes object name (DNS subdomain), as a claim's or a secret's name must be. */
export const KUBERNETES_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export function validatePvcSpec(failures: Failures, inputs: AssetRuleInputs): void {
  const spec = inputs.spec;
  if (typeof spec.claimName === "string" && isKnown(spec.claimName) && !KUBERNETES_NAME.test(spec.claimName)) {
    failures.add(
      ["spec", "claimName"],
      'must be a Kubernetes name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
    );
  }
  if (!isKnown(spec.existingPvc)) return;
  if (spec.existingPvc === true) {
    // PvcFieldsNonUpdatable: claimInfo "should not be provided" for an existing claim.
    if (isSet(spec.claimInfo))
      failures.add(["spec", "claimInfo"], "must not be set when spec.existingPvc is true (the claim exists already)");
    if (!isSet(spec.claimName))
      failures.add(["spec", "claimName"], "is required when spec.existingPvc is true (the name of the existing claim)");
  } else if (!isSet(spec.claimInfo) || isObject(spec.claimInfo)) {
    // ClaimInfo.size: "mandatory when existingPvc is false". (A claimInfo that is no object has its
    // own failure already: "spec.claimInfo: must be an object".)
    const size = isObject(spec.claimInfo) ? spec.claimInfo.size : undefined;
    if (!isSet(size)) {
      failures.add(["spec", "claimInfo", "size"], 'is required unless spec.existingPvc is true (the size of the new claim, e.g. "10Gi")');
    }
  }
  const claimInfo = spec.claimInfo;
  if (isObject(claimInfo)) {
    validateAccessModes(failures, claimInfo.accessModes);
    reportDuplicateKeys(failures, claimInfo.addedAttrValues, ["spec", "claimInfo", "addedAttrValues"]);
  }
}

/** `readWriteOnce` defaults to true, the others to false: turning them all off leaves no way to mount. */
function validateAccessModes(failures: Failures, modes: unknown): void {
  if (!isObject(modes) || !isKnown(modes)) return;
  const enabled = (modes.readWriteOnce ?? true) === true || modes.readOnlyMany === true || modes.readWriteMany === true;
  if (!enabled) {
    failures.add(
      ["spec", "claimInfo", "accessModes"],
      "must enable at least one of readWriteOnce (the default), readOnlyMany or readWriteMany",
    );
  }
}

/** A bucket name as S3 and S3-compatible stores accept it. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function validateS3Spec(failures: Failures, inputs: AssetRuleInputs): void {
  const { bucket, url } = inputs.spec;
  if (typeof bucket === "string" && isKnown(bucket) && bucket !== "" && !BUCKET_NAME.test(bucket)) {
    failures.add(
      ["spec", "bucket"],
      'must be a bucket name (3 to 63 lowercase letters, digits, "." and "-"), not a URL or a path; the endpoint goes in spec.url',
    );
  }
  if (typeof url === "string" && isKnown(url) && url !== "" && !isHttpUrl(url)) {
    failures.add(
      ["spec", "url"],
      'must be an http:// or https:// URL of the S3 endpoint, e.g. "https://minio.example.com:9000" (AWS S3 when absent)',
    );
  }
}

/** `https://`, `http://`, `ssh://` and `git://` URLs, and scp-like `git@github.com:org/repo.git`. */
const SCP_LIKE = /^[\w.-]+@[\w.-]+:[^/].*$/;

export function validateGitSpec(failures: Failures, inputs: AssetRuleInputs): void {
  const { repository } = inputs.spec;
  if (typeof repository !== "string" || !isKnown(repository) || repository === "") return;
  if (!SCP_LIKE.test(repository) && !hasProtocol(repository, ["https:", "http:", "ssh:", "git:"])) {
    failures.add(["spec", "repository"], 'must be a repository URL ("https://…", "ssh://…" or "git@host:path")');
  }
}

function isHttpUrl(text: string): boolean {
  return hasProtocol(text, ["https:", "http:"]);
}

function hasProtocol(text: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(text);
    return protocols.includes(url.protocol) && url.host !== "";
  } catch {
    return false;
  }
}

/** Flags every repeat of a `key` within a list of key/value pairs. */
export function reportDuplicateKeys(failures: Failures, items: unknown, listPath: (string | number)[]): void {
  if (!Array.isArray(items)) return;
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!isObject(item) || typeof item.key !== "string" || !isKnown(item.key)) return;
    if (seen.has(item.key)) failures.add([...listPath, index, "key"], `"${item.key}" is listed twice; keys must be unique`);
    seen.add(item.key);
  });
}
