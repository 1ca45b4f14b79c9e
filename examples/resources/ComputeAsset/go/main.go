package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		halfGpu, err := runai.NewComputeAsset(ctx, "half-gpu", &runai.ComputeAssetArgs{
			Meta: &runai.ComputeAssetMetaArgs{
				Scope:       runai.ComputeAssetMetaScopeProject,
				ProjectId:   pulumi.Int(1001),
				Description: pulumi.String("Half a GPU, 4 cores, 16 GiB"),
			},
			Spec: &runai.ComputeAssetSpecArgs{
				GpuDevicesRequest: pulumi.Int(1),
				GpuRequestType:    runai.ComputeAssetSpecGpuRequestTypePortion,
				GpuPortionRequest: pulumi.Float64(0.5),
				CpuCoreRequest:    pulumi.Float64(4),
				CpuMemoryRequest:  pulumi.String("16Gi"),
				CpuMemoryLimit:    pulumi.String("32Gi"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("computeAssetId", halfGpu.ID())
		return nil
	})
}
