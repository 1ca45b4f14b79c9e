package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		l40S, err := runai.NewNodePool(ctx, "l40s", &runai.NodePoolArgs{
			ClusterId:                       pulumi.String("7c1e6a52-3b9d-4f08-a1c4-2e5d9b0f6a31"),
			LabelKey:                        pulumi.String("node-type"),
			LabelValue:                      pulumi.String("l40s"),
			GpuNetworkAccelerationDetection: runai.NodePoolGpuNetworkAccelerationDetectionDontUse,
		})
		if err != nil {
			return err
		}
		ctx.Export("nodePoolL40sPhase", l40S.Phase)
		return nil
	})
}
