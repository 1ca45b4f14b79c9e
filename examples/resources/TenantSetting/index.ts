import { TenantSetting } from "pulumi-runai";

// Workload templates on for the whole tenant. The setting exists before the stack: destroying the
// stack puts back the value it replaced (`previousValue`).
const templates = new TenantSetting("workload-templates", { key: "workloadTemplates.use", value: true });

// Idle GPUs are reclaimed after two hours; this value stays when the stack is destroyed.
new TenantSetting("gpu-idle-timeout", { key: "gpuIdleTimeout.minutes", value: 120, restoreOnDelete: false });

export const tenantSettingType = templates.type;
export const tenantSettingReplacedValue = templates.previousValue.apply(String);
