// An Automation-API program in Go that declares Run:ai resources with no generated SDK: each one
// is a ctx.RegisterResource("runai:index:<Type>", …) against the `pulumi-resource-runai` plugin,
// which the project names through Plugins.Providers (so nothing is downloaded). The program is
// inline, so the CLI runs it through --client and no Go language host is needed.
//
// What to declare comes from the stack's configuration, as in the TypeScript lifecycle program:
//
//	lifecycle:resources      {"<name>": {"type": "ConfigMapAsset", "args": {…}, "provider": "<name>"}}
//	lifecycle:providers      {"<name>": {"url": …, "clientId": …, "clientSecret": …}} (explicit providers)
//	lifecycle:secretInputs   {"<Type>": ["spec.keyValuePairs[].value", …]}: wrapped in pulumi.ToSecret
//	lifecycle:secretOutputs  {"<Type>": ["secret"]}: AdditionalSecretOutputs
//
// Usage: go-automation <up|preview|refresh|destroy> -work-dir DIR -stack NAME -project NAME
// -plugin-dir DIR [-refresh] [-expect-no-changes]. The result is one JSON object on stdout; the
// engine's progress goes to stderr. The backend, PULUMI_HOME and passphrase come from the environment.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

type declaredResource struct {
	Type     string                 `json:"type"`
	Args     map[string]interface{} `json:"args"`
	Provider string                 `json:"provider,omitempty"`
}

// runaiResource is any runai resource: the program reads its id only.
type runaiResource struct {
	pulumi.CustomResourceState
}

type runaiProvider struct {
	pulumi.ProviderResourceState
}

// readJSON decodes the configuration value `key` into `into`; an absent key leaves it empty.
func readJSON(ctx *pulumi.Context, key string, into interface{}) error {
	raw := config.Get(ctx, key)
	if raw == "" {
		return nil
	}
	if err := json.Unmarshal([]byte(raw), into); err != nil {
		return fmt.Errorf("%s is not valid JSON: %w", key, err)
	}
	return nil
}

func program(ctx *pulumi.Context) error {
	var resources map[string]declaredResource
	var providers map[string]map[string]interface{}
	var secretInputs, secretOutputs map[string][]string
	for key, into := range map[string]interface{}{
		"lifecycle:resources":     &resources,
		"lifecycle:providers":     &providers,
		"lifecycle:secretInputs":  &secretInputs,
		"lifecycle:secretOutputs": &secretOutputs,
	} {
		if err := readJSON(ctx, key, into); err != nil {
			return err
		}
	}

	registered := map[string]*runaiProvider{}
	for _, name := range sortedKeys(providers) {
		var provider runaiProvider
		inputs := toInput(providers[name], nil).(pulumi.Map)
		if secret, ok := inputs["clientSecret"]; ok {
			inputs["clientSecret"] = pulumi.ToSecret(secret)
		}
		if err := ctx.RegisterResource("pulumi:providers:runai", name, inputs, &provider); err != nil {
			return err
		}
		registered[name] = &provider
	}

	ids := pulumi.StringMap{}
	for _, name := range sortedKeys(resources) {
		declared := resources[name]
		inputs := toInput(declared.Args, secretInputs[declared.Type])
		opts := []pulumi.ResourceOption{pulumi.AdditionalSecretOutputs(secretOutputs[declared.Type])}
		if declared.Provider != "" {
			provider, ok := registered[declared.Provider]
			if !ok {
				return fmt.Errorf("%s: no provider %q in lifecycle:providers", name, declared.Provider)
			}
			opts = append(opts, pulumi.Provider(provider))
		}
		var resource runaiResource
		if err := ctx.RegisterResource("runai:index:"+declared.Type, name, inputs, &resource, opts...); err != nil {
			return err
		}
		ids[name] = resource.ID().ToStringOutput()
	}
	ctx.Export("ids", ids)
	return nil
}

// toInput turns decoded JSON into Pulumi inputs, wrapping the values at `secretPaths` (dotted
// paths, `a[].b` meaning field b of every element of list a) as secrets, as an SDK generated from
// the schema would.
func toInput(value interface{}, secretPaths []string) pulumi.Input {
	return convert(value, "", secretPaths)
}

