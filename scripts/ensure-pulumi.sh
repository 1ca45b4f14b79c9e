#!/usr/bin/env bash
# Makes a real `pulumi` CLI available to the demo and the e2e tests, offline.
#
# 1. A `pulumi` already on PATH with version >= 3.139 (dynamic-provider configure() support) is used.
# 2. Otherwise pulumi v3.248.0 is built from the Go module proxy through the wrapper module in
#    tools/pulumi-cli (a plain `go install …@v3.248.0` fails on pulumi's replace directives),
#    together with this project's small Node.js language host, and cached per user outside the
#    repository, keyed by version and by the wrapper module's content.
# In both cases the dynamic-provider plugin script shipped in node_modules/@pulumi/pulumi is put
# next to the binaries so the engine never tries to download a plugin.
#
# Prints the directory holding `pulumi` as its last line of standard output; logs go to stderr.
set -euo pipefail

PULUMI_VERSION="v3.248.0"
MIN_VERSION="3.139.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "ensure-pulumi: $*" >&2; }

version_ge() { # version_ge A B: A >= B (semver without pre-release)
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

plugin_script="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[ -f "$plugin_script" ] || { log "node_modules/@pulumi/pulumi is missing: run 'npm ci' first"; exit 1; }

if [ -z "${PULUMI_RUNAI_BUILD_CLI:-}" ] && existing="$(command -v pulumi 2>/dev/null)"; then
  found="$("$existing" version 2>/dev/null | sed 's/^v//' || true)"
  if [ -n "$found" ] && version_ge "${found%%-*}" "$MIN_VERSION"; then
    dir="$(dirname "$(readlink -f "$existing")")"
    if [ -x "$dir/pulumi-resource-pulumi-nodejs" ] || command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1; then
      log "using pulumi v$found at $existing"
      echo "$dir"
      exit 0
    fi
    log "pulumi v$found at $existing has no pulumi-resource-pulumi-nodejs beside it; building our own"
  else
    log "pulumi at $existing is ${found:-of unknown version}, older than $MIN_VERSION; building $PULUMI_VERSION"
  fi
fi

wrapper="$repo_root/tools/pulumi-cli"
key="$(cat "$wrapper/go.mod" "$wrapper/go.sum" "$wrapper"/cmd/*/*.go | sha256sum | cut -c1-12)"
cache_root="${PULUMI_RUNAI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-runai}"
bin_dir="$cache_root/pulumi-cli/$PULUMI_VERSION-$key"

if [ ! -x "$bin_dir/pulumi" ] || [ ! -x "$bin_dir/pulumi-language-nodejs" ]; then
  command -v go >/dev/null 2>&1 || { log "no pulumi >= $MIN_VERSION on PATH and no Go toolchain to build one: install Go >= 1.25 or the Pulumi CLI"; exit 1; }
  log "building pulumi $PULUMI_VERSION from Go modules (first run only; a few minutes)…"
  mkdir -p "$cache_root/pulumi-cli"
  staging="$(mktemp -d "$cache_root/pulumi-cli/.build-XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  started=$SECONDS
  (
    cd "$wrapper"
    # The proxy reachable here serves modules but not the checksum database; go.sum (committed)
    # pins every module hash, and -mod=readonly refuses anything it does not list.
    export GOFLAGS="-mod=readonly" GOSUMDB=off GOTOOLCHAIN=local CGO_ENABLED=0
    go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
      -o "$staging/" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi ./cmd/pulumi-language-nodejs
  )
  mkdir -p "$(dirname "$bin_dir")"
  # A directory left incomplete (binaries deleted by hand) would block the rename below.
  if [ -d "$bin_dir" ] && { [ ! -x "$bin_dir/pulumi" ] || [ ! -x "$bin_dir/pulumi-language-nodejs" ]; }; then
    rm -rf "$bin_dir"
  fi
  # Another run may have finished first; either copy is complete, so keep whichever landed.
  mv -T "$staging" "$bin_dir" 2>/dev/null || rm -rf "$staging"
  trap - EXIT
  log "built in $((SECONDS - started))s into $bin_dir"
fi

# Refreshed on every run: it comes from the installed @pulumi/pulumi and only resolves the SDK
# from the program's directory, so any copy works.
install -m 0755 "$plugin_script" "$bin_dir/pulumi-resource-pulumi-nodejs.tmp.$$"
mv -f "$bin_dir/pulumi-resource-pulumi-nodejs.tmp.$$" "$bin_dir/pulumi-resource-pulumi-nodejs"
log "using $("$bin_dir/pulumi" version) from $bin_dir"
echo "$bin_dir"
