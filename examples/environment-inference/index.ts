import * as pulumi from "@pulumi/pulumi";
import { EnvironmentAsset } from "pulumi-runai";
import type { EnvironmentAssetSpecOutputs } from "pulumi-runai";

// The emulator seeds project 1001 ("team-a"); set `projectId` for a real control plane.
const config = new pulumi.Config();
const projectId = config.getNumber("projectId") ?? 1001;
const model = config.get("model") ?? "Qwen/Qwen2.5-0.5B-Instruct";

// An inference environment: vLLM's OpenAI-compatible server. The ServingPort connection is the
// endpoint Run:ai exposes; the readiness probe keeps traffic away until the model is loaded.
// Inference containers may not set tty, stdin, hostIpc, hostNetwork or allowPrivilegeEscalation:
// preview rejects them.
const vllm = new EnvironmentAsset("vllm-server", {
  meta: {
    scope: "project",
    projectId,
    description: "vLLM OpenAI-compatible server",
    workloadSupportedTypes: { inference: true },
  },
  spec: {
    image: "vllm/vllm-openai:v0.6.3",
    imagePullPolicy: "IfNotPresent",
    args: `--model ${model} --port 8000`,
    environmentVariables: [
      { name: "VLLM_LOGGING_LEVEL", value: "INFO" },
      { name: "POD_NAME", podFieldRef: { path: "metadata.name" } },
    ],
    connections: [
      {
        name: "http",
        internalToolInfo: {
          toolType: "custom",
          connectionType: "ServingPort",
          containerPort: 8000,
          servingPortInfo: { protocol: "http" },
        },
      },
    ],
    probes: {
      readiness: {
        initialDelaySeconds: 30,
        periodSeconds: 10,
        timeoutSeconds: 2,
        successThreshold: 1,
        failureThreshold: 6,
        handler: { httpGet: { path: "/health", port: 8000, scheme: "HTTP" } },
      },
    },
  },
});

export const environmentId = vllm.id;
export const environmentName = vllm.meta.name;
export const syncStatus = vllm.status.status;
export const servingPort = vllm.spec.apply((spec: EnvironmentAssetSpecOutputs) => spec.connections?.[0]?.internalToolInfo?.containerPort);
