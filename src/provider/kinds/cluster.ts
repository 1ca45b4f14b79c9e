// Clusters (`/api/v1/clusters`): registering a Kubernetes cluster with the control plane, and what
// its `runai-cluster` Helm chart needs to connect: the install information for the version
// (`/cluster-install-info`, read again at every refresh) and the chart's values, ready to pass on.
//
// The name is all a PUT changes; domain and version are fixed at creation. Deletion is graceful by
// default (202: the cluster's agent cleans up, then the cluster is gone), forced with `forceDelete`.
// The client secret, the install command (which holds it) and the chart values are secret outputs (see application.ts for how secrets
// reach state encrypted).
import type { Cluster, ClusterInstallInfo } from "../../schemas/cluster";
import { CLUSTER_OUTPUTS, ClusterInputs } from "../../schemas/cluster-inputs";
import type { ProviderContext } from "../context";
import type { ResourceKind } from "../kind";

/** A cluster as the provider handles it: the API's view, its install information and the tenant URL. */
export type ClusterObject = Cluster & { installInfo?: ClusterInstallInfo; controlPlaneUrl: string };

const clusterUrl = (domain: string | null | undefined) => (domain ? `https://${domain}` : undefined);

export const clusterKind: ResourceKind<ClusterObject, ClusterInputs> = {
  type: "Cluster",
  label: "Cluster",
  inputSchema: ClusterInputs,
  outputTypes: CLUSTER_OUTPUTS,
  updatable: [{ path: "name" }, { path: "forceDelete", defaults: false }],
  creationOnly: [{ path: "domain" }, { path: "version" }],
  identity: {
    idOf: (cluster) => cluster.uuid,
    createdOf: (cluster) => ({ at: cluster.createdAt }),
    namePath: "name",
    location: () => "the tenant",
  },
  // The contract declares no 409 for a cluster's POST: a taken name is found by looking first.
  adoption: { findBeforeCreate: true, note: "its client secret stays as it is" },
  // The install information is read at every refresh, so the secret is never carried over.
  secrets: { outputs: ["clientSecret", "installCommand", "helmValues"] },
  writeOnlyInputs: ["forceDelete"],
  // Only a deletion is waited for: a new cluster stays "WaitingToConnect" until its chart is installed.
  sync: {
    statusOf: (cluster) => (cluster.deleteRequestedAt ? "Deleting" : "Registered"),
    pending: ["Deleting"],
    failed: [],
    deletionFailed: [],
    details: (cluster) => `state ${cluster.status?.state ?? "unknown"}`,
  },
  toOutputs: (cluster) => {
    const info = cluster.installInfo;
    return {
      name: cluster.name,
      domain: cluster.domain,
      version: cluster.version,
      uuid: cluster.uuid,
      status: cluster.status ? { state: cluster.status.state, conditions: cluster.status.conditions } : undefined,
      createdAt: cluster.createdAt,
      chartRepoUrl: info?.chartRepoURL,
      repositoryName: info?.repositoryName,
      installCommand: info?.installationStr,
      clientSecret: info?.clientSecret,
      helmValues: info
        ? {
            controlPlane: { url: cluster.controlPlaneUrl, clientSecret: info.clientSecret },
            cluster: { uid: cluster.uuid, url: clusterUrl(cluster.domain) },
          }
        : undefined,
    };
  },
  operations: {
    async create(ctx, inputs) {
      const { name, domain, version } = inputs;
      return withInstallInfo(ctx, await ctx.client.clusters.create({ name, domain, version }));
    },
    findExisting: async (ctx, inputs) => {
      const found = await ctx.client.clusters.findByName(inputs.name);
      return found && withInstallInfo(ctx, found);
    },
    adopt: (_ctx, existing) => Promise.resolve(existing),
    read: async (ctx, id) => withInstallInfo(ctx, await ctx.client.clusters.get(id)),
    // Without the install information: the export needs no secret, and a read of each adds it.
    list: async (ctx) => (await ctx.client.clusters.list()).map((cluster) => ({ ...cluster, controlPlaneUrl: ctx.client.url })),
    async update(ctx, id, _olds, news, changed) {
      if (changed.has("name")) await ctx.client.clusters.rename(id, news.name);
      return withInstallInfo(ctx, await ctx.client.clusters.get(id));
    },
    delete: (ctx, id, values) => ctx.client.clusters.delete(id, values.forceDelete === true),
  },
};

/**
 * The cluster with the install information of its version (none without a version, or once its
 * deletion was requested) and the tenant URL its chart connects to.
 */
async function withInstallInfo(ctx: ProviderContext, cluster: Cluster): Promise<ClusterObject> {
  const controlPlaneUrl = ctx.client.url;
  if (!cluster.version || cluster.deleteRequestedAt) return { ...cluster, controlPlaneUrl };
  const installInfo = await ctx.client.clusters.installInfo(cluster.uuid, cluster.version, clusterUrl(cluster.domain));
  return { ...cluster, installInfo, controlPlaneUrl };
}
