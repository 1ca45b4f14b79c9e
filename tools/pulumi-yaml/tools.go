//go:build tools

// Package tools pins what scripts/ensure-pulumi.sh builds of Pulumi YAML: its language host, and
// its converter to PCL (the first half of `pulumi convert --from yaml`).
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-converter-yaml"
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
