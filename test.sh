#!/usr/bin/env bash
# Runs the whole test suite (unit tests, then the claim experiments at smoke scale) in Release.
# Installs the embedded default dataset (Debian package dataset-fashion-mnist) when it is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$root/scripts/ensure-dataset.sh"
cd "$root"
exec dotnet test --solution MiaRepro.sln -c Release "$@"
