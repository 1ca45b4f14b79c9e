// Package codegenhost is a language host that only generates code: the engine's GeneratePackage
// call (`pulumi package gen-sdk`, `pulumi package add`) and, when given (program.go), its
// GenerateProgram and GenerateProject calls (`pulumi import`, `pulumi convert`), answered by
// Pulumi's own code generators for one language (pkg/codegen/<language>, the code the official
// hosts call). Every other call (running a program, installing dependencies) answers
// "unimplemented", which the engine reports.
//
// Why it exists: the official Go and Python language hosts live in Go modules that the module
// proxy reachable here does not serve (sdk/go/pulumi-language-go, sdk/python/cmd/pulumi-language-python),
// while their code generators are in pkg/v3, which the CLI is built from.
package codegenhost

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"google.golang.org/grpc"
	pbempty "google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Generate is one language's generator: the SDK's files by path, relative to the output directory.
type Generate func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest, loader schema.ReferenceLoader) (map[string][]byte, error)

// Wrap lets a host that does more than generate code (pulumi-language-go also runs programs) serve
// its own calls around the code-generating ones, which it embeds.
type Wrap func(codegen pulumirpc.LanguageRuntimeServer) pulumirpc.LanguageRuntimeServer

// Serve runs the host until the engine disconnects; `name` is the host's name in messages.
func Serve(name string, generate Generate, options ...Option) {
	h := &host{name: name, generate: generate}
	for _, option := range options {
		option(h)
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			var server pulumirpc.LanguageRuntimeServer = h
			for _, wrap := range h.wraps {
				server = wrap(server)
			}
			pulumirpc.RegisterLanguageRuntimeServer(srv, server)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not start the RPC server: %v\n", name, err)
		os.Exit(1)
	}
	// The engine reads the port from our first line of output.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: RPC server stopped: %v\n", name, err)
		os.Exit(1)
	}
}

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	name     string
	generate Generate
	program  Program // nil: GenerateProgram is unimplemented
	project  Project // nil: GenerateProject is unimplemented
	wraps    []Wrap  // the host's own calls around the code-generating ones
}

// WithWrap serves wrap's calls around the code-generating ones (see Wrap).
func WithWrap(wrap Wrap) Option {
	return func(h *host) { h.wraps = append(h.wraps, wrap) }
}

func (h *host) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *host) GeneratePackage(_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return GeneratePackage(h.name, req, h.generate)
}

// GeneratePackage binds the schema as the official hosts do (references to other packages through
// the engine's loader) and writes the generator's files under the requested directory.
func GeneratePackage(name string, req *pulumirpc.GeneratePackageRequest, generate Generate,
) (*pulumirpc.GeneratePackageResponse, error) {
	client, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	loader := schema.NewCachedLoader(client)
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, fmt.Errorf("%s: the schema is not valid JSON: %w", name, err)
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	diagnostics := plugin.HclDiagnosticsToRPCDiagnostics(diags)
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: diagnostics}, nil
	}
	files, err := generate(pkg, req, loader)
	if err != nil {
		return nil, err
	}
	for file, data := range files {
		path := filepath.Join(req.Directory, file)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: diagnostics}, nil
}
