import * as pulumi from "@pulumi/pulumi";
import { EnvironmentAsset } from "pulumi-runai";
import type { EnvironmentAssetArgs, EnvironmentAssetSpecOutputs } from "pulumi-runai";

// `environments` maps resource names to arguments, as a user might write them in a plain
// JavaScript program where the types do not stop mistakes. ENVIRONMENT_CASE, when set, declares
// only that one of them: the engine stops a preview at the first resource whose check fails, so the
// validation tests preview one bad environment at a time. ENVIRONMENT_CASE=chained declares a pair
// whose inputs are still unknown when preview checks them.
const config = new pulumi.Config("env");
const environments = config.requireObject<Record<string, EnvironmentAssetArgs>>("environments");
const only = process.env.ENVIRONMENT_CASE;

const assets: Record<string, EnvironmentAsset> = {};
for (const [name, args] of Object.entries(environments)) {
  if (only === undefined || only === name) assets[name] = new EnvironmentAsset(name, args);
}

if (only === "chained") {
  // Before "chained-base" exists, everything derived from its outputs is unknown to preview; once
  // known, each of these values is valid.
  const base = new EnvironmentAsset("chained-base", { meta: { scope: "project", projectId: 1001 }, spec: { image: "python:3.12" } });
  const later = <T>(value: T) => base.id.apply(() => value);
  new EnvironmentAsset("chained-derived", {
    meta: { scope: "project", projectId: 1001, workloadSupportedTypes: later({ workspace: true }) },
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
        {
          name: "app",
          isExternal: later(false),
          internalToolInfo: {
            toolType: "custom",
            connectionType: later("ServingPort" as const),
            containerPort: 8000,
            servingPortInfo: { protocol: "http" },
          },
        },
      ],
    },
  });
}

export const ids = pulumi.all(Object.fromEntries(Object.entries(assets).map(([name, asset]) => [name, asset.id])));
