// Command pulumi-language-python generates Python code through Pulumi's Python code generator
// (pkg/codegen/python), as the official host does: SDKs (`pulumi package gen-sdk --language
// python`), programs (`pulumi import`) and projects (`pulumi convert --language python`). It does
// not run Python programs: see internal/codegenhost for why it exists.
package main

import (
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-runai/pulumi-runai/tools/pulumi-cli/internal/codegenhost"
)

func main() {
	codegenhost.Serve("pulumi-language-python",
		func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, loader schema.ReferenceLoader) (map[string][]byte, error) {
			return pygen.GeneratePackage("pulumi-language-python", pkg, req.ExtraFiles, loader)
		},
		codegenhost.WithProgram(pygen.GenerateProgram),
		codegenhost.WithProject(func(directory string, project workspace.Project, program *pcl.Program,
			localDependencies map[string]string,
		) error {
			// No type checker and the default toolchain (pip), as the official host without options.
			return pygen.GenerateProject(directory, project, program, localDependencies, "", "")
		}))
}
