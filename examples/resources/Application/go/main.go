package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		ciBot, err := runai.NewApplication(ctx, "ci-bot", &runai.ApplicationArgs{
			RotateWhenChanged: pulumi.StringMap{
				"rotation": pulumi.String("2026-q3"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("applicationClientId", ciBot.ClientId)
		ctx.Export("applicationSecret", ciBot.Secret)
		return nil
	})
}
