// Command pulumi-language-python generates Python SDKs for `pulumi package gen-sdk --language
// python` through Pulumi's Python code generator (pkg/codegen/python), as the official host does.
// It does not run Python programs: see internal/codegenhost for why it exists.
package main

import (
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-runai/pulumi-runai/tools/pulumi-cli/internal/codegenhost"
)

func main() {
	codegenhost.Serve("pulumi-language-python",
		func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, loader schema.ReferenceLoader) (map[string][]byte, error) {
			return pygen.GeneratePackage("pulumi-language-python", pkg, req.ExtraFiles, loader)
		})
}
