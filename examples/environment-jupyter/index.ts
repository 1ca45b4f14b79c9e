import * as pulumi from "@pulumi/pulumi";
import { EnvironmentAsset } from "pulumi-runai";

// The emulator seeds project 1001 ("team-a"). On a real control plane, set your own project id and
// the id of a credential asset (Workload manager → Credentials) that holds a Hugging Face token.
const config = new pulumi.Config();
const projectId = config.getNumber("projectId") ?? 1001;
const hfTokenCredentialId = config.get("hfTokenCredentialId") ?? "3f1c8a52-6b0e-4c1d-9e7a-2d4b5c6a7e81";

// A workspace environment: JupyterLab reached through a NodePort, running as the image's "jovyan"
// user (uid 1000, gid 100) rather than root.
const jupyter = new EnvironmentAsset("jupyter-lab", {
  meta: {
    scope: "project",
    projectId,
    description: "JupyterLab with the SciPy stack, for interactive workspaces",
    workloadSupportedTypes: { workspace: true },
  },
  spec: {
    image: "quay.io/jupyter/scipy-notebook:2024-10-07",
    imagePullPolicy: "IfNotPresent",
    command: "start-notebook.sh",
    // Run:ai serves the tool under /<project>/<workload>; an empty token leaves auth to Run:ai.
    args: "--NotebookApp.base_url=/${RUNAI_PROJECT}/${RUNAI_JOB_NAME} --NotebookApp.token=''",
    workingDir: "/home/jovyan",
    uidGidSource: "custom",
    runAsUid: 1000,
    runAsGid: 100,
    supplementalGroups: "100",
    createHomeDir: true,
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    environmentVariables: [
      { name: "JUPYTER_ENABLE_LAB", value: "yes" },
      {
        name: "HF_TOKEN",
        credential: { assetId: hfTokenCredentialId, key: "token" },
        description: "Hugging Face token, from a credential asset",
      },
    ],
    connections: [
      {
        name: "jupyter",
        internalToolInfo: {
          toolType: "jupyter-notebook",
          connectionType: "NodePort",
          containerPort: 8888,
          // false: Run:ai picks the node port for each workspace.
          nodePortInfo: { isCustomPort: false },
        },
      },
    ],
  },
});

export const environmentId = jupyter.id;
export const environmentName = jupyter.meta.name;
export const syncStatus = jupyter.status.status;
export const image = jupyter.spec.image;
