package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		registryPassword := cfg.RequireSecret("registryPassword")
		registryLogin, err := runai.NewDockerRegistryCredential(ctx, "registry-login", &runai.DockerRegistryCredentialArgs{
			Meta: &runai.DockerRegistryCredentialMetaArgs{
				Scope:        runai.DockerRegistryCredentialMetaScopeDepartment,
				DepartmentId: pulumi.String("101"),
			},
			Spec: &runai.DockerRegistryCredentialSpecArgs{
				Url:      pulumi.String("https://registry.example.com"),
				User:     pulumi.String("puller"),
				Password: registryPassword,
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("dockerRegistryCredentialId", registryLogin.ID())
		return nil
	})
}
