#!/usr/bin/env python
"""The seed's Moving MNIST writer: Moving MNIST in VideoGPT's HDF5 layout, with the seed's flags.

    python scripts/create_moving_mnist.py --output_file datasets/moving_mnist/moving_mnist_64x64.h5 \
        --sequence_length 16 --resolution 64 --num_digits 2 --videos_per_digit 1000

Missing folders are created; videos hold --extra_frames (4) more frames than --sequence_length, so VideoGPT's own reader
takes every one. Same as `magvit-traj create-moving-mnist` (nbs/05_moving_mnist.ipynb); --help lists every flag.
"""
import sys
from magvit_traj.moving_mnist import create_main

if __name__ == '__main__': sys.exit(create_main(prog="create_moving_mnist.py"))
