#!/usr/bin/env bash
# Makes the Kubernetes provider plugin (`pulumi-resource-kubernetes`) available to
# examples/cluster-stack and its e2e test, offline: the npm package @pulumi/kubernetes carries no
# plugin binary, and its install script (which would download one) does not run here.
#
# The plugin is built from the Go module proxy through the wrapper module in tools/pulumi-kubernetes
# (go.mod and go.sum committed; the proxy serves github.com/pulumi/pulumi-kubernetes/provider/v4 at
# the one pseudo-version that go.mod requires) and cached per user outside the repository, keyed by
# the version it reports and the wrapper's files. It reports the version of the installed
# @pulumi/kubernetes SDK (or $1), the version the engine looks the plugin up by.
#
# Upstream's main embeds schema-embed.json, a file its release build generates and its published
# module does not hold: the build runs in a copy of the wrapper with both embedded files written
# from the module's schema.json (its version set) and terraform-mapping.json.
#
# Install it for a stack with
#   pulumi plugin install resource kubernetes <version> --file "$(bash scripts/ensure-kubernetes.sh)"
# Prints the binary's path as its last line of standard output; logs go to stderr.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wrapper="$repo_root/tools/pulumi-kubernetes"
log() { echo "ensure-kubernetes: $*" >&2; }

sdk_package="$repo_root/node_modules/@pulumi/kubernetes/package.json"
if [ -n "${1:-}" ]; then
  VERSION="${1#v}"
else
  [ -f "$sdk_package" ] || { log "node_modules/@pulumi/kubernetes is missing: run 'npm ci' first (or pass the version)"; exit 1; }
  VERSION="$(node -p 'require(process.argv[1]).version' "$sdk_package")"
fi

source "$repo_root/scripts/lib/build-cache.sh"
key="$(cat "$wrapper/go.mod" "$wrapper/go.sum" "$wrapper/tools.go" "$wrapper"/cmd/pulumi-resource-kubernetes/*.go | sha256sum | cut -c1-12)"
dir="$cache_root/kubernetes/$VERSION-$key"
binary="$dir/pulumi-resource-kubernetes"

# One build at a time per machine: a second caller waits for the first and then finds the binary.
lock_build_folder "$cache_root/kubernetes"

if [ ! -x "$binary" ]; then
  command -v go >/dev/null 2>&1 || { log "no Go toolchain to build pulumi-resource-kubernetes $VERSION: install Go >= 1.25"; exit 1; }
  staging="$(mktemp -d "$cache_root/kubernetes/.build-XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  cp -r "$wrapper/go.mod" "$wrapper/go.sum" "$wrapper/tools.go" "$wrapper/cmd" "$staging/"
  log "building pulumi-resource-kubernetes $VERSION from Go modules (first run only; many minutes)…"
  started=$SECONDS
  (
    cd "$staging"
    # The proxy reachable here serves modules but not the checksum database; go.sum (committed)
    # pins every module hash, and -mod=readonly refuses anything it does not list.
    export GOFLAGS="-mod=readonly" GOSUMDB=off GOTOOLCHAIN=local CGO_ENABLED=0
    upstream="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi-kubernetes/provider/v4 2>/dev/null || true)"
    if [ -z "$upstream" ]; then
      go mod download github.com/pulumi/pulumi-kubernetes/provider/v4
      upstream="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi-kubernetes/provider/v4)"
    fi
    node -e '
      const fs = require("fs");
      const [upstream, out, version] = process.argv.slice(1);
      const schema = JSON.parse(fs.readFileSync(`${upstream}/cmd/pulumi-resource-kubernetes/schema.json`, "utf8"));
      schema.version = version;
      fs.writeFileSync(`${out}/schema-embed.json`, JSON.stringify(schema));
      const mapping = JSON.parse(fs.readFileSync(`${upstream}/cmd/pulumi-resource-kubernetes/terraform-mapping.json`, "utf8"));
      fs.writeFileSync(`${out}/terraform-mapping-embed.json`, JSON.stringify(mapping));
    ' "$upstream" cmd/pulumi-resource-kubernetes "$VERSION"
    go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=$VERSION" \
      -o "$staging/out/" ./cmd/pulumi-resource-kubernetes
  )
  mkdir -p "$staging/final"
  mv "$staging/out/pulumi-resource-kubernetes" "$staging/final/"
  log "built in $((SECONDS - started))s"
  mv -T "$staging/final" "$dir"
  rm -rf "$staging"
  trap - EXIT
fi
echo "$binary"
