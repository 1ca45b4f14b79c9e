package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		nfsDatasets, err := runai.NewNfsAsset(ctx, "nfs-datasets", &runai.NfsAssetArgs{
			Meta: &runai.NfsAssetMetaArgs{
				Scope:        runai.NfsAssetMetaScopeDepartment,
				DepartmentId: pulumi.String("101"),
			},
			Spec: &runai.NfsAssetSpecArgs{
				Server:    pulumi.String("nfs.internal"),
				Path:      pulumi.String("/exports/datasets"),
				MountPath: pulumi.String("/datasets"),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("nfsAssetId", nfsDatasets.ID())
		return nil
	})
}
