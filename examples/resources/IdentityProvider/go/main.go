package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		oidcClientSecret := cfg.RequireSecret("oidcClientSecret")
		corpSso, err := runai.NewIdentityProvider(ctx, "corp-sso", &runai.IdentityProviderArgs{
			Type: runai.IdentityProviderTypeOidc,
			Oidc: &runai.IdentityProviderOidcArgs{
				DiscoverDocumentUrl: pulumi.String("https://idp.example.com/.well-known/openid-configuration"),
				ClientId:            pulumi.String("runai"),
				Scopes: pulumi.StringArray{
					pulumi.String("openid"),
					pulumi.String("email"),
					pulumi.String("profile"),
				},
			},
			ClientSecret: oidcClientSecret,
			Mappers: &runai.IdentityProviderMappersArgs{
				Uid:    pulumi.String("uid"),
				Gid:    pulumi.String("gid"),
				Groups: pulumi.String("groups"),
				Email:  pulumi.String("email"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("identityProviderRedirectUri", corpSso.RedirectUri)
		return nil
	})
}
