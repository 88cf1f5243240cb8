#!/usr/bin/env bash
# Resident memory of one run over the models it trains (issue 14, item 11): samples VmRSS every 3 s beside the
# run's "(N/M models done)" progress and prints the peak RSS per models-done count.
#   scripts/measure-rss.sh [reproduce options]     default: 240 baseline models of a 100-example population, 1 epoch, 2 threads
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--recipes baseline --models 240 --population 100 --epochs 1 --threads 2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash "$root/scripts/ensure-dataset.sh" reproduce
dotnet build "$root/src/MiaRepro.Cli" -c Release -v quiet -nologo -clp:NoSummary >&2
dotnet "$root/src/MiaRepro.Cli/bin/Release/net10.0/MiaRepro.Cli.dll" reproduce "${args[@]}" --no-store --out "$work/out" >"$work/log" 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || true)
  done_models=$(tr '\r' '\n' <"$work/log" | grep -o '([0-9]*/[0-9]* models done)' | tail -1 | tr -d '(' | cut -d/ -f1 || true)
  [ -n "$rss" ] && echo "${done_models:-0} $rss" >>"$work/samples"
  sleep 3
done
wait "$pid" || { tail -5 "$work/log" >&2; exit 1; }
echo "models_done peak_rss_mb"
awk '{ if (!($1 in peak) || $2 > peak[$1]) peak[$1] = $2 } END { for (m in peak) print m, peak[m] }' "$work/samples" | sort -n
