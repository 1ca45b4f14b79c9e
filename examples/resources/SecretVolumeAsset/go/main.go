package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		teamApiTokens, err := runai.NewGenericSecretCredential(ctx, "team-api-tokens", &runai.GenericSecretCredentialArgs{
			Meta: &runai.GenericSecretCredentialMetaArgs{
				Scope:     runai.GenericSecretCredentialMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.GenericSecretCredentialSpecArgs{
				ExistingSecretName: pulumi.String("team-api-tokens"),
			},
		})
		if err != nil {
			return err
		}
		apiTokensVolume, err := runai.NewSecretVolumeAsset(ctx, "api-tokens-volume", &runai.SecretVolumeAssetArgs{
			Meta: &runai.SecretVolumeAssetMetaArgs{
				Scope:     runai.SecretVolumeAssetMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.SecretVolumeAssetSpecArgs{
				CredentialAssetId: teamApiTokens.ID(),
				MountPath:         pulumi.String("/var/run/tokens"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("secretVolumeAssetId", apiTokensVolume.ID())
		return nil
	})
}
