//go:build tools

// Package tools pins the Kubernetes provider plugin version built by scripts/ensure-kubernetes.sh.
package tools

import (
	_ "github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
)
