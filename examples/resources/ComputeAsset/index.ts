import { ComputeAsset } from "pulumi-runai";

// Half a GPU, 4 CPU cores and 16 GiB of memory (up to 32 GiB) for the workloads of project 1001.
const halfGpu = new ComputeAsset("half-gpu", {
  meta: { scope: "project", projectId: 1001, description: "Half a GPU, 4 cores, 16 GiB" },
  spec: {
    gpuDevicesRequest: 1,
    gpuRequestType: "portion", // or "memory" with gpuMemoryRequest: "20Gi"
    gpuPortionRequest: 0.5,
    cpuCoreRequest: 4,
    cpuMemoryRequest: "16Gi",
    cpuMemoryLimit: "32Gi",
  },
});

export const computeAssetId = halfGpu.id;
