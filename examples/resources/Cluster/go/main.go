package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		gpuWest, err := runai.NewCluster(ctx, "gpu-west", &runai.ClusterArgs{
			Domain:  pulumi.String("gpu-west.example.com"),
			Version: pulumi.String("2.22"),
		})
		if err != nil {
			return err
		}
		ctx.Export("clusterWestUuid", gpuWest.Uuid)
		ctx.Export("clusterWestHelmValues", gpuWest.HelmValues)
		return nil
	})
}
