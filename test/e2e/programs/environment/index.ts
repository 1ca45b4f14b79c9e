import * as pulumi from "@pulumi/pulumi";
import { EnvironmentAsset } from "pulumi-runai";
import type { EnvironmentAssetArgs, EnvironmentAssetSpecOutputs } from "pulumi-runai";

// `environments` maps resource names to arguments, as a user might write them in a plain
// JavaScript program where the types do not stop mistakes.
const config = new pulumi.Config("env");
const environments = config.requireObject<Record<string, EnvironmentAssetArgs>>("environments");
const assets: Record<string, EnvironmentAsset> = {};
for (const [name, args] of Object.entries(environments)) assets[name] = new EnvironmentAsset(name, args);

// `chained`: an environment whose inputs come from another resource's outputs, so they are still
// unknown when preview checks it (before the first resource exists).
if (config.getBoolean("chained")) {
  const base = new EnvironmentAsset("chained-base", { meta: { scope: "project", projectId: 1001 }, spec: { image: "python:3.12" } });
  const later = <T>(value: T) => base.id.apply(() => value);
  new EnvironmentAsset("chained-derived", {
    meta: { scope: "project", projectId: 1001, workloadSupportedTypes: base.id.apply(() => ({ workspace: true })) },
    spec: {
      image: base.spec.apply((spec: EnvironmentAssetSpecOutputs) => spec.image ?? "python:3.12"),
      tty: true,
      stdin: later(true),
      uidGidSource: later("custom" as const),
      runAsUid: 1000,
      environmentVariables: [
        { name: later("BASE_ID"), value: base.id },
        { name: "BASE_ID_AGAIN", value: base.id },
      ],
      connections: [
        { name: "app", isExternal: later(false), internalToolInfo: { toolType: "custom", connectionType: later("ServingPort" as const), containerPort: 8000, servingPortInfo: { protocol: "http" } } },
      ],
    },
  });
}

export const ids = pulumi.all(Object.fromEntries(Object.entries(assets).map(([name, asset]) => [name, asset.id])));
