#!/usr/bin/env bash
# The GPU run recorded in benchmarks/README.md: the full quickstart configuration on one GPU, with every
# stage's training time scaled by TIME_SCALE (default 1: the full recipe) so that it fits the slot at hand.
#   bash benchmarks/gpu_quickstart.sh OUT_DIR [TIME_SCALE]
set -euo pipefail
out=${1:-runs/gpu_full}; scale=${2:-1.0}
nvidia-smi -L || true
python3 -c "import torch, lightning; print('torch', torch.__version__, 'lightning', lightning.__version__, 'cuda', torch.cuda.is_available())"
python3 -m magvit_traj.cli quickstart --config tiny --out "$out-smoke" --quiet --force   # seconds: fails fast if the GPU path breaks
python3 -m magvit_traj.cli quickstart --config full --out "$out" --time_scale "$scale" --quiet
