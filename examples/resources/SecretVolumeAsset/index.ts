import { GenericSecretCredential, SecretVolumeAsset } from "pulumi-runai";

// A credential whose values are the Kubernetes secret "team-api-tokens" (no value in the program),
// mounted as files under /var/run/tokens. Any credential kind can be mounted.
const tokens = new GenericSecretCredential("team-api-tokens", {
  meta: { scope: "project", projectId: 1001 },
  spec: { existingSecretName: "team-api-tokens" },
});
const mounted = new SecretVolumeAsset("api-tokens-volume", {
  meta: { scope: "project", projectId: 1001 },
  spec: { credentialAssetId: tokens.meta.id, mountPath: "/var/run/tokens" },
});

export const secretVolumeAssetId = mounted.id;
