package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		platformWorkspaces, err := runai.NewWorkloadPolicy(ctx, "platformWorkspaces", &runai.WorkloadPolicyArgs{
			Type:    runai.WorkloadPolicyTypeWorkspaces,
			Scope:   runai.WorkloadPolicyScopeDepartment,
			ScopeId: pulumi.String("102"),
			Rules: pulumi.Map{
				"compute": pulumi.Any(map[string]interface{}{
					"gpuDevicesRequest": map[string]interface{}{
						"max": 2,
					},
				}),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("workloadPolicyId", platformWorkspaces.ID())
		return nil
	})
}
