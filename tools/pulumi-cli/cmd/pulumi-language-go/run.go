package main

// Running a program, as the official host does (sdk/go/pulumi-language-go/main.go at v3.248.0;
// "official" below): `go build` of the program directory into a temporary binary (or the
// `binary` runtime option's executable, or `buildTarget` as the build's output), started in the
// engine's working directory with the run's settings in the environment variables that the Go
// SDK's pulumi.Run reads (sdk/go/pulumi/run.go).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/constant"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// goHost answers the calls about programs; the embedded server (internal/codegenhost) answers
// the code-generating ones, GetPluginInfo, and "unimplemented" for the rest.
type goHost struct {
	pulumirpc.LanguageRuntimeServer
	engineAddress string
}

// goOptions are the Pulumi.yaml `runtime.options` of a Go program (official: parseOptions, same
// error messages).
type goOptions struct {
	binary      string // a prebuilt executable to run instead of building: a path, or a name on $PATH
	buildTarget string // where `go build` writes the program, kept after the run
}

func parseOptions(options map[string]any) (goOptions, error) {
	var opts goOptions
	if v, ok := options["binary"]; ok {
		binary, ok := v.(string)
		if !ok {
			return opts, errors.New("binary option must be a string")
		}
		opts.binary = binary
	}
	if v, ok := options["buildTarget"]; ok {
		target, ok := v.(string)
		if !ok {
			return opts, errors.New("buildTarget option must be a string")
		}
		opts.buildTarget = target
	}
	if opts.binary != "" && opts.buildTarget != "" {
		return opts, errors.New("binary and buildTarget cannot both be specified")
	}
	return opts, nil
}

func (h *goHost) Run(_ context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	programDir := req.GetInfo().GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd()
	}
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return nil, err
	}
	env, err := programEnv(req, h.engineAddress)
	if err != nil {
		return nil, fmt.Errorf("failed to prepare environment: %w", err)
	}

	var bin string
	if opts.binary != "" {
		if bin, err = findBinary(programDir, opts.binary); err != nil {
			return nil, err
		}
	} else {
		target := opts.buildTarget
		if target != "" && !filepath.IsAbs(target) {
			target = filepath.Join(programDir, target)
		}
		if bin, err = buildProgram(programDir, target); err != nil {
			return nil, err
		}
		if opts.buildTarget == "" {
			defer os.Remove(bin)
		}
	}
	return runProgram(req.GetPwd(), bin, env), nil
}

// findBinary resolves the `binary` option: a path (relative to the program directory) or a name
// looked up on $PATH.
func findBinary(programDir, binary string) (string, error) {
	path := binary
	if strings.ContainsRune(binary, filepath.Separator) && !filepath.IsAbs(binary) {
		path = filepath.Join(programDir, binary)
	}
	found, err := exec.LookPath(path)
	if err != nil {
		return "", fmt.Errorf("unable to find '%s' executable: %w", binary, err)
	}
	return found, nil
}

// buildProgram runs `go build` in the program directory; the compiler's messages become the
// error, so a program that does not compile says where, in the CLI's output.
func buildProgram(programDir, outfile string) (string, error) {
	pattern := filepath.Join(programDir, "*.go")
	if matches, err := filepath.Glob(pattern); err != nil || len(matches) == 0 {
		return "", fmt.Errorf("Failed to find go files for 'go build' matching %s", pattern)
	}
	if outfile == "" {
		f, err := os.CreateTemp("", "pulumi-go.*")
		if err != nil {
			return "", fmt.Errorf("unable to create go program temp file: %w", err)
		}
		if err := f.Close(); err != nil {
			return "", fmt.Errorf("unable to close go program temp file: %w", err)
		}
		outfile = f.Name()
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("unable to find 'go' executable: %w", err)
	}
	var output bytes.Buffer
	build := exec.Command(gobin, "build", "-o", outfile)
	build.Dir = programDir
	build.Stdout, build.Stderr = &output, &output
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("error in compiling Go: unable to run `go build`: %w\n%s", err, strings.TrimSpace(output.String()))
	}
	return outfile, nil
}

// runProgram starts the built program and turns its exit into the engine's answer: 32 means the
// SDK already reported the error to the engine (official: runProgram).
func runProgram(pwd, bin string, env []string) *pulumirpc.RunResponse {
	cmd := exec.Command(bin)
	cmd.Dir = pwd
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exitErr) && exitErr.ExitCode() == constant.ExitStatusLoggedError:
		return &pulumirpc.RunResponse{Bail: true}
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited with non-zero exit code: %d", exitErr.ExitCode())}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("command errored unexpectedly: %v", err)}
	}
}

// programEnv is how pulumi.Run learns about the run (official: constructEnv): a variable only when
// it has a value, after the inherited environment so that it wins.
func programEnv(req *pulumirpc.RunRequest, engineAddress string) ([]string, error) {
	config := ""
	if req.GetConfig() != nil {
		data, err := json.Marshal(req.GetConfig())
		if err != nil {
			return nil, err
		}
		config = string(data)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := os.Environ()
	add := func(key, value string) {
		if value != "" {
			env = append(env, key+"="+value)
		}
	}
	add(pulumi.EnvOrganization, req.GetOrganization())
	add(pulumi.EnvProject, req.GetProject())
	add(pulumi.EnvPulumiRootDirectory, req.GetInfo().GetRootDirectory())
	add(pulumi.EnvStack, req.GetStack())
	add(pulumi.EnvConfig, config)
	add(pulumi.EnvConfigSecretKeys, string(secretKeysJSON))
	add(pulumi.EnvDryRun, strconv.FormatBool(req.GetDryRun()))
	add(pulumi.EnvParallel, strconv.Itoa(int(req.GetParallel())))
	add(pulumi.EnvMonitor, req.GetMonitorAddress())
	add(pulumi.EnvEngine, engineAddress)
	return env, nil
}
