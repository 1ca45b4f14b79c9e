import { GitAsset } from "pulumi-runai";

// A Git repository cloned into /code at the head of branch "main". A private repository also
// names a PasswordCredential by id (passwordAssetId: login.meta.id): a new id replaces the asset.
const trainingCode = new GitAsset("training-code", {
  meta: { scope: "project", projectId: 1001 },
  spec: { repository: "https://git.example.com/ml/training.git", branch: "main", path: "/code" },
});

export const gitAssetId = trainingCode.id;
