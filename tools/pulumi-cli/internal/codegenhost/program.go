package codegenhost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/pulumi/pulumi/pkg/v3/codegen/hcl2/syntax"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Program is one language's program generator (pkg/codegen/<language>.GenerateProgram): the
// program's files by name. The engine calls it for `pulumi import` and `pulumi convert` output.
type Program func(program *pcl.Program) (map[string][]byte, hcl.Diagnostics, error)

// Project is one language's project generator (pkg/codegen/<language>.GenerateProject): the
// program and its project files (Pulumi.yaml, go.mod, requirements.txt…) written into directory.
// `pulumi convert --language <language>` calls it.
type Project func(directory string, project workspace.Project, program *pcl.Program,
	localDependencies map[string]string) error

// Option adds a call to what the host answers.
type Option func(*host)

// WithProgram makes the host answer GenerateProgram with generate.
func WithProgram(generate Program) Option {
	return func(h *host) { h.program = generate }
}

// WithProject makes the host answer GenerateProject with generate.
func WithProject(generate Project) Option {
	return func(h *host) { h.project = generate }
}

func (h *host) GenerateProgram(ctx context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	if h.program == nil {
		return h.UnimplementedLanguageRuntimeServer.GenerateProgram(ctx, req)
	}
	return GenerateProgram(h.name, req, h.program)
}

func (h *host) GenerateProject(ctx context.Context, req *pulumirpc.GenerateProjectRequest,
) (*pulumirpc.GenerateProjectResponse, error) {
	if h.project == nil {
		return h.UnimplementedLanguageRuntimeServer.GenerateProject(ctx, req)
	}
	return GenerateProject(h.name, req, h.project)
}

// Link answers `pulumi convert`, which asks the target language's host to link the program's local
// SDKs into the project it generated, even when there are none: only parameterized packages get a
// local SDK, and the runai package is not one. Linking real SDKs is left unimplemented.
func (h *host) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	if len(req.Packages) == 0 {
		return &pulumirpc.LinkResponse{}, nil
	}
	return h.UnimplementedLanguageRuntimeServer.Link(ctx, req)
}

// bindOptions are the official hosts' for both calls: output-versioned invokes (a look-up takes
// and returns Outputs), and the lenient binder unless the engine asks for strict.
func bindOptions(strict bool) []pcl.BindOption {
	options := []pcl.BindOption{pcl.PreferOutputVersionedInvokes}
	if !strict {
		options = append(options, pcl.NonStrictBindOptions()...)
	}
	return options
}

// GenerateProgram binds the engine's PCL sources against the packages' schemas (through the
// engine's loader, as the official hosts do) and returns what generate makes of it.
func GenerateProgram(name string, req *pulumirpc.GenerateProgramRequest, generate Program,
) (*pulumirpc.GenerateProgramResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	parser := syntax.NewParser()
	for path, contents := range req.Source {
		if err := parser.ParseFile(strings.NewReader(contents), path); err != nil {
			return nil, err
		}
		if parser.Diagnostics.HasErrors() {
			return &pulumirpc.GenerateProgramResponse{
				Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(parser.Diagnostics),
			}, nil
		}
	}
	program, diags, err := pcl.BindProgram(parser.Files, schema.NewCachedLoader(loader), bindOptions(req.Strict)...)
	if err != nil {
		return nil, err
	}
	diagnostics := plugin.HclDiagnosticsToRPCDiagnostics(diags)
	if diags.HasErrors() {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: diagnostics}, nil
	}
	if program == nil {
		return nil, fmt.Errorf("%s: the program did not bind", name)
	}
	files, diags, err := generate(program)
	if err != nil {
		return nil, err
	}
	diagnostics = append(diagnostics, plugin.HclDiagnosticsToRPCDiagnostics(diags)...)
	return &pulumirpc.GenerateProgramResponse{Source: files, Diagnostics: diagnostics}, nil
}

// GenerateProject binds the PCL program in the request's source directory and has generate write
// the project into the target directory.
func GenerateProject(name string, req *pulumirpc.GenerateProjectRequest, generate Project,
) (*pulumirpc.GenerateProjectResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	program, diags, err := pcl.BindDirectory(req.SourceDirectory, schema.NewCachedLoader(loader), bindOptions(req.Strict)...)
	if err != nil {
		return nil, err
	}
	diagnostics := plugin.HclDiagnosticsToRPCDiagnostics(diags)
	if diags.HasErrors() {
		return &pulumirpc.GenerateProjectResponse{Diagnostics: diagnostics}, nil
	}
	if program == nil {
		return nil, errors.New(name + ": the program did not bind")
	}
	var project workspace.Project
	if err := json.Unmarshal([]byte(req.Project), &project); err != nil {
		return nil, fmt.Errorf("%s: the project is not valid JSON: %w", name, err)
	}
	if err := generate(req.TargetDirectory, project, program, req.LocalDependencies); err != nil {
		return nil, err
	}
	return &pulumirpc.GenerateProjectResponse{Diagnostics: diagnostics}, nil
}
