package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		logoutRedirect, err := runai.NewSecuritySetting(ctx, "logoutRedirect", &runai.SecuritySettingArgs{
			Key: pulumi.String("logoutRedirectUri"),
			Value: pulumi.Map{
				"uri": pulumi.Any("https://intranet.example.com/signed-out"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("securitySettingLogoutRedirectKey", logoutRedirect.Key)
		return nil
	})
}
