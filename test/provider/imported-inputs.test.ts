// What `pulumi import` (and runai-export) hands the engine as an imported object's inputs: only what
// a program can write, no secret; a free-form part such as a workload policy's rules whole, so that
// the generated program holds every rule and a later update does not drop the ones it left out.
import { importedInputs } from "../../src/provider/import";
import { kindFor } from "../../src/provider/registry";

it("keeps a workload policy's nested defaults and rules, and drops what is output only", () => {
  const outputs = {
    type: "trainings",
    scope: "department",
    scopeId: "101",
    name: "ml-trainings",
    defaults: { compute: { gpuDevicesRequest: 1 }, imagePullPolicy: "Always" },
    rules: { compute: { gpuDevicesRequest: { max: 4 } }, image: { options: [{ value: "nvcr.io/nvidia/pytorch:24.01-py3" }] } },
    policyId: "p-1",
    effective: { rules: { compute: { gpuDevicesRequest: { max: 8 } } } },
  };
  // Everything but the outputs Run:ai makes up (the policy's id, the effective rules).
  const { policyId: _id, effective: _effective, ...inputs } = outputs;
  expect(importedInputs(kindFor("WorkloadPolicy"), outputs)).toEqual(inputs);
});

it("still drops an unknown field of a structured object and every secret input", () => {
  const outputs = {
    meta: { name: "minio-key", scope: "project", projectId: 1001, id: "x" },
    spec: { accessKeyId: "AKIA", secretAccessKey: "s3cr3t", unknownField: 1 },
  };
  const inputs = importedInputs(kindFor("AccessKeyCredential"), outputs);
  expect(JSON.stringify(inputs)).not.toContain("s3cr3t");
  expect(JSON.stringify(inputs)).not.toContain("unknownField");
});
