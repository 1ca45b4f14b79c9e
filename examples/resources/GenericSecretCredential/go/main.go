package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		hfToken := cfg.RequireSecret("hfToken")
		apiTokens, err := runai.NewGenericSecretCredential(ctx, "api-tokens", &runai.GenericSecretCredentialArgs{
			Meta: &runai.GenericSecretCredentialMetaArgs{
				Scope:     runai.GenericSecretCredentialMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.GenericSecretCredentialSpecArgs{
				KeyValuePairs: runai.GenericSecretCredentialSpecKeyValuePairsArray{
					&runai.GenericSecretCredentialSpecKeyValuePairsArgs{
						Key:   pulumi.String("HF_TOKEN"),
						Value: hfToken,
					},
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("genericSecretCredentialId", apiTokens.ID())
		return nil
	})
}
