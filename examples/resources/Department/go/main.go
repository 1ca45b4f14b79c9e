package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		clusterId := "7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31"
		if param := cfg.Get("clusterId"); param != "" {
			clusterId = param
		}
		vision, err := runai.NewDepartment(ctx, "vision", &runai.DepartmentArgs{
			ClusterId:   pulumi.String(clusterId),
			Description: pulumi.String("The computer vision teams"),
			Resources: runai.DepartmentResourcesArray{
				&runai.DepartmentResourcesArgs{
					NodePool: &runai.DepartmentResourcesNodePoolArgs{
						Name: pulumi.String("default"),
					},
					Gpu: &runai.DepartmentResourcesGpuArgs{
						Deserved: pulumi.Float64(2),
					},
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("departmentId", vision.ID())
		return nil
	})
}
