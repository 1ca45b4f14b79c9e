#!/usr/bin/env bash
# The drift gate that drift-gate.yml runs (the project's e2e test runs this same script): logs in to
# the state backend, fails when `pulumi preview --refresh` finds anything to change, and then lists
# what drifted with ../drift-report, as JSON in the log and in $REPORT_FILE, and as a table in the
# job summary.
#
#   STACK             the stack to check, fully qualified: <organization>/<project>/<stack> (required)
#   PROGRAM_DIR       the directory of its Pulumi.yaml, dependencies installed (default: .)
#   DRIFT_REPORT_DIR  examples/drift-report, dependencies installed (default: next to this script)
#   REPORT_FILE       where the JSON report goes (default: drift-report.json)
#   GITHUB_STEP_SUMMARY  set by GitHub Actions: the Markdown summary is appended to it
#   PULUMI_BACKEND_URL / PULUMI_ACCESS_TOKEN, PULUMI_CONFIG_PASSPHRASE: the backend and its secrets
#
# Exit code: 0 when nothing would change, non-zero otherwise (the report's own code, 2 for drift, or
# the preview's when the report finds no drift: then the program differs from the stack).
set -euo pipefail
: "${STACK:?set STACK to the fully qualified stack name, e.g. acme/team-assets/prod}"
program_dir="$(cd "${PROGRAM_DIR:-.}" && pwd)"
report_dir="$(cd "${DRIFT_REPORT_DIR:-$(dirname "$0")/../drift-report}" && pwd)"
report_file="$(pwd)/${REPORT_FILE:-drift-report.json}"
[[ "${REPORT_FILE:-}" == /* ]] && report_file="$REPORT_FILE"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"

# PULUMI_BACKEND_URL (s3://, azblob://, gs://, file://) when set, else Pulumi Cloud with PULUMI_ACCESS_TOKEN.
pulumi login --non-interactive

gate=0
pulumi preview --refresh --expect-no-changes --non-interactive --stack "$STACK" --cwd "$program_dir" || gate=$?
if [[ $gate -eq 0 ]]; then
  echo "### No drift in \`$STACK\`" >>"$summary"
  exit 0
fi

echo "::error title=Drift gate::pulumi preview --refresh found changes in $STACK; the drift report follows"
report=0
(cd "$report_dir" && node -r ts-node/register/transpile-only index.ts --stack "$STACK" --cwd "$program_dir" --summary "$summary") \
  >"$report_file" || report=$?
cat "$report_file"
exit $((report != 0 ? report : gate))
