#!/usr/bin/env bash
# Install magvit_traj into the active Python environment; `--dev` adds the notebook and test tools.
# Without a GPU, the CPU build of PyTorch goes in first so that no requirement pulls a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
extra=""; [ "${1:-}" = "--dev" ] && extra="[dev]"
python -m pip install -q --upgrade pip
if ! (command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1); then
  python -m pip install -q "torch==2.13.0"
fi
python -m pip install -q -e ".${extra}"
