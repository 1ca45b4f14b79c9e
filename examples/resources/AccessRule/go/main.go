package main

import (
	"github.com/pulumi-runai/pulumi-runai/sdk/go/runai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		aliceMlEngineer, err := runai.NewAccessRule(ctx, "alice-ml-engineer", &runai.AccessRuleArgs{
			SubjectType: runai.AccessRuleSubjectTypeUser,
			SubjectId:   pulumi.String("alice@example.com"),
			Role:        pulumi.String("ML engineer"),
			ScopeType:   runai.AccessRuleScopeTypeProject,
			ScopeId:     pulumi.String("1001"),
		})
		if err != nil {
			return err
		}
		ctx.Export("accessRuleId", aliceMlEngineer.ID())
		return nil
	})
}
