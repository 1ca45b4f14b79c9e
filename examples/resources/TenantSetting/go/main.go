package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		loginBanner, err := runai.NewTenantSetting(ctx, "loginBanner", &runai.TenantSettingArgs{
			Key:   pulumi.String("login.banner"),
			Value: pulumi.Any("Managed by the platform team"),
		})
		if err != nil {
			return err
		}
		ctx.Export("tenantSettingLoginBannerLabel", loginBanner.Label)
		return nil
	})
}
