import pulumi
import pulumi_runai as runai

platform_workspaces = runai.WorkloadPolicy("platformWorkspaces",
    type=runai.WorkloadPolicyType.WORKSPACES,
    scope=runai.WorkloadPolicyScope.DEPARTMENT,
    scope_id="102",
    rules={
        "compute": {
            "gpuDevicesRequest": {
                "max": 2,
            },
        },
    })
pulumi.export("workloadPolicyId", platform_workspaces.id)
