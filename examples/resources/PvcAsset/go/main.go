package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		checkpoints, err := runai.NewPvcAsset(ctx, "checkpoints", &runai.PvcAssetArgs{
			Meta: &runai.PvcAssetMetaArgs{
				Scope:     runai.PvcAssetMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.PvcAssetSpecArgs{
				Path: pulumi.String("/checkpoints"),
				ClaimInfo: &runai.PvcAssetSpecClaimInfoArgs{
					Size:         pulumi.String("100Gi"),
					StorageClass: pulumi.String("standard"),
					AccessModes: &runai.PvcAssetSpecClaimInfoAccessModesArgs{
						ReadWriteOnce: pulumi.Bool(false),
						ReadWriteMany: pulumi.Bool(true),
					},
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("pvcAssetId", checkpoints.ID())
		return nil
	})
}
