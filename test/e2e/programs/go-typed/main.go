// Run:ai objects from Go with the generated SDK: the cluster, a node pool, a project and a role
// looked up by name, then a department with a project that has a GPU quota in that node pool, a
// ConfigMap asset in the new project, and an application that may view it.
package main

import (
	"strconv"

	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cluster, err := runai.LookupCluster(ctx, &runai.LookupClusterArgs{Name: "research-cluster"})
		if err != nil {
			return err
		}
		pool, err := runai.LookupNodePool(ctx, &runai.LookupNodePoolArgs{Name: "default", ClusterId: cluster.Id})
		if err != nil {
			return err
		}
		existing, err := runai.LookupProject(ctx, &runai.LookupProjectArgs{Name: "team-a", ClusterId: cluster.Id})
		if err != nil {
			return err
		}
		viewer, err := runai.GetRole(ctx, &runai.GetRoleArgs{Name: "Viewer"})
		if err != nil {
			return err
		}

		department, err := runai.NewDepartment(ctx, "go-research", &runai.DepartmentArgs{
			ClusterId:   pulumi.String(cluster.Id),
			Description: pulumi.String("from Go"),
			Resources: runai.DepartmentResourcesArray{runai.DepartmentResourcesArgs{
				NodePool: runai.DepartmentResourcesNodePoolArgs{Id: pulumi.String(pool.Id)},
				Gpu:      runai.DepartmentResourcesGpuArgs{Deserved: pulumi.Float64(2)},
			}},
		})
		if err != nil {
			return err
		}
		project, err := runai.NewProject(ctx, "go-team", &runai.ProjectArgs{
			ClusterId:    pulumi.String(cluster.Id),
			DepartmentId: department.ID().ToStringOutput().ToStringPtrOutput(),
			Resources: runai.ProjectResourcesArray{runai.ProjectResourcesArgs{
				NodePool: runai.ProjectResourcesNodePoolArgs{Id: pulumi.String(pool.Id)},
				Gpu:      runai.ProjectResourcesGpuArgs{Deserved: pulumi.Float64(1)},
			}},
		})
		if err != nil {
			return err
		}
		// Assets name their project by number; Project ids are strings on the org-unit API.
		projectNumber := project.ID().ApplyT(func(id pulumi.ID) (int, error) { return strconv.Atoi(string(id)) }).(pulumi.IntOutput)
		config, err := runai.NewConfigMapAsset(ctx, "go-config", &runai.ConfigMapAssetArgs{
			Meta: runai.ConfigMapAssetMetaArgs{Scope: runai.ConfigMapAssetMetaScopeProject, ProjectId: projectNumber.ToIntPtrOutput()},
			Spec: runai.ConfigMapAssetSpecArgs{ConfigMap: pulumi.String("training-hyperparameters"), MountPath: pulumi.String("/etc/go-typed")},
		})
		if err != nil {
			return err
		}
		app, err := runai.NewApplication(ctx, "go-ci", &runai.ApplicationArgs{})
		if err != nil {
			return err
		}
		rule, err := runai.NewAccessRule(ctx, "go-ci-viewer", &runai.AccessRuleArgs{
			SubjectType: runai.AccessRuleSubjectTypeApp,
			SubjectId:   app.Name,
			RoleId:      pulumi.Int(viewer.Id),
			ScopeType:   runai.AccessRuleScopeTypeProject,
			ScopeId:     project.ID().ToStringOutput(),
		})
		if err != nil {
			return err
		}

		ctx.Export("clusterId", pulumi.String(cluster.Id))
		ctx.Export("poolId", pulumi.String(pool.Id))
		ctx.Export("existingProjectId", pulumi.String(existing.Id))
		ctx.Export("departmentId", department.ID())
		ctx.Export("projectId", project.ID())
		ctx.Export("configId", config.ID())
		ctx.Export("appId", app.ID())
		ctx.Export("appName", app.Name)
		ctx.Export("appClientId", app.ClientId)
		ctx.Export("appSecret", app.Secret)
		ctx.Export("ruleId", rule.ID())
		ctx.Export("ruleRoleId", rule.RoleId)
		return nil
	})
}
