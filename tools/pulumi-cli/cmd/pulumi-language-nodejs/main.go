// Command pulumi-language-nodejs is a small Node.js language host for the Pulumi engine.
//
// Why it exists: the official language host lives in its own Go module
// (sdk/nodejs/cmd/pulumi-language-nodejs) that the Go module proxy available to this project
// does not serve, so it cannot be built from modules the way the `pulumi` CLI itself is.
// The engine only needs a gRPC LanguageRuntime server that starts the Node.js SDK's own
// program runner (`@pulumi/pulumi/cmd/run`) with the monitor/engine addresses and the stack
// configuration; SDK, program and project generation (GeneratePackage, GenerateProgram,
// GenerateProject: codegen.go) are Pulumi's own code generators; everything else (plugin
// discovery, dependency installation, `pulumi about`) answers "unimplemented", which the engine
// tolerates.
//
// Pulumi.yaml settings behave as with the official host (sdk/nodejs/cmd/pulumi-language-nodejs/
// main.go at v3.248.0; "official" below): the runtime options `typescript`, `tsconfig` and
// `nodeargs` (see runtimeOptions), and the project's `main`, which the engine itself resolves
// (pkg/engine/project.go getPwdMain) into the program directory and entry point of the
// RunRequest; a `main` field in package.json is read by the SDK's runner, cmd/run/run.ts.
//
// A `pulumi` CLI installed by the user brings the official host and this one is not used.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/google/shlex"
	"google.golang.org/grpc"
	pbempty "google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// exitAfterReportedError is the Node.js runner's exit code for "the error was already reported
// to the engine" (cmd/run: nodeJSProcessExitedAfterLoggingUserActionableMessage).
const exitAfterReportedError = 32

func main() {
	engineAddress := ""
	if len(os.Args) > 1 {
		// The engine passes its own address as the last positional argument.
		engineAddress = os.Args[len(os.Args)-1]
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-language-nodejs: could not find node on the $PATH")
		os.Exit(1)
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &nodeHost{nodeBin: nodeBin, engineAddress: engineAddress})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start the RPC server: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from our first line of output.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: RPC server stopped: %v\n", err)
		os.Exit(1)
	}
}

type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	nodeBin       string
	engineAddress string
}

func (h *nodeHost) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Dynamic providers ship inside @pulumi/pulumi, so a program needs no extra resource plugins.
func (h *nodeHost) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *nodeHost) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	// The engine has already applied Pulumi.yaml's `main`: a directory becomes the program directory
	// with entry point ".", a file its directory and base name (official: constructArguments passes
	// both on unchanged). With ".", cmd/run/run.ts takes package.json "exports" or "main".
	programDir, entryPoint := req.GetPwd(), "."
	if info := req.GetInfo(); info != nil {
		if info.GetProgramDirectory() != "" {
			programDir = info.GetProgramDirectory()
		}
		if info.GetEntryPoint() != "" {
			entryPoint = info.GetEntryPoint()
		}
	}
	opts, err := parseRuntimeOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	// Official (execRuntime): `nodeargs` is split like a shell would (quotes group words), and
	// the pieces go to node before the runner script.
	nodeArgs, err := shlex.Split(opts.nodeargs)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	runner, err := findRunner(programDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append(nodeArgs, runner, "--monitor", req.GetMonitorAddress(), "--engine", h.engineAddress,
		"--project", req.GetProject(), "--stack", req.GetStack(), "--pwd", programDir,
		"--parallel", strconv.Itoa(int(req.GetParallel())))
	if req.GetOrganization() != "" {
		args = append(args, "--organization", req.GetOrganization())
	}
	if info := req.GetInfo(); info != nil && info.GetRootDirectory() != "" {
		args = append(args, "--root-directory", info.GetRootDirectory())
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	args = append(args, entryPoint)
	args = append(args, req.GetArgs()...)

	env, err := runnerEnv(req, opts)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, h.nodeBin, args...)
	// The official host leaves node in its own working directory, which the engine sets to the
	// program directory (ProjectInfoContext); relative `nodeargs` paths resolve from there.
	cmd.Dir = programDir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == exitAfterReportedError {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode())}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run the Node.js program: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// runtimeOptions are the Pulumi.yaml `runtime.options` that shape a run. Official: nodeOptions
// and parseOptions, same defaults and error messages. (Its `packagemanager` only matters to
// dependency installation, which this host does not do.)
type runtimeOptions struct {
	typescript bool   // run .ts through ts-node; default true
	tsconfig   string // the tsconfig file ts-node uses, relative to the program directory
	nodeargs   string // extra arguments to node, e.g. "--require ./preload.js"
}

func parseRuntimeOptions(options map[string]any) (runtimeOptions, error) {
	opts := runtimeOptions{typescript: true}
	if v, ok := options["typescript"]; ok {
		ts, ok := v.(bool)
		if !ok {
			return opts, errors.New("typescript option must be a boolean")
		}
		opts.typescript = ts
	}
	if v, ok := options["tsconfig"]; ok {
		tsconfig, ok := v.(string)
		if !ok {
			return opts, errors.New("tsconfigpath option must be a string")
		}
		opts.tsconfig = tsconfig
	}
	if v, ok := options["nodeargs"]; ok {
		nodeargs, ok := v.(string)
		if !ok {
			return opts, errors.New("nodeargs option must be a string")
		}
		opts.nodeargs = nodeargs
	}
	return opts, nil
}

// findRunner resolves @pulumi/pulumi/cmd/run the way Node would: from the program directory upwards.
func findRunner(programDir string) (string, error) {
	for dir := programDir; ; dir = filepath.Dir(dir) {
		candidate := filepath.Join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run")
		if _, err := os.Stat(filepath.Join(candidate, "index.js")); err == nil {
			return candidate, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("it looks like the Pulumi SDK has not been installed in %s: run `npm install`", programDir)
		}
	}
}

// runnerEnv passes the stack configuration and the runtime options the way the Node.js SDK reads
// them (runtime/config.ts and cmd/run/run.ts).
func runnerEnv(req *pulumirpc.RunRequest, opts runtimeOptions) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON))
	// Official (execRuntime): a variable is added only for `typescript: true` (the default) or a
	// non-empty `tsconfig`, after our own environment, so it wins over an inherited
	// PULUMI_NODEJS_TYPESCRIPT or PULUMI_NODEJS_TSCONFIG_PATH (exec keeps a key's last value);
	// `typescript: false` or no `tsconfig` leaves an inherited one alone. run.ts compiles
	// TypeScript only when PULUMI_NODEJS_TYPESCRIPT=true.
	if opts.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if opts.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfig)
	}
	return env, nil
}
