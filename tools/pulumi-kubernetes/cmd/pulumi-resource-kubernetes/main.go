// The Kubernetes provider plugin, as the upstream module's own cmd/pulumi-resource-kubernetes
// builds it. The upstream main embeds schema-embed.json, which its release build generates and its
// published module does not hold; scripts/ensure-kubernetes.sh writes both embedded files beside
// this one (from the module's schema.json and terraform-mapping.json) in a build copy of this
// module, outside the repository.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema-embed.json
var pulumiSchema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve("kubernetes", version.Version, pulumiSchema, terraformMapping)
}
