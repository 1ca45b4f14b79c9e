package main

import (
	"context"

	"github.com/hashicorp/hcl/v2"

	nodegen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-runai/pulumi-runai/tools/pulumi-cli/internal/codegenhost"
)

// GeneratePackage writes a Node.js SDK (`pulumi package gen-sdk --language nodejs`, `pulumi package
// add`) through Pulumi's Node.js code generator, with the arguments the official host passes it.
func (h *nodeHost) GeneratePackage(_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return codegenhost.GeneratePackage("pulumi-language-nodejs", req,
		func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, loader schema.ReferenceLoader) (map[string][]byte, error) {
			return nodegen.GeneratePackage("pulumi-language-nodejs", pkg, req.ExtraFiles, req.LocalDependencies, req.Local, loader)
		})
}

// GenerateProgram turns the engine's PCL into TypeScript (`pulumi import`'s code) through Pulumi's
// Node.js program generator, bound as the official host binds it (codegenhost.GenerateProgram).
// The runai package's code uses the plugin-backed classes (plugin_classes.go).
func (h *nodeHost) GenerateProgram(_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return codegenhost.GenerateProgram("pulumi-language-nodejs", req,
		func(program *pcl.Program) (map[string][]byte, hcl.Diagnostics, error) {
			files, diags, err := nodegen.GenerateProgram(program)
			for name, contents := range files {
				files[name] = useRunaiClasses(name, contents)
			}
			return files, diags, err
		})
}

// GenerateProject writes a whole TypeScript project (`pulumi convert --language typescript`,
// `pulumi new` from a template in another language) through Pulumi's Node.js project generator,
// as the official host does (sdk/nodejs/cmd/pulumi-language-nodejs/main.go at v3.248.0: TypeScript
// run by ts-node), with the runai package's code on the plugin-backed classes.
func (h *nodeHost) GenerateProject(_ context.Context, req *pulumirpc.GenerateProjectRequest,
) (*pulumirpc.GenerateProjectResponse, error) {
	return codegenhost.GenerateProject("pulumi-language-nodejs", req,
		func(directory string, project workspace.Project, program *pcl.Program, localDependencies map[string]string) error {
			if err := nodegen.GenerateProject(directory, project, program, localDependencies, false, "nodejs"); err != nil {
				return err
			}
			return useRunaiClassesIn(directory)
		})
}
