#!/usr/bin/env bash
# The GPU run recorded in benchmarks/README.md: the full quickstart configuration on one GPU, with every
# stage's training steps scaled by TIME_SCALE (default 1: the full recipe) so that it fits the slot at hand;
# DATASET trajectory (default) or moving_mnist (issue 11's GPU recipe: the full models adapted by mnist_config);
# WITH language adds the text-to-video stage and its measures (issue 13's GPU recipe; trajectory only).
#   bash benchmarks/gpu_quickstart.sh OUT_DIR [TIME_SCALE] [DATASET] [WITH]
set -euo pipefail
out=${1:-runs/gpu_full}; scale=${2:-1.0}; dataset=${3:-trajectory}; with=(${4:+--with "$4"})
nvidia-smi -L || true
python3 -c "import torch, lightning; print('torch', torch.__version__, 'lightning', lightning.__version__, 'cuda', torch.cuda.is_available())"
python3 -m magvit_traj.cli quickstart --config tiny --dataset "$dataset" --out "$out-smoke" --quiet --force "${with[@]}"  # seconds: fails fast if the GPU path breaks
python3 -m magvit_traj.cli quickstart --config full --dataset "$dataset" --out "$out" --time_scale "$scale" --quiet "${with[@]}"
