#!/usr/bin/env bash
# Accepts every received baseline snapshot (Verify's convention): renames baselines/<device>/*.received.json
# to *.verified.json. Run after a test run whose baseline check failed because of an intended change; review
# the diff with `git diff baselines/` before committing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shopt -s nullglob
accepted=0
for received in "$root"/baselines/*/*.received.json; do
  mv -f "$received" "${received%.received.json}.verified.json"
  echo "accepted ${received#"$root"/}"
  accepted=$((accepted + 1))
done
echo "$accepted baseline(s) accepted"
