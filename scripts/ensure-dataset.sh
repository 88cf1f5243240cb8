#!/usr/bin/env bash
# Installs the Debian package dataset-fashion-mnist when the embedded default dataset is missing and no other
# data folder was given (--data-dir or MIAREPRO_DATA). Idempotent; uses sudo when not root.
set -euo pipefail
default=/usr/share/datasets/fashion-mnist
for arg in "$@"; do
  case "$arg" in --data-dir|--data-dir=*) exit 0 ;; esac
done
[ -n "${MIAREPRO_DATA:-}" ] && exit 0
[ -f "$default/train-images-idx3-ubyte.gz" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! command -v apt-get >/dev/null; then
  echo "Fashion-MNIST is missing from $default and apt-get is not available: install the package" \
       "dataset-fashion-mnist, or pass --data-dir DIR (or set MIAREPRO_DATA) to a folder with the IDX files." >&2
  exit 2
fi
echo "Installing dataset-fashion-mnist (Fashion-MNIST, 30 MB) into $default ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq dataset-fashion-mnist >/dev/null
