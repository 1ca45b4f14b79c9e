import * as pulumi from "@pulumi/pulumi";
import { ConfigMapAsset } from "pulumi-runai";

// Three assets: one the test edits by hand, one it never touches, and one whose description is a
// secret (so its whole meta is a secret in the state and in the engine's events).
const config = new pulumi.Config();

const edited = new ConfigMapAsset("edited", {
  meta: { scope: "project", projectId: 1001, description: "settings for training" },
  spec: { configMap: "training-settings", mountPath: "/etc/training" },
});

const untouched = new ConfigMapAsset("untouched", {
  meta: { scope: "project", projectId: 1001 },
  spec: { configMap: "dataset-index", mountPath: "/data/index" },
});

const sealed = new ConfigMapAsset("sealed", {
  meta: { scope: "project", projectId: 1001, description: config.requireSecret("sealedDescription") },
  spec: { configMap: "sealed-settings", mountPath: "/etc/sealed" },
});

export const editedId = edited.id;
export const untouchedId = untouched.id;
export const sealedId = sealed.id;
