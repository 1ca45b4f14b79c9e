package main

// What a program needs besides itself: the resource plugins of the provider SDKs its go.mod
// requires, found as the official host finds them (GetRequiredPackages: the pulumi-plugin.json
// that a generated SDK carries, next to its packages), so that the engine loads the installed
// plugin of that name and version before the program starts; and `pulumi install`'s
// `go mod tidy`.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// module is what `go list -m -json` and `go mod edit -json` say of a module that we use.
type module struct {
	Path    string
	Version string
	Dir     string // where its source is (a `replace` to a folder gives that folder)
}

// GetRequiredPackages is lenient like the official host: a program that is not a module, or
// whose modules cannot be listed, needs no packages; the build then says what is wrong.
func (h *goHost) GetRequiredPackages(ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	modules, err := requiredModules(ctx, req.GetInfo().GetProgramDirectory())
	if err != nil {
		logging.V(5).Infof("GetRequiredPackages: %v", err)
		return &pulumirpc.GetRequiredPackagesResponse{}, nil
	}
	packages := []*pulumirpc.PackageDependency{}
	for _, m := range modules {
		pkg, err := providerPackage(m)
		if err != nil {
			logging.V(5).Infof("GetRequiredPackages: ignoring %s %s: %v", m.Path, m.Version, err)
			continue
		}
		packages = append(packages, pkg)
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// requiredModules lists the modules that the program's go.mod requires, with their source folders.
func requiredModules(ctx context.Context, programDir string) ([]module, error) {
	goMod, err := goOutput(ctx, programDir, "list", "-m", "-f", "{{.GoMod}}")
	if err != nil {
		return nil, err
	}
	if goMod == "" {
		return nil, fmt.Errorf("no go.mod file found: %v", programDir)
	}
	edit, err := goOutput(ctx, programDir, "mod", "edit", "-json", goMod)
	if err != nil {
		return nil, err
	}
	var parsed struct{ Require []struct{ Path string } }
	if err := json.Unmarshal([]byte(edit), &parsed); err != nil {
		return nil, fmt.Errorf("go mod edit -json: %w", err)
	}
	if len(parsed.Require) == 0 {
		return nil, nil
	}
	args := []string{"list", "-m", "-json"}
	for _, r := range parsed.Require {
		args = append(args, r.Path)
	}
	listed, err := goOutput(ctx, filepath.Dir(goMod), args...)
	if err != nil {
		return nil, err
	}
	var modules []module
	for dec := json.NewDecoder(strings.NewReader(listed)); dec.More(); {
		var m module
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("go list -m -json: %w", err)
		}
		if m.Dir != "" {
			modules = append(modules, m)
		}
	}
	return modules, nil
}

// providerPackage is the plugin a provider SDK module stands for: the name and version in its
// pulumi-plugin.json (found where the official host looks: the module's folder, go/, go/*/, */).
func providerPackage(m module) (*pulumirpc.PackageDependency, error) {
	paths := []string{filepath.Join(m.Dir, "pulumi-plugin.json"), filepath.Join(m.Dir, "go", "pulumi-plugin.json")}
	for _, pattern := range []string{filepath.Join(m.Dir, "go", "*", "pulumi-plugin.json"), filepath.Join(m.Dir, "*", "pulumi-plugin.json")} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	for _, path := range paths {
		manifest, err := plugin.LoadPulumiPluginJSON(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !manifest.Resource || manifest.Name == "" || manifest.Version == "" {
			return nil, fmt.Errorf("%s names no resource plugin with a version", path)
		}
		return &pulumirpc.PackageDependency{Kind: "resource", Name: manifest.Name, Version: manifest.Version, Server: manifest.Server}, nil
	}
	// The official host also guesses from github.com/pulumi/pulumi-<name> paths and Go module
	// versions; the SDKs that `pulumi package gen-sdk` writes always carry the file.
	return nil, errors.New("module is not a pulumi provider (no pulumi-plugin.json)")
}

// goOutput runs the go command in dir and returns its trimmed standard output; GOWORK is off, so
// that only the program's own module counts (official: loadGomod).
func goOutput(ctx context.Context, dir string, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(stdout.String()), nil
}

// InstallDependencies is `pulumi install` (and `pulumi new`): `go mod tidy`, as the official host.
func (h *goHost) InstallDependencies(req *pulumirpc.InstallDependenciesRequest,
	server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	fmt.Fprint(stdout, "Installing dependencies...\n\n")
	cmd := exec.Command("go", "mod", "tidy")
	cmd.Dir = req.GetInfo().GetProgramDirectory()
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("`go mod tidy` failed to install dependencies: %w", err)
	}
	fmt.Fprint(stdout, "Finished installing dependencies\n\n")
	return closer.Close()
}
