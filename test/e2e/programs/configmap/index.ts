import * as pulumi from "@pulumi/pulumi";
import { ConfigMapAsset } from "pulumi-runai";

// Every scenario step is a change of stack config, so one program covers the whole lifecycle.
const config = new pulumi.Config("cm");
const projectId = config.getNumber("projectId") ?? 1001;

const asset = new ConfigMapAsset("app-config", {
  meta: {
    name: config.get("name"),
    scope: "project",
    projectId,
    description: config.get("description"),
  },
  spec: { configMap: "app-config", mountPath: config.get("mountPath") ?? "/etc/app" },
  adoptExisting: config.getBoolean("adoptExisting"),
});

export const id = asset.id;
export const meta = asset.meta;
export const spec = asset.spec;
export const status = asset.status;
