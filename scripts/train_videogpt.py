#!/usr/bin/env python
"""VideoGPT's training script, with VideoGPT's flags: VideoData(args), VideoGPT(args), Lightning's Trainer.

    python scripts/train_videogpt.py --data_path moving_mnist --dataset_type moving_mnist --resolution 64 \
        --sequence_length 16 --batch_size 8 --num_digits 2 --videos_per_digit 1000 --max_steps 10000

Without --vqvae it trains a tokenizer first into OUT/vqvae/ (reused by later runs). The work is
`magvit_traj.videogpt.videogpt_main` (nbs/07b_videogpt.ipynb); --help lists every flag.
"""
import sys
from magvit_traj.videogpt import videogpt_main

if __name__ == '__main__': sys.exit(videogpt_main())
