package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		jupyterLab, err := runai.NewEnvironmentAsset(ctx, "jupyter-lab", &runai.EnvironmentAssetArgs{
			Meta: &runai.EnvironmentAssetMetaArgs{
				Scope:     runai.EnvironmentAssetMetaScopeProject,
				ProjectId: pulumi.Int(1001),
				WorkloadSupportedTypes: &runai.EnvironmentAssetMetaWorkloadSupportedTypesArgs{
					Workspace: pulumi.Bool(true),
				},
			},
			Spec: &runai.EnvironmentAssetSpecArgs{
				Image:        pulumi.String("quay.io/jupyter/scipy-notebook:2024-10-07"),
				UidGidSource: runai.EnvironmentAssetSpecUidGidSourceCustom,
				RunAsUid:     pulumi.Int(1000),
				RunAsGid:     pulumi.Int(100),
				EnvironmentVariables: runai.EnvironmentAssetSpecEnvironmentVariablesArray{
					&runai.EnvironmentAssetSpecEnvironmentVariablesArgs{
						Name:  pulumi.String("JUPYTER_ENABLE_LAB"),
						Value: pulumi.String("yes"),
					},
				},
				Connections: runai.EnvironmentAssetSpecConnectionsArray{
					&runai.EnvironmentAssetSpecConnectionsArgs{
						Name: pulumi.String("jupyter"),
						InternalToolInfo: &runai.EnvironmentAssetSpecConnectionsInternalToolInfoArgs{
							ToolType:       runai.EnvironmentAssetSpecConnectionsInternalToolInfoToolType_Jupyter_Notebook,
							ConnectionType: runai.EnvironmentAssetSpecConnectionsInternalToolInfoConnectionTypeNodePort,
							ContainerPort:  pulumi.Int(8888),
						},
					},
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("environmentAssetId", jupyterLab.ID())
		return nil
	})
}
