//go:build tools

// Package tools pins the Pulumi CLI version built by scripts/ensure-pulumi.sh.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
