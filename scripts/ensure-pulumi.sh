#!/usr/bin/env bash
# Makes a real `pulumi` CLI available to the demo and the e2e tests, offline.
#
# 1. A `pulumi` already on PATH with version >= 3.139 (dynamic-provider configure() support) is used.
# 2. Otherwise pulumi is built from the Go module proxy through the wrapper module in
#    tools/pulumi-cli, at the version its go.mod requires (the one place the pinned version is
#    written; a plain `go install …@v3.x.y` fails on pulumi's replace directives),
#    together with this project's small Node.js and Go language hosts and the Python SDK generator
#    (`pulumi package gen-sdk`; tools/pulumi-cli/internal/codegenhost), and cached per user outside
#    the repository: `pulumi` keyed by version, go.mod, go.sum and tools.go, the hosts by version,
#    go.mod, go.sum and their own source (a host edit rebuilds only the hosts, in seconds).
# 3. Pulumi YAML's language host (`pulumi-language-yaml`, for the runai plugin's YAML programs) and
#    its converter (`pulumi-converter-yaml`, for `pulumi convert --from yaml`, which writes the
#    examples' Go and Python) are built the same way through the wrapper module in tools/pulumi-yaml
#    (the proxy refuses a plain `go install` of them), cached under their own key, and linked beside
#    `pulumi`. An existing `pulumi` counts only when both are beside it or on PATH.
# In both cases the dynamic-provider plugin script shipped in node_modules/@pulumi/pulumi is put
# next to the binaries so the engine never tries to download a plugin.
#
# Prints the directory holding `pulumi` as its last line of standard output; logs go to stderr.
set -euo pipefail

MIN_VERSION="3.139.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "ensure-pulumi: $*" >&2; }

# The pinned version ("v3.x.y"): what tools/pulumi-cli/go.mod requires of pulumi/pkg/v3.
PULUMI_VERSION="$(awk -v m=github.com/pulumi/pulumi/pkg/v3 '
  $1 == m { print $2; exit }
  $1 == "require" && $2 == m { print $3; exit }' "$repo_root/tools/pulumi-cli/go.mod")"
[ -n "$PULUMI_VERSION" ] || { log "tools/pulumi-cli/go.mod does not require github.com/pulumi/pulumi/pkg/v3"; exit 1; }

yaml_wrapper="$repo_root/tools/pulumi-yaml"
# The pinned YAML host version: what tools/pulumi-yaml/go.mod requires of pulumi/pulumi-yaml.
YAML_VERSION="$(awk -v m=github.com/pulumi/pulumi-yaml '
  $1 == m { print $2; exit }
  $1 == "require" && $2 == m { print $3; exit }' "$yaml_wrapper/go.mod")"
[ -n "$YAML_VERSION" ] || { log "tools/pulumi-yaml/go.mod does not require github.com/pulumi/pulumi-yaml"; exit 1; }

