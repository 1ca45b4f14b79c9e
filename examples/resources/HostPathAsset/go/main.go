package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		localScratch, err := runai.NewHostPathAsset(ctx, "local-scratch", &runai.HostPathAssetArgs{
			Meta: &runai.HostPathAssetMetaArgs{
				Scope:     runai.HostPathAssetMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.HostPathAssetSpecArgs{
				Path:             pulumi.String("/mnt/local-ssd"),
				MountPath:        pulumi.String("/scratch"),
				ReadOnly:         pulumi.Bool(false),
				MountPropagation: runai.HostPathAssetSpecMountPropagationHostToContainer,
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("hostPathAssetId", localScratch.ID())
		return nil
	})
}
