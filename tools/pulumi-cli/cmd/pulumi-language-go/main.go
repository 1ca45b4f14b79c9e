// Command pulumi-language-go generates Go code through Pulumi's Go code generator
// (pkg/codegen/go), as the official host does: SDKs (`pulumi package gen-sdk --language go`),
// programs (`pulumi import`) and projects (`pulumi convert --language go`). It does not run Go
// programs: see internal/codegenhost for why it exists.
package main

import (
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-runai/pulumi-runai/tools/pulumi-cli/internal/codegenhost"
)

func main() {
	codegenhost.Serve("pulumi-language-go",
		func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, _ schema.ReferenceLoader) (map[string][]byte, error) {
			return gogen.GeneratePackage("pulumi-language-go", pkg, req.LocalDependencies)
		},
		codegenhost.WithProgram(gogen.GenerateProgram),
		codegenhost.WithProject(gogen.GenerateProject))
}
