package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		rawData, err := runai.NewS3Asset(ctx, "raw-data", &runai.S3AssetArgs{
			Meta: &runai.S3AssetMetaArgs{
				Scope:     runai.S3AssetMetaScopeProject,
				ProjectId: pulumi.Int(1001),
			},
			Spec: &runai.S3AssetSpecArgs{
				Bucket: pulumi.String("datasets"),
				Path:   pulumi.String("/data/raw"),
				Url:    pulumi.String("https://minio.example.com:9000"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("s3AssetId", rawData.ID())
		return nil
	})
}
