// Command pulumi-language-go is this project's Go language host: it builds and runs Go programs
// (`runtime: go`; run.go), tells the engine which resource plugins a program's modules need
// (packages.go), and generates Go SDKs for `pulumi package gen-sdk --language go` through Pulumi's
// Go code generator (pkg/codegen/go), as the official host does, and programs and projects for
// `pulumi import` and `pulumi convert --language go`.
//
// Why it exists: the official host (github.com/pulumi/pulumi/sdk/go/pulumi-language-go) is its own
// Go module, which the module proxy reachable here refuses, while everything it is made of (the
// Go SDK's run protocol, the code generator) is in the modules the CLI is built from; see
// internal/codegenhost. A `pulumi` CLI installed by the user brings the official host instead.
package main

import (
	"os"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-runai/pulumi-runai/tools/pulumi-cli/internal/codegenhost"
)

func main() {
	engineAddress := ""
	if len(os.Args) > 1 {
		// The engine passes its own address as the last positional argument.
		engineAddress = os.Args[len(os.Args)-1]
	}
	codegenhost.Serve("pulumi-language-go",
		func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, _ schema.ReferenceLoader) (map[string][]byte, error) {
			return gogen.GeneratePackage("pulumi-language-go", pkg, req.LocalDependencies)
		},
		codegenhost.WithProgram(gogen.GenerateProgram),
		codegenhost.WithProject(gogen.GenerateProject),
		codegenhost.WithWrap(func(codegen pulumirpc.LanguageRuntimeServer) pulumirpc.LanguageRuntimeServer {
			return &goHost{LanguageRuntimeServer: codegen, engineAddress: engineAddress}
		}))
}
