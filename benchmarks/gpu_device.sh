#!/usr/bin/env bash
# On a lent GPU machine, as one device call from the repository root (carry ['.whl'], made by gpu_wheels.sh):
# installs the carried wheels, runs gpu_quickstart.sh with the same arguments, and puts its log and the run's
# metrics.json, stages.json and report.html into $OUT (what the call brings back).
#   bash benchmarks/gpu_device.sh OUT_DIR [TIME_SCALE] [DATASET] [WITH]
# One call may run 10 minutes and a session has 15 minutes of device time, starts included: choose TIME_SCALE so
# that the run ends inside the call (the `full` recipe is several times longer than that; benchmarks/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
back=${OUT:-/tmp/gpu_device_out}; mkdir -p "$back"
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1
bash benchmarks/gpu_quickstart.sh "$@" 2>&1 | tee "$back/log.txt"; rc=${PIPESTATUS[0]}
for f in metrics.json stages.json report.html; do [ -f "${1:-runs/gpu_full}/$f" ] && cp "${1:-runs/gpu_full}/$f" "$back/"; done
exit "$rc"
