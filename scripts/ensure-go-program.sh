#!/usr/bin/env bash
# Builds the Go Automation-API program of the e2e tests (test/e2e/programs/go-automation) once per
# machine and caches the binary per user outside the repository, keyed by its go.mod, go.sum and
# sources (like ensure-pulumi.sh caches the CLI): the first build takes minutes, later runs none.
#
# Prints the binary's path as its last line of standard output; logs go to stderr.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$repo_root/test/e2e/programs/go-automation"
log() { echo "ensure-go-program: $*" >&2; }

source "$repo_root/scripts/lib/build-cache.sh"
key="$(cat "$module/go.mod" "$module/go.sum" "$module"/*.go | sha256sum | cut -c1-12)"
dir="$cache_root/go-automation/$key"
binary="$dir/go-automation"

# One build at a time per machine: a second caller (the e2e test, after the global setup started
# the build in the background) waits for the first and then finds the binary.
lock_build_folder "$cache_root/go-automation"

if [ ! -x "$binary" ]; then
  command -v go >/dev/null 2>&1 || { log "no Go toolchain: install Go >= 1.25 to run the Go e2e tests"; exit 1; }
  staging="$(mktemp -d "$(dirname "$dir")/.build-XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  log "building the Go Automation-API test program (first run only; a few minutes)…"
  started=$SECONDS
  (
    cd "$module"
    # The proxy reachable here serves modules but not the checksum database; go.sum (committed)
    # pins every module hash, and -mod=readonly refuses anything it does not list.
    export GOFLAGS="-mod=readonly" GOSUMDB=off GOTOOLCHAIN=local CGO_ENABLED=0
    go build -trimpath -ldflags "-s -w" -o "$staging/go-automation" .
  )
  log "built in $((SECONDS - started))s"
  # Another run may have finished first; either copy is complete, so keep whichever landed.
  mv -T "$staging" "$dir" 2>/dev/null || rm -rf "$staging"
  trap - EXIT
fi
echo "$binary"
