import { EnvironmentAsset } from "pulumi-runai";

// The container a JupyterLab workspace runs: image, uid/gid, a variable and the notebook's port.
const jupyter = new EnvironmentAsset("jupyter-lab", {
  meta: { scope: "project", projectId: 1001, workloadSupportedTypes: { workspace: true } },
  spec: {
    image: "quay.io/jupyter/scipy-notebook:2024-10-07",
    uidGidSource: "custom",
    runAsUid: 1000,
    runAsGid: 100,
    environmentVariables: [{ name: "JUPYTER_ENABLE_LAB", value: "yes" }],
    connections: [{ name: "jupyter", internalToolInfo: { toolType: "jupyter-notebook", connectionType: "NodePort", containerPort: 8888 } }],
  },
});

export const environmentAssetId = jupyter.id;
export const environmentAssetImage = jupyter.spec.image;
