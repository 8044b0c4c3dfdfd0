#!/usr/bin/env python
"""The seed's Moving MNIST example, end to end with small defaults (about 13 minutes and 1.5 GB on 2 CPU cores; what the models reach at this size: benchmarks/README.md and benchmarks/results/example_moving_mnist_cpu.txt):

    python scripts/example_moving_mnist.py --create_dataset --visualize --train --generate

writes runs/moving_mnist_example/: moving_mnist.h5 (VideoGPT's layout), dataset.png/.gif, run/ (tokenizer,
transformer, classifier, report.html) and samples/ (generated and predicted videos). Name no part to run all four;
--help lists the sizes. The work is `magvit_traj.quickstart.example_moving_mnist` (nbs/11a_quickstart.ipynb).
"""
import sys
from magvit_traj.quickstart import example_main

if __name__ == '__main__': sys.exit(example_main())
