#!/usr/bin/env bash
# The Python packages magvit_traj needs that a lent GPU machine's image lacks (it has torch, lightning, h5py, scipy,
# scikit-learn, pandas, matplotlib, pyyaml, tensorboard, ...: /work/.library/device/KINDS.md), downloaded here as
# wheels into .whl/ (ignored by git) for that machine's Python (3.12), since nothing can be fetched there. All of them
# are pure Python or interpreter-independent; about 48 MB, inside the 64 MiB a device call carries.
#   bash benchmarks/gpu_wheels.sh             # then a device call with carry ['.whl']: benchmarks/gpu_device.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .whl
python3 -m pip download -q --no-deps --only-binary=:all: --python-version "${PYVER:-3.12}" --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
  --platform manylinux2014_x86_64 --platform manylinux1_x86_64 -d .whl \
  vector-quantize-pytorch==1.32.0 einx==0.4.3 frozendict==2.5.1 torch-einops-utils==0.2.0 loguru==0.7.3 \
  mlxtend==0.25.0 hdf5plugin==7.1.0
du -sh .whl
