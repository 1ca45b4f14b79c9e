import * as pulumi from "@pulumi/pulumi";
import { EnvironmentAsset } from "pulumi-runai";
import type { AssetMetaOutputs } from "pulumi-runai";

// The emulator seeds department 101 ("research"); set `departmentId` for a real control plane.
const config = new pulumi.Config();
const departmentId = config.get("departmentId") ?? "101";

// A distributed training environment shared by every project of the department. Run:ai starts the
// PyTorch master and workers through the Kubeflow training operator (distFramework "PyTorch"), which
// sets MASTER_ADDR, WORLD_SIZE and RANK for torchrun.
const pytorch = new EnvironmentAsset("pytorch-ddp", {
  meta: {
    scope: "department",
    departmentId,
    description: "PyTorch 2.4 with CUDA 12.4, for distributed data-parallel training",
    workloadSupportedTypes: { training: true, distributed: true, distFramework: "PyTorch" },
  },
  spec: {
    image: "pytorch/pytorch:2.4.1-cuda12.4-cudnn9-runtime",
    imagePullPolicy: "IfNotPresent",
    command: "torchrun",
    args: "--nproc-per-node=gpu train.py",
    workingDir: "/workspace",
    environmentVariables: [
      { name: "NCCL_DEBUG", value: "WARN" },
      { name: "OMP_NUM_THREADS", value: "8" },
    ],
    // NCCL over shared memory between processes of a pod.
    capabilities: ["IPC_LOCK"],
    hostIpc: true,
  },
});

export const environmentId = pytorch.id;
export const environmentName = pytorch.meta.name;
export const syncStatus = pytorch.status.status;
export const distFramework = pytorch.meta.apply((meta: AssetMetaOutputs) => meta.workloadSupportedTypes?.distFramework);
