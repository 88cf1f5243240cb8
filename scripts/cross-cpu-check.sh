#!/usr/bin/env bash
# Runs the portable-kernels tripwire (PortableKernelsTests) with its child runs on CPUs this machine emulates:
# qemu-user (Debian package qemu-user) presents another vendor, model and cache geometry to libtorch, oneDNN and
# MKL, and computes each instruction bit-exactly (it cannot emulate AVX-512 or the hardware's approximate
# reciprocals). The committed hashes must come out on every one. About 10 minutes per CPU model.
#   scripts/cross-cpu-check.sh [qemu CPU model ...]   (default: Haswell-v4 EPYC-Milan Cooperlake-v2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v qemu-x86_64 >/dev/null || { echo "qemu-x86_64 is missing: apt-get install qemu-user" >&2; exit 2; }
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(Haswell-v4 EPYC-Milan Cooperlake-v2)
cd "$root"
dotnet build tests/MiaRepro.Tests -c Release -v quiet -nologo >&2
status=0
for cpu in "${models[@]}"; do
  echo "== $cpu"
  # Under qemu-user .NET is fragile: no W^X double mapping of JIT code, no background GC or tiered re-JIT threads,
  # and a gen0 budget large enough that the short run hardly collects.
  DOTNET_EnableWriteXorExecute=0 DOTNET_gcConcurrent=0 DOTNET_TieredCompilation=0 DOTNET_GCgen0size=0x20000000 \
    MIAREPRO_TEST_LAUNCHER="qemu-x86_64 -cpu $cpu" \
    dotnet test --project tests/MiaRepro.Tests -c Release --no-build \
      --filter-method "*PortableKernelsTests.The_default_kernels_train_the_committed_bits" || status=1
done
exit $status
