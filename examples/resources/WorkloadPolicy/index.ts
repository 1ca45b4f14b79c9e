import { WorkloadPolicy } from "pulumi-runai";

// A department-wide training policy: every training in department 101 ("research", seeded by the
// emulator) and its projects gets one GPU unless it asks otherwise, may ask for at most four, and
// runs one of two PyTorch images.
const research = new WorkloadPolicy("research-trainings", {
  type: "trainings",
  scope: "department",
  scopeId: "101",
  defaults: {
    compute: { gpuDevicesRequest: 1 },
    image: "nvcr.io/nvidia/pytorch:24.01-py3",
  },
  rules: {
    compute: { gpuDevicesRequest: { min: 1, max: 4 } },
    image: {
      options: [{ value: "nvcr.io/nvidia/pytorch:24.01-py3" }, { value: "nvcr.io/nvidia/pytorch:24.05-py3" }],
    },
  },
});

export const researchTrainingPolicyId = research.id;
export const researchTrainingEffective = research.effective;
