package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		trainingConfig, err := runai.NewConfigMapAsset(ctx, "training-config", &runai.ConfigMapAssetArgs{
			Meta: &runai.ConfigMapAssetMetaArgs{
				Scope:       runai.ConfigMapAssetMetaScopeProject,
				ProjectId:   pulumi.Int(1001),
				Description: pulumi.String("Hyper-parameters shared by the team's training jobs"),
			},
			Spec: &runai.ConfigMapAssetSpecArgs{
				ConfigMap: pulumi.String("training-hyperparameters"),
				MountPath: pulumi.String("/etc/training"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("configMapAssetId", trainingConfig.ID())
		ctx.Export("configMapAssetStatus", trainingConfig.Status.ApplyT(func(status runai.ConfigMapAssetStatus) (*string, error) {
			return status.Status, nil
		}).(pulumi.StringPtrOutput))
		return nil
	})
}
