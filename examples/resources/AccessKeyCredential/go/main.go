package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		s3SecretAccessKey := cfg.RequireSecret("s3SecretAccessKey")
		datasetsReader, err := runai.NewAccessKeyCredential(ctx, "datasets-reader", &runai.AccessKeyCredentialArgs{
			Meta: &runai.AccessKeyCredentialMetaArgs{
				Scope:       runai.AccessKeyCredentialMetaScopeProject,
				ProjectId:   pulumi.Int(1001),
				Description: pulumi.String("Read-only key for the datasets bucket"),
			},
			Spec: &runai.AccessKeyCredentialSpecArgs{
				AccessKeyId:     pulumi.String("AKIAEXAMPLE"),
				SecretAccessKey: s3SecretAccessKey,
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("accessKeyCredentialId", datasetsReader.ID())
		return nil
	})
}
