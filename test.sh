#!/usr/bin/env bash
# Runs the whole test suite in Release: the unit tests (with line coverage of the product) and, side by side, the
# claim experiments at smoke scale. Installs the embedded default dataset (Debian package dataset-fashion-mnist) when
# it is missing. Arguments go to both test projects (e.g. --filter-class). MIAREPRO_COVERAGE=0 skips the coverage.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$root/scripts/ensure-dataset.sh"
cd "$root"
dotnet build MiaRepro.sln -c Release

# Coverage is measured on the unit tests alone: they run every line the claim experiments run (measured: the
# experiments add none), and coverlet's single-hit mode keeps the instrumented numeric loops affordable (docs/tests.md).
results="$root/artifacts/test-results"
coverage=()
if [ "${MIAREPRO_COVERAGE:-1}" != 0 ]; then
  rm -rf "$results" "$root/artifacts/coverage"
  coverage=(--results-directory "$results" --coverlet --coverlet-single-hit --coverlet-output-format cobertura
            --coverlet-include '[MiaRepro*]*' --coverlet-exclude '[MiaRepro.Testing]*')
fi

# A filter may match tests of one project only: the other then runs none, which is not a failure (exit code 8).
filter=()
if [ "$#" -gt 0 ]; then
  filter=(--ignore-exit-code 8)
fi

# The two projects run at once, as `dotnet test --solution` runs them; the experiments' log follows the unit tests'.
experiments_log="$(mktemp)"
trap 'rm -f "$experiments_log"' EXIT
dotnet test --project experiments/MiaRepro.Experiments -c Release --no-build "${filter[@]}" "$@" > "$experiments_log" 2>&1 &
experiments=$!
set +e
dotnet test --project tests/MiaRepro.Tests -c Release --no-build "${coverage[@]}" "${filter[@]}" "$@"
unit_rc=$?
wait "$experiments"
experiments_rc=$?
set -e
cat "$experiments_log"

if [ "${#coverage[@]}" -gt 0 ]; then
  shopt -s nullglob
  reports=("$results"/coverage.cobertura*.xml)
  if ! command -v python3 > /dev/null; then
    echo "line coverage: not summarized (python3 is not installed); the reports are in $results"
  elif [ "${#reports[@]}" -gt 0 ]; then
    python3 scripts/coverage-summary.py "$root/artifacts/coverage" "${reports[@]}"
    echo "coverage report: $root/artifacts/coverage/coverage.cobertura.xml (uncovered lines per file: uncovered.txt)"
  else
    echo "line coverage: no report (the unit tests did not finish)"
  fi
fi

[ "$unit_rc" -eq 0 ] && [ "$experiments_rc" -eq 0 ]