version_ge() { # version_ge A B: A >= B (semver without pre-release)
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

plugin_script="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[ -f "$plugin_script" ] || { log "node_modules/@pulumi/pulumi is missing: run 'npm ci' first"; exit 1; }

if [ -z "${PULUMI_RUNAI_BUILD_CLI:-}" ] && existing="$(command -v pulumi 2>/dev/null)"; then
  found="$("$existing" version 2>/dev/null | sed 's/^v//' || true)"
  if [ -n "$found" ] && version_ge "${found%%-*}" "$MIN_VERSION"; then
    dir="$(dirname "$(readlink -f "$existing")")"
    has() { [ -x "$dir/$1" ] || command -v "$1" >/dev/null 2>&1; }
    if has pulumi-resource-pulumi-nodejs && has pulumi-language-yaml && has pulumi-converter-yaml; then
      log "using pulumi v$found at $existing"
      echo "$dir"
      exit 0
    fi
    log "pulumi v$found at $existing has no pulumi-resource-pulumi-nodejs, pulumi-language-yaml or pulumi-converter-yaml beside it; building our own"
  else
    log "pulumi at $existing is ${found:-of unknown version}, older than $MIN_VERSION; building $PULUMI_VERSION"
  fi
fi

wrapper="$repo_root/tools/pulumi-cli"
source "$repo_root/scripts/lib/build-cache.sh"
# Each binary is cached under a key of exactly what builds it, so editing the language host
# rebuilds only the host (seconds), never `pulumi` (minutes). tools.go builds nothing but pins
# what `go mod tidy` keeps in go.mod. The directory printed holds hard links to both.
cli_key="$(cat "$wrapper/go.mod" "$wrapper/go.sum" "$wrapper/tools.go" | sha256sum | cut -c1-12)"
# The language hosts: ours for Node.js and Go (programs and SDKs), and an SDK generator only for
# Python (see tools/pulumi-cli/internal/codegenhost), so `pulumi package gen-sdk` works for those languages.
hosts=(pulumi-language-nodejs pulumi-language-go pulumi-language-python)
host_key="$(cat "$wrapper/go.mod" "$wrapper/go.sum" "$wrapper"/cmd/pulumi-language-*/*.go "$wrapper"/internal/*/*.go | sha256sum | cut -c1-12)"
# Pulumi YAML's language host, and its converter to PCL (`pulumi convert --from yaml`).
yaml_tools=(pulumi-language-yaml pulumi-converter-yaml)
yaml_key="$(cat "$yaml_wrapper/go.mod" "$yaml_wrapper/go.sum" "$yaml_wrapper/tools.go" | sha256sum | cut -c1-12)"
cli_dir="$cache_root/pulumi/$PULUMI_VERSION-$cli_key"
host_dir="$cache_root/language-host/$PULUMI_VERSION-$host_key"
yaml_dir="$cache_root/language-yaml/$YAML_VERSION-$yaml_key"
bin_dir="$cache_root/bin/$PULUMI_VERSION-$cli_key-$host_key-yaml-$YAML_VERSION-$yaml_key"

staging=""
trap 'rm -rf "$staging"' EXIT

# new_staging DIR: an empty directory beside DIR, so that publishing it is a rename.
new_staging() {
  mkdir -p "$(dirname "$1")"
  staging="$(mktemp -d "$(dirname "$1")/.build-XXXXXX")"
}

# publish DIR FILE...: puts the staging directory in place as DIR, which must hold every FILE.
publish() {
  local dir="$1" file
  shift
  # A directory left incomplete (binaries deleted by hand) would block the rename below.
  for file in "$@"; do
    if [ -d "$dir" ] && [ ! -x "$dir/$file" ]; then rm -rf "$dir"; fi
  done
  # Another run may have finished first; either copy is complete, so keep whichever landed.
  mv -T "$staging" "$dir" 2>/dev/null || rm -rf "$staging"
  staging=""
}

# go_build MODULE_DIR VERSION_VAR OUT_DIR PACKAGE...: builds in the wrapper module MODULE_DIR with
# the module graph pinned by its go.mod and go.sum, stamping VERSION_VAR (a -X name=value).
go_build() {
  command -v go >/dev/null 2>&1 || { log "no pulumi >= $MIN_VERSION (with pulumi-language-yaml) on PATH and no Go toolchain to build one: install Go >= 1.25 or the Pulumi CLI"; exit 1; }
  local module="$1" version_var="$2" out="$3"
  shift 3
  (
    cd "$module"
    # The proxy reachable here serves modules but not the checksum database; go.sum (committed)
    # pins every module hash, and -mod=readonly refuses anything it does not list.
    export GOFLAGS="-mod=readonly" GOSUMDB=off GOTOOLCHAIN=local CGO_ENABLED=0
    go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X $version_var" \
      -o "$out/" "$@"
  )
}

cli_version_var="github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"
yaml_version_var="github.com/pulumi/pulumi-yaml/pkg/version.Version=$YAML_VERSION"

# all_built DIR FILE...: every FILE is an executable in DIR.
all_built() {
  local dir="$1" file
  shift
  for file in "$@"; do [ -x "$dir/$file" ] || return 1; done
}

# link FROM TO: a hard link (the cache is one file system), else a copy.
link() { ln -f "$1" "$2" 2>/dev/null || cp -f "$1" "$2"; }

if [ ! -x "$cli_dir/pulumi" ]; then
  new_staging "$cli_dir"
  log "building pulumi $PULUMI_VERSION from Go modules (first run only; a few minutes)…"
  started=$SECONDS
  go_build "$wrapper" "$cli_version_var" "$staging" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  log "built pulumi in $((SECONDS - started))s"
  publish "$cli_dir" pulumi
fi

if ! all_built "$host_dir" "${hosts[@]}"; then
  new_staging "$host_dir"
  started=$SECONDS
  go_build "$wrapper" "$cli_version_var" "$staging" "${hosts[@]/#/./cmd/}"
  log "built the language hosts in $((SECONDS - started))s"
  publish "$host_dir" "${hosts[@]}"
fi

if ! all_built "$yaml_dir" "${yaml_tools[@]}"; then
  new_staging "$yaml_dir"
  log "building ${yaml_tools[*]} $YAML_VERSION from Go modules (first run only; a few minutes)…"
  started=$SECONDS
  go_build "$yaml_wrapper" "$yaml_version_var" "$staging" "${yaml_tools[@]/#/github.com/pulumi/pulumi-yaml/cmd/}"
  log "built ${yaml_tools[*]} in $((SECONDS - started))s"
  publish "$yaml_dir" "${yaml_tools[@]}"
fi

if ! all_built "$bin_dir" pulumi "${hosts[@]}" "${yaml_tools[@]}"; then
  new_staging "$bin_dir"
  link "$cli_dir/pulumi" "$staging/pulumi"
  for host in "${hosts[@]}"; do link "$host_dir/$host" "$staging/$host"; done
  for tool in "${yaml_tools[@]}"; do link "$yaml_dir/$tool" "$staging/$tool"; done
  publish "$bin_dir" pulumi "${hosts[@]}" "${yaml_tools[@]}"
fi
trap - EXIT

# Refreshed on every run: it comes from the installed @pulumi/pulumi and only resolves the SDK
# from the program's directory, so any copy works.
install -m 0755 "$plugin_script" "$bin_dir/pulumi-resource-pulumi-nodejs.tmp.$$"
mv -f "$bin_dir/pulumi-resource-pulumi-nodejs.tmp.$$" "$bin_dir/pulumi-resource-pulumi-nodejs"
log "using $("$bin_dir/pulumi" version) from $bin_dir"
echo "$bin_dir"
