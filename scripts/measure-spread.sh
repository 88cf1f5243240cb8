#!/usr/bin/env bash
# Measures the spread of every baseline number across master seed 0 and the registered confirming seeds (portable CPU kernels) and writes
# baselines/spread.json: the tolerances of the native-CPU and CUDA baselines, and each seed's verdicts.
# Trains five smoke runs beyond seed 0 (about 25 minutes on 2 idle cores) unless artifacts/experiments/store holds them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/ensure-dataset.sh"
cd "$root"
MIAREPRO_CPU_KERNELS=portable exec dotnet test --project experiments/MiaRepro.Experiments -c Release \
  --filter-method "*.Measure_the_spread_of_every_baseline_number_across_seeds" --explicit only "$@"
