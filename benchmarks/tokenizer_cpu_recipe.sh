#!/usr/bin/env bash
# CPU recipe for the trajectory tokenizer: 64x64x16 RGB trajectory videos, a small VQ-VAE, at most 13 minutes of
# training (plus data generation and the final validation on the 1,000 held-out videos), aiming at a mean dot-centroid
# error <= 1 px. Usage (from the repository root, package importable): bash benchmarks/tokenizer_cpu_recipe.sh [OUT_DIR]
# The final held-out metrics are printed as JSON and written to OUT_DIR/run/metrics.json.
set -euo pipefail
out=${1:-benchmarks/out/tokenizer_cpu}
mkdir -p "$out"
[ -f "$out/traj10k.h5" ] || python -m magvit_traj.cli generate --num-samples 10000 --out "$out/traj10k.h5" --workers 2 --quiet
start=$(date +%s)
python -m magvit_traj.cli train-tokenizer --data_path "$out/traj10k.h5" --batch_size 8 \
  --hidden_dims 32 64 --n_res_layers 2 --strides 4 4 4 --patch_size 2 2 2 --codebook_size 512 --embedding_dim 32 \
  --lr 1e-3 --warmup_steps 100 --max_steps 3000 --max_minutes 13 --val_every 500 --limit_val_batches 8 \
  --accelerator cpu --out "$out/run" --overwrite --no_progress_bar
echo "wall time of training + final validation: $(( $(date +%s) - start )) s"