func convert(value interface{}, path string, secretPaths []string) pulumi.Input {
	var input pulumi.Input
	switch v := value.(type) {
	case map[string]interface{}:
		m := pulumi.Map{}
		for key, inner := range v {
			m[key] = convert(inner, join(path, key), secretPaths)
		}
		input = m
	case []interface{}:
		a := pulumi.Array{}
		for _, inner := range v {
			a = append(a, convert(inner, path+"[]", secretPaths))
		}
		input = a
	case string:
		input = pulumi.String(v)
	case float64:
		input = pulumi.Float64(v)
	case bool:
		input = pulumi.Bool(v)
	default:
		input = pulumi.Any(v)
	}
	for _, secret := range secretPaths {
		if secret == path {
			return pulumi.ToSecret(input)
		}
	}
	return input
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// step is one planned or applied resource operation, as the engine reported it.
type step struct {
	Op  string `json:"op"`
	URN string `json:"urn"`
}

// collectSteps gathers the engine's resource-pre events until the channel closes.
func collectSteps(ch <-chan events.EngineEvent, done chan<- []step) {
	var steps []step
	for event := range ch {
		if event.ResourcePreEvent != nil {
			metadata := event.ResourcePreEvent.Metadata
			steps = append(steps, step{Op: string(metadata.Op), URN: metadata.URN})
		}
	}
	done <- steps
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go-automation <up|preview|refresh|destroy> [flags]")
		os.Exit(2)
	}
	op := os.Args[1]
	flags := flag.NewFlagSet(op, flag.ExitOnError)
	workDir := flags.String("work-dir", "", "the project directory (Pulumi.yaml and the stack's config)")
	stackName := flags.String("stack", "test", "the stack")
	projectName := flags.String("project", "go-automation", "the project")
	pluginDir := flags.String("plugin-dir", "", "the directory holding pulumi-resource-runai")
	refresh := flags.Bool("refresh", false, "refresh before the operation")
	expectNoChanges := flags.Bool("expect-no-changes", false, "fail if anything would change")
	_ = flags.Parse(os.Args[2:])
	if *workDir == "" || *pluginDir == "" {
		fmt.Fprintln(os.Stderr, "-work-dir and -plugin-dir are required")
		os.Exit(2)
	}

	result, err := run(context.Background(), op, *workDir, *stackName, *projectName, *pluginDir, *refresh, *expectNoChanges)
	if err != nil {
		fmt.Fprintf(os.Stderr, "go-automation %s: %v\n", op, err)
		os.Exit(1)
	}
	_ = json.NewEncoder(os.Stdout).Encode(result)
}

func run(ctx context.Context, op, workDir, stackName, projectName, pluginDir string, refresh, expectNoChanges bool) (interface{}, error) {
	project := workspace.Project{
		Name:    tokens.PackageName(projectName),
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{{Name: "runai", Path: pluginDir}}},
	}
	stack, err := auto.UpsertStackInlineSource(ctx, stackName, projectName, program, auto.WorkDir(workDir), auto.Project(project))
	if err != nil {
		return nil, err
	}

	ch := make(chan events.EngineEvent)
	done := make(chan []step)
	go collectSteps(ch, done)
	progress := os.Stderr

	switch op {
	case "up":
		opts := []optup.Option{optup.ProgressStreams(progress), optup.EventStreams(ch)}
		if refresh {
			opts = append(opts, optup.Refresh())
		}
		if expectNoChanges {
			opts = append(opts, optup.ExpectNoChanges())
		}
		res, err := stack.Up(ctx, opts...)
		if err != nil {
			return nil, err
		}
		ids := map[string]interface{}{}
		if out, ok := res.Outputs["ids"]; ok {
			ids, _ = out.Value.(map[string]interface{})
		}
		return map[string]interface{}{"changes": res.Summary.ResourceChanges, "steps": <-done, "ids": ids}, nil
	case "preview":
		opts := []optpreview.Option{optpreview.ProgressStreams(progress), optpreview.EventStreams(ch)}
		if refresh {
			opts = append(opts, optpreview.Refresh())
		}
		if expectNoChanges {
			opts = append(opts, optpreview.ExpectNoChanges())
		}
		res, err := stack.Preview(ctx, opts...)
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"changes": res.ChangeSummary, "steps": <-done}, nil
	case "refresh":
		opts := []optrefresh.Option{optrefresh.ProgressStreams(progress), optrefresh.EventStreams(ch)}
		if expectNoChanges {
			opts = append(opts, optrefresh.ExpectNoChanges())
		}
		res, err := stack.Refresh(ctx, opts...)
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"changes": res.Summary.ResourceChanges, "steps": <-done}, nil
	case "destroy":
		res, err := stack.Destroy(ctx, optdestroy.ProgressStreams(progress), optdestroy.EventStreams(ch))
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"changes": res.Summary.ResourceChanges, "steps": <-done}, nil
	default:
		return nil, fmt.Errorf("unknown operation %q (up, preview, refresh or destroy)", op)
	}
}
