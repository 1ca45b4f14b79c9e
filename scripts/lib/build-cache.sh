# Sourced by the scripts that build something from Go modules once per machine (ensure-pulumi.sh,
# ensure-go-program.sh, ensure-kubernetes.sh): where their builds are cached, outside the repository
# and per user, and the lock that lets one build run at a time.

# The cache's root folder.
cache_root="${PULUMI_RUNAI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-runai}"

# lock_build_folder <folder>: creates the folder and holds its lock (file descriptor 9) until the
# script exits, so that a second caller waits for the first build and then finds what it built.
lock_build_folder() {
  mkdir -p "$1"
  exec 9>"$1/.lock"
  flock 9
}
