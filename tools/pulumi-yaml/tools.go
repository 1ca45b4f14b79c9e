//go:build tools

// Package tools pins the Pulumi YAML language host and converter (`pulumi convert` from YAML)
// built by scripts/ensure-pulumi.sh.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-converter-yaml"
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
