package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		gitPassword := cfg.RequireSecret("gitPassword")
		gitLogin, err := runai.NewPasswordCredential(ctx, "git-login", &runai.PasswordCredentialArgs{
			Meta: &runai.PasswordCredentialMetaArgs{
				Scope:     runai.PasswordCredentialMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.PasswordCredentialSpecArgs{
				User:     pulumi.String("ci-bot"),
				Password: gitPassword,
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("passwordCredentialId", gitLogin.ID())
		return nil
	})
}
