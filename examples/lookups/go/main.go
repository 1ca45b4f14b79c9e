package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cluster := runai.LookupClusterOutput(ctx, runai.LookupClusterOutputArgs{
			Name: pulumi.String("research-cluster"),
		}, nil)
		research := runai.LookupDepartmentOutput(ctx, runai.LookupDepartmentOutputArgs{
			Name: pulumi.String("research"),
			ClusterId: cluster.ApplyT(func(cluster runai.LookupClusterResult) (string, error) {
				return cluster.Id, nil
			}).(pulumi.StringOutput),
		}, nil)
		teamA := runai.LookupProjectOutput(ctx, runai.LookupProjectOutputArgs{
			Name: pulumi.String("team-a"),
			ClusterId: cluster.ApplyT(func(cluster runai.LookupClusterResult) (string, error) {
				return cluster.Id, nil
			}).(pulumi.StringOutput),
		}, nil)
		a100 := runai.LookupNodePoolOutput(ctx, runai.LookupNodePoolOutputArgs{
			Name: pulumi.String("a100"),
			ClusterId: cluster.ApplyT(func(cluster runai.LookupClusterResult) (string, error) {
				return cluster.Id, nil
			}).(pulumi.StringOutput),
		}, nil)
		mlEngineer := runai.GetRoleOutput(ctx, runai.GetRoleOutputArgs{
			Name: pulumi.String("ML engineer"),
		}, nil)
		ctx.Export("clusterId", cluster.ApplyT(func(cluster runai.LookupClusterResult) (string, error) {
			return cluster.Id, nil
		}).(pulumi.StringOutput))
		ctx.Export("departmentId", research.ApplyT(func(research runai.LookupDepartmentResult) (string, error) {
			return research.Id, nil
		}).(pulumi.StringOutput))
		ctx.Export("projectId", teamA.ApplyT(func(teamA runai.LookupProjectResult) (string, error) {
			return teamA.Id, nil
		}).(pulumi.StringOutput))
		ctx.Export("nodePoolId", a100.ApplyT(func(a100 runai.LookupNodePoolResult) (string, error) {
			return a100.Id, nil
		}).(pulumi.StringOutput))
		ctx.Export("roleId", mlEngineer.ApplyT(func(mlEngineer runai.GetRoleResult) (int, error) {
			return mlEngineer.Id, nil
		}).(pulumi.IntOutput))
		return nil
	})
}
