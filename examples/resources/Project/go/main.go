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
		visionTrain, err := runai.NewProject(ctx, "vision-train", &runai.ProjectArgs{
			ClusterId:    pulumi.String(clusterId),
			DepartmentId: pulumi.String("102"),
			Resources: runai.ProjectResourcesArray{
				&runai.ProjectResourcesArgs{
					NodePool: &runai.ProjectResourcesNodePoolArgs{
						Name: pulumi.String("default"),
					},
					Gpu: &runai.ProjectResourcesGpuArgs{
						Deserved: pulumi.Float64(1),
						Limit:    pulumi.Float64(2),
					},
					Cpu: &runai.ProjectResourcesCpuArgs{
						Deserved: pulumi.Float64(8000),
					},
					Memory: &runai.ProjectResourcesMemoryArgs{
						Deserved: pulumi.Float64(32),
						Units:    runai.ProjectResourcesMemoryUnitsGB,
					},
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("projectId", visionTrain.ID())
		ctx.Export("projectNamespace", visionTrain.Namespace)
		return nil
	})
}
