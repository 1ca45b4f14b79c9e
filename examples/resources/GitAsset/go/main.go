package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		trainingCode, err := runai.NewGitAsset(ctx, "training-code", &runai.GitAssetArgs{
			Meta: &runai.GitAssetMetaArgs{
				Scope:     runai.GitAssetMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.GitAssetSpecArgs{
				Repository: pulumi.String("https://git.example.com/ml/training.git"),
				Branch:     pulumi.String("main"),
				Path:       pulumi.String("/code"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("gitAssetId", trainingCode.ID())
		return nil
	})
}
