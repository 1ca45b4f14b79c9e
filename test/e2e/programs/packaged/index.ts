import * as pulumi from "@pulumi/pulumi";
import { ConfigMapAsset } from "pulumi-runai";

// A user's program using the published package: its name comes from config so several installs
// (npm, pnpm, Yarn, ES modules) can run side by side against one control plane.
const name = new pulumi.Config().require("assetName");
const asset = new ConfigMapAsset(name, {
  meta: { scope: "project", projectId: 1001 },
  spec: { configMap: name, mountPath: `/etc/${name}` },
});

export const id = asset.id;
export const mountPath = asset.spec.mountPath;
