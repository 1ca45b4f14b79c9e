// Waiting for the control plane to sync an asset to its clusters: writes answer 202 at once and the
// asset reports Creating/Updating (or Deleting) until the clusters have it.
import { RunaiNotFoundError } from "../../client";
import type { AssetDescriptor, GenericAssetEndpoint } from "./descriptor";

type Endpoint = GenericAssetEndpoint;
type Asset = Awaited<ReturnType<Endpoint["get"]>>;

const IN_PROGRESS = new Set(["Creating", "Updating"]);
const FAILED = new Set(["Failed", "Issues found"]);
const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 2000;

export class AssetSyncError extends Error {
  override readonly name = "AssetSyncError";
}

/** Polls until the asset's status leaves Creating/Updating; throws on Failed/Issues found or timeout. */
export async function waitForSync(descriptor: AssetDescriptor, endpoint: Endpoint, written: Asset, timeoutSeconds: number) {
  const what = `${descriptor.label} "${written.meta.name}" (${written.meta.id})`;
  return poll<Asset>(timeoutSeconds, async () => {
    const asset = await endpoint.get(written.meta.id, { statusInfo: true });
    const status = asset.status?.status;
    if (status && FAILED.has(status)) throw new AssetSyncError(`${what}: the cluster reported "${status}": ${describeIssues(asset)}`);
    if (!status || !IN_PROGRESS.has(status)) return { done: asset };
    return {
      timeoutMessage: `${what} is still "${status}" after ${timeoutSeconds}s; raise runai:timeoutSeconds, or set runai:waitForSync to false to not wait`,
    };
  });
}

/** Polls until the asset is gone (404); throws on "Deletion failed" or timeout. */
export async function waitForDeletion(descriptor: AssetDescriptor, endpoint: Endpoint, id: string, name: string, timeoutSeconds: number) {
  const what = `${descriptor.label} "${name}" (${id})`;
  await poll<true>(timeoutSeconds, async () => {
    let asset: Asset;
    try {
      asset = await endpoint.get(id, { statusInfo: true });
    } catch (err) {
      if (err instanceof RunaiNotFoundError) return { done: true };
      throw err;
    }
    const status = asset.status?.status;
    if (status === "Deletion failed") throw new AssetSyncError(`${what}: the cluster reported "Deletion failed": ${describeIssues(asset)}`);
    return {
      timeoutMessage: `${what} is still "${status ?? "present"}" ${timeoutSeconds}s after its deletion was accepted; raise runai:timeoutSeconds`,
    };
  });
}

type PollStep<T> = { done: T } | { timeoutMessage: string };

/** Runs `step` with exponential backoff until it is done, or throws its timeout message at the deadline. */
async function poll<T>(timeoutSeconds: number, step: () => Promise<PollStep<T>>): Promise<T> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (let delay = FIRST_POLL_MS; ; delay = Math.min(delay * 2, MAX_POLL_MS)) {
    const result = await step();
    if ("done" in result) return result.done;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new AssetSyncError(result.timeoutMessage);
    await sleep(Math.min(delay, remaining));
  }
}

function describeIssues(asset: Asset): string {
  const parts = (asset.status?.issues ?? []).map((i) => `${i.issue} in ${i.scopeType} ${i.scopeId}`);
  if (asset.status?.message) parts.push(asset.status.message);
  return parts.length > 0 ? parts.join("; ") : "no details given";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
